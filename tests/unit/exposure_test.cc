// Tests of sim/analysis/exposure.h: the white paper's levels for saas / infra / infra with
// customer-managed keys / self, multi-hop routes (a Dutch SaaS on a US cloud), the
// weakest-link rule, the most exposed route, home jurisdictions, disputed dependencies,
// functions delivered by an organisation, cycles; the loader's customer_managed_keys; and the
// JSON writer. Every expected row is worked out by hand from the model in the comments.
#include "sim/analysis/exposure.h"

#include <string>
#include <tuple>
#include <vector>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "sim/analysis/exposure_writer.h"
#include "tests/unit/test_support.h"

namespace {

using msout::analysis::compute_exposure;
using msout::analysis::Exposure;
using msout::analysis::ExposureLevel;
using msout::analysis::ExposureOptions;
using msout::analysis::is_home;
using msout::model::FreezeOptions;
using msout::model::FrozenGraph;
using msout::model::Model;

// (level, foreign entity, via, path as ids from the organisation or function onward)
using Row = std::tuple<std::string, std::string, std::string, std::string>;
using Rows = std::vector<Row>;

Model model_of(const std::string& entities) {
  return msout::model::load_model(
      {{"m.json", R"({"format":"msout-model/1","name":"test","entities":)" + entities + "}"}});
}

struct Analysed {
  Model model;
  FrozenGraph graph;

  explicit Analysed(const std::string& entities, bool include_disputed = false)
      : model(model_of(entities)),
        graph(FrozenGraph::freeze(model, FreezeOptions{include_disputed})) {}

  // The rows of one organisation, in output order.
  Rows rows(const std::string& organisation, ExposureOptions options = {}) const {
    options.organisations = {*model.find(organisation)};
    const Exposure result = compute_exposure(model, graph, options);
    Rows out;
    for (const auto& row : result.organisations.at(0).rows) {
      std::string path = model.entities[graph.edge(row.path.front()).owner].id;
      for (std::uint32_t e : row.path) path += ">" + model.entities[graph.edge(e).dependency].id;
      out.emplace_back(std::string(to_string(row.level)), model.entities[row.entity].id,
                       model.entities[row.via].id, path);
    }
    return out;
  }
};

std::string entity(const std::string& id, const std::string& kind, const std::string& jurisdiction,
                   const std::string& requires_json = "[]") {
  const std::string law =
      jurisdiction.empty() ? "" : R"("jurisdiction":")" + jurisdiction + R"(",)";
  return R"({"id":")" + id + R"(","name":")" + id + R"(","kind":")" + kind + R"(",)" + law +
         R"("requires":)" + requires_json + "}";
}

// A small world:
//   us-cloud (US provider) <-> us-identity (US service): the cloud's management plane signs
//     in at the identity service (saas), which runs on the cloud (infra) — a cycle.
//   us-saas (US service) runs on us-cloud (infra).
//   nl-saas (NL service) runs on us-cloud (infra): a Dutch SaaS on a US cloud.
//   vendor (US provider): a software supplier only.
const std::string kWorld =
    entity("us-cloud", "provider", "US", R"([{"on":"us-identity","layer":"saas"}])") + "," +
    entity("us-identity", "service", "US", R"([{"on":"us-cloud","layer":"infra"}])") + "," +
    entity("us-saas", "service", "US", R"([{"on":"us-cloud","layer":"infra"}])") + "," +
    entity("nl-saas", "service", "NL", R"([{"on":"us-cloud","layer":"infra"}])") + "," +
    entity("vendor", "provider", "US");

TEST_CASE("Exposure.Levels.SaasInfraKeysSelf") {
  // org uses us-saas as SaaS, nl-saas as SaaS, runs its own application on us-cloud with its
  // own keys, and runs vendor's software itself.
  const Analysed a("[" + kWorld + "," +
                   entity("org", "organisation", "NL",
                          R"([{"on":"us-saas","layer":"saas"},{"on":"nl-saas","layer":"saas"},
                              {"on":"us-cloud","layer":"infra","customer_managed_keys":true},
                              {"on":"vendor","layer":"self"}])") +
                   "]");
  // us-saas: saas -> exposed. us-cloud under us-saas: min(exposed, reduced) = reduced.
  // us-identity under us-saas: us-saas > us-cloud (infra) > us-identity (saas): min = reduced.
  // nl-saas is home (no row); us-cloud under it: reduced; us-identity: min(reduced, exposed).
  // Own application with own keys: reduced-customer-keys at us-cloud and, further down,
  // at us-identity. vendor (self): no row.
  CHECK(a.rows("org") ==
        Rows{{"exposed", "us-saas", "us-saas", "org>us-saas"},
             {"reduced", "us-cloud", "nl-saas", "org>nl-saas>us-cloud"},
             {"reduced", "us-cloud", "us-saas", "org>us-saas>us-cloud"},
             {"reduced", "us-identity", "nl-saas", "org>nl-saas>us-cloud>us-identity"},
             {"reduced", "us-identity", "us-saas", "org>us-saas>us-cloud>us-identity"},
             {"reduced-customer-keys", "us-cloud", "us-cloud", "org>us-cloud"},
             {"reduced-customer-keys", "us-identity", "us-cloud", "org>us-cloud>us-identity"}});
}

TEST_CASE("Exposure.Levels.CustomerKeysOnSaasStayExposed") {
  const Analysed a("[" + kWorld + "," +
                   entity("org", "organisation", "NL",
                          R"([{"on":"us-identity","layer":"saas","customer_managed_keys":true}])") +
                   "]");
  // The provider runs the application on the data: exposed, keys or not. Below it, the
  // cloud it runs on: reduced.
  CHECK(a.rows("org") == Rows{{"exposed", "us-identity", "us-identity", "org>us-identity"},
                              {"reduced", "us-cloud", "us-identity", "org>us-identity>us-cloud"}});
}

TEST_CASE("Exposure.Routes.HomeHopsDoNotLowerTheLevel") {
  // org's own application app (NL, hosted on infra) signs in at us-identity as a SaaS: the
  // application reads the data and hands it on, so us-identity gets it exposed.
  const Analysed a("[" + kWorld + "," +
                   entity("app", "service", "NL", R"([{"on":"us-identity","layer":"saas"}])") +
                   "," + entity("org", "organisation", "NL", R"([{"on":"app","layer":"infra"}])") +
                   "]");
  CHECK(a.rows("org") == Rows{{"exposed", "us-identity", "app", "org>app>us-identity"},
                              {"reduced", "us-cloud", "app", "org>app>us-identity>us-cloud"}});
}

TEST_CASE("Exposure.Routes.MostExposedRouteWinsOverShorter") {
  // hub (NL SaaS) stores on us-cloud as infrastructure (short route, reduced) and also
  // sends the data through nl-proxy (NL) into a us-cloud SaaS (longer route, exposed).
  const Analysed a(
      "[" + kWorld + "," +
      entity("nl-proxy", "service", "NL", R"([{"on":"us-cloud","layer":"saas"}])") + "," +
      entity("hub", "service", "NL",
             R"([{"on":"us-cloud","layer":"infra"},{"on":"nl-proxy","layer":"saas"}])") +
      "," + entity("org", "organisation", "NL", R"([{"on":"hub","layer":"saas"}])") + "]");
  const Rows rows = a.rows("org");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0] == Row{"exposed", "us-cloud", "hub", "org>hub>nl-proxy>us-cloud"});
  // us-identity: via the direct route us-cloud (reduced) then saas -> reduced; via nl-proxy
  // exposed then saas -> exposed. The most exposed wins.
  CHECK(rows[1] == Row{"exposed", "us-identity", "hub", "org>hub>nl-proxy>us-cloud>us-identity"});
}

TEST_CASE("Exposure.Routes.SelfAndUnlayeredCarryNoData") {
  // onprem is self-hosted; partner is another organisation (no layer). Both use us-saas,
  // but org's data reaches neither's dependencies.
  const Analysed a(
      "[" + kWorld + "," +
      entity("onprem", "service", "NL", R"([{"on":"us-saas","layer":"saas"}])") + "," +
      entity("partner", "organisation", "NL", R"([{"on":"us-saas","layer":"saas"}])") + "," +
      entity("org", "organisation", "NL", R"([{"on":"onprem","layer":"self"},{"on":"partner"}])") +
      "]");
  CHECK(a.rows("org").empty());
  CHECK(a.rows("partner").size() == 3);  // us-saas, us-cloud, us-identity
}

TEST_CASE("Exposure.Home.EuIncludesMemberStates") {
  CHECK(is_home("NL", {"NL", "EU"}));
  CHECK(is_home("EU", {"NL", "EU"}));
  CHECK(is_home("FR", {"NL", "EU"}));
  CHECK(is_home("EL", {"NL", "EU"}));
  CHECK_FALSE(is_home("US", {"NL", "EU"}));
  CHECK_FALSE(is_home("CA", {"NL", "EU"}));
  CHECK_FALSE(is_home("GB", {"NL", "EU"}));  // not a member state since 2020
  CHECK_FALSE(is_home("FR", {"NL"}));
  CHECK_FALSE(is_home("EU", {"NL"}));
  CHECK(is_home("US", {"US"}));
  CHECK_FALSE(is_home("", {"NL", "EU"}));
}

TEST_CASE("Exposure.Home.DecidesWhatIsForeign") {
  const Analysed a("[" + entity("fr-saas", "service", "FR") + "," +
                   entity("ca-saas", "service", "CA") + "," +
                   entity("unknown-saas", "service", "") + "," +
                   entity("org", "organisation", "NL",
                          R"([{"on":"fr-saas","layer":"saas"},{"on":"ca-saas","layer":"saas"},
                 {"on":"unknown-saas","layer":"saas"}])") +
                   "]");
  // Default home NL, EU: France is home; Canada is foreign; no jurisdiction is not reported.
  CHECK(a.rows("org") == Rows{{"exposed", "ca-saas", "ca-saas", "org>ca-saas"}});
  ExposureOptions nl_only;
  nl_only.home = {"NL"};
  CHECK(a.rows("org", nl_only) == Rows{{"exposed", "ca-saas", "ca-saas", "org>ca-saas"},
                                       {"exposed", "fr-saas", "fr-saas", "org>fr-saas"}});
  ExposureOptions north_america;
  north_america.home = {"US", "CA", "NL"};
  CHECK(a.rows("org", north_america) == Rows{{"exposed", "fr-saas", "fr-saas", "org>fr-saas"}});
}

TEST_CASE("Exposure.Disputed.LeftOutUnlessIncluded") {
  const std::string entities = "[" + kWorld + "," +
                               entity("org", "organisation", "NL",
                                      R"([{"on":"us-saas","layer":"saas",
                  "evidence":{"source":"s","confidence":"disputed"}}])") +
                               "]";
  CHECK(Analysed(entities).rows("org").empty());
  CHECK(Analysed(entities, /*include_disputed=*/true).rows("org").size() == 3);
}

TEST_CASE("Exposure.Functions.DeliveredFunctionsBringTheirSystems") {
  // The hospital pattern: the organisation requires nothing itself; its function requires
  // it (no layer) and the EPD (infra), which runs on us-cloud. Another function that does
  // not require the organisation brings nothing.
  const Analysed a(
      "[" + kWorld + "," +
      entity("epd", "service", "NL", R"([{"on":"us-cloud","layer":"infra"}])") + "," +
      entity("hospital", "organisation", "NL") + "," +
      entity("care", "function", "NL", R"([{"on":"hospital"},{"on":"epd","layer":"infra"}])") +
      "," + entity("other", "function", "NL", R"([{"on":"us-saas","layer":"saas"}])") + "]");
  CHECK(a.rows("hospital") ==
        Rows{{"reduced", "us-cloud", "epd", "care>epd>us-cloud"},
             {"reduced", "us-identity", "epd", "care>epd>us-cloud>us-identity"}});
}

TEST_CASE("Exposure.Organisations.AllByDefaultInModelOrder") {
  const Analysed a("[" + kWorld + "," + entity("b-org", "organisation", "NL") + "," +
                   entity("a-org", "organisation", "NL", R"([{"on":"us-saas","layer":"saas"}])") +
                   "]");
  const Exposure result = compute_exposure(a.model, a.graph, {});
  REQUIRE(result.organisations.size() == 2);
  CHECK(a.model.entities[result.organisations[0].organisation].id == "b-org");
  CHECK(result.organisations[0].rows.empty());
  CHECK(result.organisations[1].rows.size() == 3);
}

TEST_CASE("Exposure.Json.FormatRowsAndPath") {
  const Analysed a("[" + kWorld + "," +
                   entity("org", "organisation", "NL", R"([{"on":"nl-saas","layer":"saas"}])") +
                   "]");
  msout::analysis::ExposureInput input;
  input.model = &a.model;
  input.graph = &a.graph;
  const Exposure result = compute_exposure(a.model, a.graph, input.options);
  const auto json = nlohmann::json::parse(msout::analysis::exposure_json(input, result));
  CHECK(json["format"] == "msout-exposure/1");
  CHECK(json["home"] == nlohmann::json::array({"NL", "EU"}));
  const auto& org = json["organisations"][0];
  CHECK(org["id"] == "org");
  REQUIRE(org["exposures"].size() == 2);
  const auto& row = org["exposures"][0];
  CHECK(row["entity"]["id"] == "us-cloud");
  CHECK(row["jurisdiction"] == "US");
  CHECK(row["level"] == "reduced");
  CHECK(row["via"]["id"] == "nl-saas");
  CHECK(row["path"] == nlohmann::json::parse(R"([{"id":"org"},
      {"id":"nl-saas","layer":"saas","customer_managed_keys":false},
      {"id":"us-cloud","layer":"infra","customer_managed_keys":false}])"));
}

TEST_CASE("Exposure.Loader.CustomerManagedKeysRead") {
  const Model m = model_of("[" + entity("cloud", "provider", "US") + "," +
                           entity("a", "service", "NL",
                                  R"([{"on":"cloud","layer":"infra","customer_managed_keys":true},
                                      {"any":[{"on":"cloud","layer":"saas"}]}])") +
                           "]");
  const auto& requirements = m.entities[*m.find("a")].requirements;
  CHECK(requirements[0].members[0].customer_managed_keys);
  CHECK_FALSE(requirements[1].members[0].customer_managed_keys);  // default
}

TEST_CASE("Exposure.Loader.CustomerManagedKeysNeedADataLayer") {
  try {
    model_of("[" + entity("cloud", "provider", "US") + "," +
             entity("a", "service", "NL",
                    R"([{"on":"cloud","layer":"self","customer_managed_keys":true},
                        {"on":"cloud","customer_managed_keys":false},
                        {"any":[{"on":"cloud","layer":"infra","customer_managed_keys":"yes"}]}])") +
             "]");
    FAIL("expected an InputError");
  } catch (const msout::model::InputError& e) {
    CHECK_DIAGNOSTIC(e.diagnostics(), "m.json", "/entities/1/requires/0/customer_managed_keys",
                     "needs layer \"infra\" or \"saas\"");
    CHECK_DIAGNOSTIC(e.diagnostics(), "m.json", "/entities/1/requires/1/customer_managed_keys",
                     "needs layer \"infra\" or \"saas\"");
    CHECK_DIAGNOSTIC(e.diagnostics(), "m.json",
                     "/entities/1/requires/2/any/0/customer_managed_keys",
                     "expected true or false");
    CHECK(e.diagnostics().size() == 3);
  }
}

}  // namespace

namespace {

TEST_CASE("Exposure.SignIn.IdentityProviderIsNotWhereTheDataLives") {
  // org uses app (NL, saas); app runs on us-cloud (infra) and signs in at idp (US, saas,
  // tagged identity); idp runs on idp-cloud (US, infra). org also signs in at idp itself.
  const Analysed a("[" + entity("us-cloud", "provider", "US") + "," +
                   entity("idp-cloud", "provider", "US") + "," +
                   R"({"id":"idp","name":"idp","kind":"service","jurisdiction":"US",)"
                   R"("tags":["identity"],"requires":[{"on":"idp-cloud","layer":"infra"}]})" +
                   "," +
                   entity("app", "service", "NL",
                          R"([{"on":"us-cloud","layer":"infra"},{"on":"idp","layer":"saas"}])") +
                   "," +
                   entity("org", "organisation", "NL",
                          R"([{"on":"app","layer":"saas"},{"on":"idp","layer":"saas"}])") +
                   "]");
  ExposureOptions options;
  options.organisations = {*a.model.find("org")};
  const Exposure result = compute_exposure(a.model, a.graph, options);
  std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
  for (const auto& row : result.organisations.at(0).rows) {
    rows.emplace_back(std::string(to_string(row.holds)), std::string(to_string(row.level)),
                      a.model.entities[row.entity].id, a.model.entities[row.via].id);
  }
  // The data is on us-cloud only; idp and the cloud it runs on hold sign-ins, listed after.
  using R = std::tuple<std::string, std::string, std::string, std::string>;
  CHECK(rows == std::vector<R>{{"data", "reduced", "us-cloud", "app"},
                               {"sign-in", "exposed", "idp", "app"},
                               {"sign-in", "exposed", "idp", "idp"},
                               {"sign-in", "reduced", "idp-cloud", "app"},
                               {"sign-in", "reduced", "idp-cloud", "idp"}});
  msout::analysis::ExposureInput input;
  input.model = &a.model;
  input.graph = &a.graph;
  const auto json = nlohmann::json::parse(msout::analysis::exposure_json(input, result));
  CHECK(json["organisations"][0]["exposures"][0]["holds"] == "data");
  CHECK(json["organisations"][0]["exposures"][1]["holds"] == "sign-in");
  const std::string table = msout::analysis::exposure_table(input, result);
  CHECK(table.find("sign-in only") != std::string::npos);
  CHECK(table.find("where the data is") < table.find("sign-in only"));
}

}  // namespace

// The shipped Netherlands model (model/nl) and national scenarios (scenarios/nl): they load,
// every entity and dependency carries evidence, every function has a sourced (or marked)
// people figure, every entry of the sources is present, and runs give the outcomes the
// sources state outright.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"

namespace msout::testing {
namespace {

namespace fs = std::filesystem;
using cascade::State;

const fs::path kRoot = MSOUT_SOURCE_DIR;
constexpr std::int64_t kDay = 24 * 3600;

const model::Model& nl_model() {
  static const model::Model model = model::load_model_path(kRoot / "model/nl");
  return model;
}

struct NationalRun {
  model::Scenario scenario;
  model::FrozenGraph graph;
  cascade::CascadeRun run;

  // First time the entity was at least `state`, if ever.
  std::optional<std::int64_t> first(const std::string& id, State state) const {
    const auto index = nl_model().find(id);
    REQUIRE_MESSAGE(index.has_value(), "no entity ", id);
    for (const cascade::StateRecord& r : run.history[*index]) {
      if (r.state >= state) return r.time;
    }
    return std::nullopt;
  }
  bool affected(const std::string& id) const { return first(id, State::kDegraded).has_value(); }
  bool went_down(const std::string& id) const { return first(id, State::kDown).has_value(); }
  State at_horizon(const std::string& id) const { return run.final_state[*nl_model().find(id)]; }
};

NationalRun run_national(const std::string& scenario, bool include_disputed = false) {
  NationalRun r{model::load_scenario_path(kRoot / "scenarios/nl" / scenario), {}, {}};
  model::Diagnostics diags;
  const auto selected = model::resolve_levers(r.scenario, nl_model(), diags);
  REQUIRE_FALSE(diags.has_errors());
  r.graph = model::FrozenGraph::freeze(nl_model(), model::FreezeOptions{include_disputed});
  r.run = cascade::run_cascade(r.graph, r.scenario, selected, r.scenario.horizon.seconds);
  return r;
}

bool has_evidence(const model::Evidence& e) {
  return !e.source.empty() && e.confidence != model::Confidence::kUnstated;
}

}  // namespace

TEST_CASE("NlModel.Load.EveryScenarioResolvesWithoutWarnings") {
  REQUIRE_NOTHROW(nl_model());
  for (const auto& file : model::json_files_in(kRoot / "scenarios/nl")) {
    CAPTURE(file);
    const model::Scenario scenario = model::load_scenario_path(file);
    model::Diagnostics diags;
    model::resolve_levers(scenario, nl_model(), diags);
    CHECK(diags.errors().empty());
    for (const auto& w : diags.warnings()) FAIL_CHECK(w.to_string());
  }
}

TEST_CASE("NlModel.Evidence.OnEveryEntityAndDependency") {
  for (const model::Entity& e : nl_model().entities) {
    CAPTURE(e.id);
    CHECK(has_evidence(e.evidence));
    // What is not in the sources says why it is there.
    if (e.evidence.source == "assumption") CHECK_FALSE(e.assumptions.empty());
    for (const model::Requirement& r : e.requirements) {
      for (const model::Dependency& d : r.members) {
        CAPTURE(d.on);
        CHECK((has_evidence(d.evidence) || has_evidence(r.evidence)));
        if (d.evidence.source == "assumption") {
          const bool explained = !d.assumptions.empty() || !d.note.empty() ||
                                 !r.assumptions.empty() || !r.note.empty() ||
                                 !e.assumptions.empty();
          CHECK(explained);
        }
      }
    }
  }
}

TEST_CASE("NlModel.Functions.PeopleServedWithASourceOrAMarkedEstimate") {
  int functions = 0;
  for (const model::Entity& e : nl_model().entities) {
    if (e.kind != model::EntityKind::kFunction) continue;
    ++functions;
    CAPTURE(e.id);
    CHECK(e.people_served > 0);
    CHECK_FALSE(e.people_served_source.empty());
    if (e.people_served_source == "estimate") CHECK_FALSE(e.assumptions.empty());
  }
  CHECK(functions >= 40);
}

TEST_CASE("NlModel.Coverage.EveryEntryOfTheSources") {
  // Seed 000 section by section, the white paper's healthcare detail, and the providers.
  const std::vector<std::string> ids = {
      // Overheid
      "tweede-kamer", "eerste-kamer", "rdw", "ind", "uwv", "veiligheidsregios", "ggds", "lcms",
      "municipalities", "provinces", "coa", "belastingdienst", "wigo4it", "knmi", "defensie",
      "rechtspraak", "svb", "rivm",
      // Providers and platforms
      "azure-westeurope", "azure-northeurope", "entra-id", "microsoft-365",
      "microsoft-sovereign-cloud", "aws-eu-central-1", "aws-eu-west-1", "aws-us-east-1",
      "aws-european-sovereign-cloud", "google-cloud-europe-west4", "google-workspace",
      "google-sovereign-cloud", "oracle-cloud-amsterdam", "akamai", "visa", "mastercard",
      "crowdstrike", "fortinet", "zscaler", "netskope", "citrix", "ivanti", "palo-alto-networks",
      "cisco", "zivver", "exact-online", "citrix-cloud", "chipsoft-hix", "nedap-medikit", "sanday",
      "zorgdomein", "topicus-gp-post", "regiogroei", "worldline", "intermax-cloud"};
  for (const std::string& id : ids) {
    CAPTURE(id);
    CHECK(nl_model().find(id).has_value());
  }
  const std::vector<std::string> functions = {"fn-parliament",
                                              "fn-vehicle-registration",
                                              "fn-immigration",
                                              "fn-unemployment-disability-benefits",
                                              "fn-state-pension-child-benefit",
                                              "fn-social-assistance",
                                              "fn-allowances",
                                              "fn-disaster-response",
                                              "fn-public-health",
                                              "fn-weather-warnings",
                                              "fn-judiciary",
                                              "fn-base-registers",
                                              "fn-citizen-identification",
                                              "fn-messaging-to-citizens",
                                              "fn-retail-payments",
                                              "fn-mass-giro-payments",
                                              "fn-cash-withdrawal",
                                              "fn-mortgages-credit-checks",
                                              "fn-national-news",
                                              "fn-emergency-broadcasting",
                                              "fn-rail-transport",
                                              "fn-public-transport-payments",
                                              "fn-port-pilotage",
                                              "fn-hospital-care",
                                              "fn-gp-care",
                                              "fn-gp-out-of-hours-care",
                                              "fn-referrals",
                                              "fn-pharmacy",
                                              "fn-electricity-supply",
                                              "fn-gas-supply",
                                              "fn-drinking-water",
                                              "fn-flood-defence",
                                              "fn-telecom-internet",
                                              "fn-emergency-communication",
                                              "fn-police-deployment",
                                              "fn-flight-handling",
                                              "fn-notarial-deeds",
                                              "fn-housing",
                                              "fn-education",
                                              "fn-business-administration",
                                              "fn-oil-supply",
                                              "fn-nuclear-safety",
                                              "fn-chemical-safety",
                                              "fn-positioning-and-time",
                                              "fn-interbank-payments",
                                              "fn-securities-settlement"};
  for (const std::string& id : functions) {
    CAPTURE(id);
    const auto index = nl_model().find(id);
    REQUIRE(index.has_value());
    CHECK(nl_model().entities[*index].kind == model::EntityKind::kFunction);
  }
  CHECK(nl_model().entities[*nl_model().find("municipalities")].count == 342);
}

TEST_CASE("NlModel.Providers.JurisdictionOfTheControllingCompany") {
  for (const model::Entity& e : nl_model().entities) {
    if (e.kind != model::EntityKind::kProvider) continue;
    CAPTURE(e.id);
    CHECK_FALSE(e.jurisdiction.empty());
  }
  // Dutch-founded, now owned from the US: counts as US for sanctions.
  CHECK(nl_model().entities[*nl_model().find("zivver")].jurisdiction == "US");
  CHECK_FALSE(nl_model().entities[*nl_model().find("zivver")].controlled_by.empty());
  CHECK(nl_model().entities[*nl_model().find("exact-online")].jurisdiction == "US");
}

TEST_CASE("NlOutcome.MicrosoftOut.WhatTheSourcesSayFails") {
  const NationalRun r = run_national("microsoft-out.json");
  CHECK(r.went_down("fn-unemployment-disability-benefits"));  // UWV: deep in Azure and M365
  CHECK(r.went_down("fn-vehicle-registration"));              // RDW: nearly all services on Azure
  CHECK(r.went_down("fn-port-pilotage"));                     // Loodswezen: 24/7 services on Azure
  CHECK(r.went_down("fn-disaster-response"));                 // veiligheidsregio's: "totaal"
  CHECK(r.affected("fn-mortgages-credit-checks"));            // BKR on Azure
}

TEST_CASE("NlOutcome.MicrosoftOut.DisputedClaimDoesNotFailByDefault") {
  // IND on Azure is struck through in the source ("wordt geloofwaardig betwist").
  CHECK_FALSE(run_national("microsoft-out.json").affected("ind"));
  CHECK(run_national("microsoft-out.json", /*include_disputed=*/true).affected("ind"));
}

TEST_CASE("NlOutcome.MicrosoftOut.CrucialEnergyTasksContinue") {
  // Seed 000: "het lijkt erop dat de cruciale taken door kunnen draaien zonder Amerika".
  for (const char* scenario : {"microsoft-out.json", "aws-out.json", "google-out.json"}) {
    CAPTURE(scenario);
    CHECK_FALSE(run_national(scenario).went_down("fn-electricity-supply"));
  }
}

TEST_CASE("NlOutcome.AwsOut.WhatRunsOnAwsFails") {
  const NationalRun r = run_national("aws-out.json");
  CHECK(r.went_down("zorgdomein"));  // "draait geheel op AWS"
  CHECK(r.affected("fn-referrals"));
  CHECK(r.went_down("regiogroei"));                 // "100% afhankelijk van AWS"
  CHECK(r.affected("fn-weather-warnings"));         // KNMI rain radar on AWS
  CHECK(r.affected("fn-business-administration"));  // Exact Online on AWS
  // Geldmaat: the AWS claim is struck through; the update says the ATMs keep working.
  CHECK_FALSE(r.affected("geldmaat"));
}

TEST_CASE("NlOutcome.CardSchemesCut.YourDebitCardStillFails") {
  const NationalRun r = run_national("card-schemes-cut.json");
  CHECK(r.affected("fn-retail-payments"));
  CHECK_FALSE(r.affected("geldmaat"));      // the ATMs themselves keep working ...
  CHECK(r.affected("fn-cash-withdrawal"));  // ... "maar je pinpas doet het dan alsnog niet"
}

TEST_CASE("NlOutcome.GoogleOut.NewspapersOnGoogle") {
  const NationalRun r = run_national("google-out.json");
  CHECK(r.went_down("dpg-media"));  // "totaal afhankelijk ... van Google"
  CHECK(r.affected("fn-national-news"));
}

TEST_CASE("NlOutcome.TransatlanticCablesCut.EuHostedKeepsRunning") {
  const NationalRun r = run_national("transatlantic-cables-cut.json");
  CHECK_FALSE(r.went_down("azure-westeurope"));
  CHECK_FALSE(r.went_down("fn-vehicle-registration"));
  CHECK_FALSE(r.went_down("microsoft-sovereign-cloud"));
}

TEST_CASE("NlOutcome.StagedSanctions.NoRedButton") {
  const NationalRun r = run_national("us-sanctions-staged.json");
  // Nothing critical goes down in the first two weeks: only portals and channels are cut,
  // and the channels bite after their grace periods.
  for (const model::Entity& e : nl_model().entities) {
    if (e.kind != model::EntityKind::kFunction) continue;
    CAPTURE(e.id);
    const auto down = r.first(e.id, State::kDown);
    CHECK((!down || *down >= 14 * kDay));
  }
  // Sovereign clouds keep working until the last lever.
  CHECK(r.first("microsoft-sovereign-cloud", State::kDown) == 60 * kDay);
  CHECK(r.first("aws-european-sovereign-cloud", State::kDown) == 60 * kDay);
  CHECK(r.went_down("fn-unemployment-disability-benefits"));
}

TEST_CASE("NlOutcome.FaultySecurityUpdate.HospitalsDownThenRepaired") {
  const NationalRun r = run_national("faulty-security-update.json");
  CHECK(r.first("fn-hospital-care", State::kDown) == 0);
  CHECK(r.at_horizon("fn-hospital-care") == State::kUp);
}

TEST_CASE("NlOutcome.AzureWestEuropeDown.RegionalOutageRecovers") {
  const NationalRun r = run_national("azure-westeurope-down.json");
  CHECK(r.first("fn-vehicle-registration", State::kDown) == 0);
  CHECK(r.at_horizon("fn-vehicle-registration") == State::kUp);
  CHECK_FALSE(r.went_down("entra-id"));  // fails over to North Europe
}

}  // namespace msout::testing

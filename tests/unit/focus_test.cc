// The focus view (`msout run --focus`): what an organisation provides, what it uses, what
// still works when, what fails first, and its own cut sets. Expectations by hand from
// docs/semantics.md on the small model below.
#include "sim/report/focus.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "sim/render/csv_renderer.h"
#include "sim/render/text_renderer.h"
#include "sim/report/focus_document.h"
#include "sim/report/focus_json.h"
#include "tests/unit/cascade_fixture.h"

namespace msout::testing {
namespace {

// hosp (organisation) needs dc. care needs hosp and any(epd, viewer) with a 30m
// switchover; admin needs hosp and epd (tolerance 2h); other needs cloud but not hosp.
// epd runs on cloud, viewer on dc. cloud goes down at 1h for good; horizon 6h.
Sim hospital() {
  return Sim(
      "[" + provider("cloud") + "," + provider("dc") + "," + provider("alt") + "," +
          entity("hosp", R"([{"on":"dc"}])", "organisation") + "," +
          entity("epd", R"([{"on":"cloud"}])") + "," + entity("viewer", R"([{"on":"dc"}])") + "," +
          entity("care",
                 R"([{"on":"hosp"},{"any":[{"on":"epd"},{"on":"viewer"}],"switchover":"30m"}])",
                 "function") +
          "," + entity("admin", R"([{"on":"hosp"},{"on":"epd","tolerance":"2h"}])", "function") +
          "," + entity("other", R"([{"on":"cloud"}])", "function") + "]",
      "[" + lever("cloud-out", "1h", "down", R"(["cloud"])") + "]", "6h");
}

struct Focused {
  Sim sim = hospital();
  report::Report report = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  report::FocusReport focus = report::build_focus(report, sim.run, sim.index("hosp"));

  std::vector<std::string> ids(const std::vector<report::FunctionOutcome>& outcomes) const {
    std::vector<std::string> out;
    for (const report::FunctionOutcome& o : outcomes)
      out.push_back(sim.model.entities[o.entity].id);
    return out;
  }
  std::string id(std::uint32_t entity) const { return sim.model.entities[entity].id; }
};

using Ids = std::vector<std::string>;

}  // namespace

TEST_CASE("Focus.ProvidedFunctionsAreThoseThatRequireTheOrganisation") {
  Focused f;
  CHECK(f.sim.ids(report::provided_functions(f.sim.graph, f.sim.model, f.sim.index("hosp"))) ==
        Ids{"care", "admin"});
  // In the report's order: care goes down at 1h, admin at 3h; "other" is not hosp's.
  CHECK(f.ids(f.focus.functions) == Ids{"care", "admin"});
  CHECK(f.focus.functions[0].first_down == 1 * kHour);
  CHECK(f.focus.functions[0].time_down == 30 * kMinute);  // until the switchover to viewer
  CHECK(f.focus.functions[1].first_down == 3 * kHour);    // epd down at 1h + 2h tolerance
  CHECK(f.focus.own.first_degraded == std::nullopt);
}

TEST_CASE("Focus.SystemsAreWhatItAndItsFunctionsUseDirectly") {
  Focused f;
  // dc (the organisation's own), epd and viewer (its functions'); by first failure, then id.
  CHECK(f.ids(f.focus.systems) == Ids{"epd", "dc", "viewer"});
  CHECK(f.focus.systems[0].first_down == 1 * kHour);
}

TEST_CASE("Focus.FirstFailureAndMoments") {
  Focused f;
  REQUIRE(f.focus.first_degraded.has_value());
  REQUIRE(f.focus.first_down.has_value());
  CHECK(f.id(f.focus.functions[*f.focus.first_degraded].entity) == "care");
  CHECK(f.id(f.focus.functions[*f.focus.first_down].entity) == "care");

  // 0: all up; 1h: care and epd down; 1h30m: care back (switched to viewer); 3h: admin down.
  REQUIRE(f.focus.moments.size() == 4);
  const std::vector<std::int64_t> times{0, 1 * kHour, 90 * kMinute, 3 * kHour};
  for (std::size_t i = 0; i < times.size(); ++i) CHECK(f.focus.moments[i].time == times[i]);
  // The organisation itself comes first in every moment.
  CHECK(f.sim.ids(f.focus.moments[0].up) == Ids{"hosp", "care", "admin", "epd", "dc", "viewer"});
  CHECK(f.sim.ids(f.focus.moments[1].down) == Ids{"care", "epd"});
  CHECK(f.sim.ids(f.focus.moments[1].up) == Ids{"hosp", "admin", "dc", "viewer"});
  CHECK(f.sim.ids(f.focus.moments[2].down) == Ids{"epd"});
  CHECK(f.sim.ids(f.focus.moments[3].down) == Ids{"admin", "epd"});
  CHECK(f.focus.moments[3].degraded.empty());
}

TEST_CASE("Focus.CutSetsLeaveOutTheOrganisationAndGroupByOutage") {
  Focused f;
  report::add_cut_sets(f.focus);
  // dc takes hosp, so both functions, down (hosp listed first: its own cut sets count);
  // cloud and epd take admin down (no group); viewer alone takes nothing down. hosp itself
  // is not an outage listed (trivially a cut).
  REQUIRE(f.focus.single_points_of_failure.size() == 3);
  CHECK(f.sim.ids(f.focus.single_points_of_failure[0].outage) == Ids{"dc"});
  CHECK(f.sim.ids(f.focus.single_points_of_failure[0].takes_down) == Ids{"hosp", "care", "admin"});
  CHECK(f.sim.ids(f.focus.single_points_of_failure[1].outage) == Ids{"cloud"});
  CHECK(f.sim.ids(f.focus.single_points_of_failure[1].takes_down) == Ids{"admin"});
  CHECK(f.sim.ids(f.focus.single_points_of_failure[2].outage) == Ids{"epd"});
  // care's any group falls only to a pair: the active member's cause and the alternative.
  REQUIRE(f.focus.pairs.size() == 2);
  CHECK(f.sim.ids(f.focus.pairs[0].outage) == Ids{"cloud", "viewer"});
  CHECK(f.sim.ids(f.focus.pairs[0].takes_down) == Ids{"care"});
  CHECK(f.sim.ids(f.focus.pairs[1].outage) == Ids{"epd", "viewer"});
}

TEST_CASE("Focus.JsonAndTable") {
  Focused f;
  report::add_cut_sets(f.focus);
  const auto j = nlohmann::json::parse(report::focus_json(f.focus));
  CHECK(j["format"] == "msout-focus/1");
  CHECK(j["organisation"]["id"] == "hosp");
  CHECK(j["organisation"]["count"].is_null());  // the model does not give a count
  REQUIRE(j["functions"].size() == 2);
  CHECK(j["functions"][0]["id"] == "care");
  CHECK(j["functions"][0]["first_down_s"] == 3600);
  CHECK(j["functions"][0]["cause"]["lever"]["id"] == "cloud-out");
  CHECK(j["first_down"] == "care");
  CHECK(j["systems"][0]["id"] == "epd");
  CHECK(j["moments"][1]["at_s"] == 3600);
  CHECK(j["moments"][1]["down"] == nlohmann::json::array({"care", "epd"}));
  CHECK(j["single_points_of_failure"][0]["outage"] == nlohmann::json::array({"dc"}));
  CHECK(j["single_points_of_failure"][0]["takes_down"] ==
        nlohmann::json::array({"hosp", "care", "admin"}));
  CHECK(j["pairs"][1]["outage"] == nlohmann::json::array({"epd", "viewer"}));

  // The terminal (the focus view's document, sim/report/focus_document.h) and its CSV tables.
  const render::Document doc = report::focus_document(f.focus);
  const std::string table = render::render_text(doc);
  CHECK(table.find("THE CRITICAL FUNCTIONS IT PROVIDES (2)") != std::string::npos);
  CHECK(table.find("First to go down: care [care] at 1h.") != std::string::npos);
  std::string csv;
  for (const render::CsvFile& file : render::render_csv(doc)) csv += file.name + "\n" + file.text;
  CHECK(csv.find("single-points-of-failure\noutage,outage_names,takes_down\r\ndc,dc,hosp care "
                 "admin\r\n") != std::string::npos);
  CHECK(csv.find("epd viewer,epd + viewer,care\r\n") != std::string::npos);
  // At 1h30m the EPD comes back: only care is still down.
  CHECK(csv.find("\r\n5400,5,0,1,") != std::string::npos);
}

}  // namespace msout::testing

namespace msout::testing {

TEST_CASE("Focus.PeersOfANationalFunctionAreNotItsSystems") {
  // care needs both hospital groups; a and b each need their own EPD; a also needs its
  // managing partner (an organisation it requires itself, so one of its systems).
  Sim sim("[" + provider("cloud") + "," + entity("partner", "[]", "organisation") + "," +
              entity("epd-a", R"([{"on":"cloud"}])") + "," + entity("epd-b", "[]") + "," +
              entity("a", R"([{"on":"epd-a"},{"on":"partner"}])", "organisation") + "," +
              entity("b", R"([{"on":"epd-b"}])", "organisation") + "," +
              entity("care", R"([{"on":"a"},{"on":"b"}])", "function") + "]",
          "[" + lever("cloud-out", "0s", "down", R"(["cloud"])") + "]", "1d");
  const report::Report report = report::build_report(sim.model, sim.graph, sim.scenario, sim.run);
  const report::FocusReport focus = report::build_focus(report, sim.run, sim.index("a"));
  std::vector<std::string> systems;
  for (const report::FunctionOutcome& s : focus.systems)
    systems.push_back(sim.model.entities[s.entity].id);
  CHECK(systems == std::vector<std::string>{"epd-a", "partner"});
}

}  // namespace msout::testing

namespace msout::testing {
namespace {

// org needs dc (tolerance 1h) and sso (effect degraded); fn needs org; shared needs org and
// peer; peer needs cloud. `levers` decides what happens; horizon 1d.
struct OrgCase {
  Sim sim;
  report::Report report;
  report::FocusReport focus;
  std::string table;  // the terminal
  std::string csv;    // every CSV table, one after another
  nlohmann::json json;

  explicit OrgCase(const std::string& levers)
      : sim("[" + provider("dc") + "," + provider("sso") + "," + provider("cloud") + "," +
                entity("org", R"([{"on":"dc","tolerance":"1h"},{"on":"sso","effect":"degraded"}])",
                       "organisation") +
                "," + entity("peer", R"([{"on":"cloud"}])", "organisation") + "," +
                entity("fn", R"([{"on":"org"}])", "function") + "," +
                entity("shared", R"([{"on":"org"},{"on":"peer"}])", "function") + "]",
            levers, "1d"),
        report(report::build_report(sim.model, sim.graph, sim.scenario, sim.run)),
        focus(report::build_focus(report, sim.run, sim.index("org"))),
        table(render::render_text(report::focus_document(focus))),
        json(nlohmann::json::parse(report::focus_json(focus))) {
    for (const render::CsvFile& file : render::render_csv(report::focus_document(focus))) {
      csv += file.text;
    }
  }

  bool says(const std::string& text) const { return table.find(text) != std::string::npos; }
  bool has_cell(const std::string& text) const { return csv.find(text) != std::string::npos; }
  const nlohmann::json& function(const std::string& id) const {
    for (const auto& f : json["functions"]) {
      if (f["id"] == id) return f;
    }
    FAIL("no function " << id);
    return json;
  }
};

}  // namespace

TEST_CASE("Focus.Headline.OrganisationUpAndNothingFails") {
  OrgCase c("[]");
  CHECK(c.json["headline"] == "org stays up throughout 1d");
  CHECK(c.says("Nothing fails within 1d"));
  CHECK(c.json["first_to_fail"].is_null());
  CHECK(c.function("fn")["fails_through"].is_null());
}

TEST_CASE("Focus.Headline.OrganisationDownAtZeroIsExplained") {
  // A lever on the organisation itself at 0s.
  OrgCase c("[" + lever("org-out", "0s", "down", R"(["org"])") + "]");
  CHECK(c.json["headline"] == "org goes down at 0s; at 1d it is down");
  CHECK_FALSE(c.says("Nothing fails"));
  CHECK(c.says("WHAT FAILS FIRST, AND WHY: THE ORGANISATION ITSELF, THEN ITS FUNCTIONS"));
  CHECK(c.json["first_to_fail"] == "org");
  CHECK(c.json["first_to_go_down"] == "org");
  CHECK(c.function("fn")["fails_through"]["route"] == "organisation");
}

TEST_CASE("Focus.Headline.OrganisationDownLaterThroughItsOwnSystem") {
  OrgCase c("[" + lever("dc-out", "2h", "down", R"(["dc"])") + "]");
  CHECK(c.json["headline"] == "org goes down at 3h; at 1d it is down");
  CHECK(c.says("why:      org \u2190 dc"));
  CHECK(c.json["first_to_fail"] == "dc");  // the system fails before the organisation
  CHECK(c.json["organisation"]["cause"]["chain"][1]["id"] == "dc");
}

TEST_CASE("Focus.Headline.OrganisationDegradedNeverDown") {
  OrgCase c("[" + lever("sso-out", "1h", "down", R"(["sso"])") + "]");
  CHECK(c.json["headline"] ==
        "org is degraded from 1h, never down within 1d; at 1d it is degraded");
  CHECK_FALSE(c.says("Nothing fails"));
  CHECK(c.json["first_to_go_down"] == "sso");
}

TEST_CASE("Focus.PeerFailure.NationalFunctionDownThroughPeersWhileOrganisationUp") {
  OrgCase c("[" + lever("cloud-out", "0s", "down", R"(["cloud"])") + "]");
  CHECK(c.json["headline"] == "org stays up throughout 1d");
  CHECK(c.function("shared")["fails_through"]["route"] == "peer");
  CHECK(c.function("shared")["fails_through"]["via"] == "peer");
  CHECK(c.function("shared")["shared_with"] == nlohmann::json::array({"peer"}));
  CHECK(
      c.has_cell(",\"fails through peer, another organisation providing it, not through "
                 "org\",peer\r\n"));
  CHECK(c.says("org stays up throughout 1d"));
  CHECK(c.says("1 of 2 critical functions it provides fails within 1d."));
  CHECK_FALSE(c.says("Nothing fails"));
  // The peer's outage is not listed as the organisation's single point of failure.
  report::add_cut_sets(c.focus);
  for (const report::FocusCut& cut : c.focus.single_points_of_failure) {
    CHECK(c.sim.model.entities[cut.outage.front()].id != "peer");
    CHECK(c.sim.model.entities[cut.outage.front()].id != "cloud");
  }
}

}  // namespace msout::testing

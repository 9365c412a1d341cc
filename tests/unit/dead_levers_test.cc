// Tests of model/dead_levers.h: which levers change no function because nothing depends on
// what they select, and the warning msout validate prints for each.
#include "model/dead_levers.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/overlay.h"
#include "model/scenario_loader.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/test_support.h"

namespace msout::testing {
namespace {

// cloud <- app <- care (a function); orphan: nothing needs it; post: a function that needs
// nothing; rumour: only a disputed dependency of app; backup: only the lighter alternative
// of a one_of choice; mirror: only a member of a disputed any group; loop: only itself.
const char* kEntities = R"([
  {"id":"cloud","name":"Cloud","kind":"provider"},
  {"id":"orphan","name":"Orphan","kind":"provider"},
  {"id":"rumour","name":"Rumour","kind":"provider"},
  {"id":"backup","name":"Backup","kind":"provider"},
  {"id":"mirror","name":"Mirror","kind":"provider"},
  {"id":"loop","name":"Loop","kind":"service","requires":[{"on":"loop"}]},
  {"id":"app","name":"App","kind":"service","requires":[
    {"on":"cloud"},
    {"on":"rumour","evidence":{"source":"s","confidence":"disputed"}},
    {"one_of":[{"on":"cloud","weight":9},{"on":"backup","weight":1}]},
    {"any":[{"on":"cloud"},{"on":"mirror"}],
     "evidence":{"source":"s","confidence":"disputed"}}]},
  {"id":"care","name":"Care","kind":"function","requires":[{"on":"app"}]},
  {"id":"post","name":"Post","kind":"function"}
])";

struct Checked {
  model::Model model;
  model::Scenario scenario;
  std::vector<std::vector<std::uint32_t>> selected;
  model::Diagnostics diags;

  explicit Checked(const std::string& levers) {
    model = inline_model(kEntities);
    scenario = inline_scenario(levers, "1d");
    selected = model::resolve_levers(scenario, model, diags);
    REQUIRE_FALSE(diags.has_errors());
  }
  std::vector<std::string> dead_ids() const {
    std::vector<std::string> ids;
    for (const model::DeadLever& d : model::find_dead_levers(scenario, model, selected)) {
      ids.push_back(scenario.levers[d.lever].id);
    }
    return ids;
  }
};

}  // namespace

TEST_CASE("DeadLevers.Find.WhatCountsAsADependent") {
  const Checked c("[" + lever("l-cloud", "0s", "down", R"("cloud")") + "," +
                  lever("l-orphan", "0s", "down", R"("orphan")") + "," +
                  lever("l-post", "0s", "degraded", R"("post")") + "," +
                  lever("l-rumour", "0s", "down", R"("rumour")") + "," +
                  lever("l-backup", "0s", "down", R"("backup")") + "," +
                  lever("l-both", "0s", "down", R"(["orphan","cloud"])") + "," +
                  lever("l-mirror", "0s", "degraded", R"("mirror")") + "," +
                  lever("l-loop", "0s", "down", R"("loop")") + "," +
                  lever("l-back", "1h", "restore", R"("orphan")") + "," +
                  lever("l-ends", "2h", "restore", R"("orphan")", R"(,"ends":["l-orphan"])") + "]");
  // cloud has dependents; post is a function; backup counts though a run assumes cloud;
  // one live entity makes l-both live; restores are not checked on their own.
  CHECK(c.dead_ids() == std::vector<std::string>{"l-orphan", "l-rumour", "l-mirror", "l-loop"});
  const auto dead = model::find_dead_levers(c.scenario, c.model, c.selected);
  REQUIRE(dead.size() == 4);
  CHECK_FALSE(dead[0].only_disputed_dependents);
  CHECK(dead[1].only_disputed_dependents);        // rumour: a disputed single dependency
  CHECK(dead[2].only_disputed_dependents);        // mirror: a member of a disputed group
  CHECK_FALSE(dead[3].only_disputed_dependents);  // loop: requiring itself is no dependent
  CHECK(dead[0].selected == std::vector<std::uint32_t>{*c.model.find("orphan")});
}

TEST_CASE("DeadLevers.Warn.FileLeverPointerIdsAndWhy") {
  Checked c("[" + lever("l-cloud", "0s", "down", R"("cloud")") + "," +
            lever("l-orphans", "0s", "down", R"(["orphan","loop"])") + "," +
            lever("l-rumour", "0s", "down", R"("rumour")") + "]");
  model::Diagnostics diags;
  model::warn_dead_levers(c.scenario, c.model, c.selected, diags);
  CHECK(diags.errors().empty());
  REQUIRE(diags.warnings().size() == 2);
  CHECK(has(diags.warnings(), "scenario.json", "/levers/1",
            "lever \"l-orphans\" selects \"orphan\", \"loop\": nothing in the model depends on "
            "them, so this lever changes no function"));
  CHECK(has(diags.warnings(), "scenario.json", "/levers/2",
            "lever \"l-rumour\" selects \"rumour\": only disputed dependencies depend on it, "
            "which a run leaves out without --include-disputed, so by default this lever "
            "changes no function"));
}

TEST_CASE("DeadLevers.Find.ALeverThatSelectsNothingIsNotDead") {
  // resolve_levers warns about it already ("selects no entity").
  const Checked c(R"([{"id":"none","at":"0s","action":"down","select":{"tags":"nowhere"}}])");
  CHECK(c.dead_ids().empty());
}

TEST_CASE("DeadLevers.Warn.ManyIdsAreCounted") {
  std::string entities = "[";
  for (int i = 0; i < 12; ++i) entities += (i ? "," : "") + provider("p" + std::to_string(i));
  const model::Model m = inline_model(entities + "]");
  const model::Scenario s = inline_scenario(
      R"([{"id":"all","at":"0s","action":"down","select":{"kind":"provider"}}])", "1d");
  model::Diagnostics diags;
  const auto selected = model::resolve_levers(s, m, diags);
  model::warn_dead_levers(s, m, selected, diags);
  REQUIRE(diags.warnings().size() == 1);
  CHECK(diags.warnings()[0].message.find("\"p9\" and 2 more: nothing in the model") !=
        std::string::npos);
}

TEST_CASE("DeadLevers.Warn.ALeverThatActsOnlyWithAWhatIf") {
  // Nothing needs orphan in the model; a what-if makes the app need it. The lever is then
  // not warned about but returned with the what-if's name; a what-if that changes nothing
  // for it is not named, and l-loop stays dead under both.
  Checked c("[" + lever("l-orphan", "0s", "down", R"("orphan")") + "," +
            lever("l-loop", "0s", "down", R"("loop")") + "]");
  model::Model moved = c.model;
  model::apply_overlay(moved, model::load_overlay(model::SourceText{"moved.json", R"({
    "format": "msout-overlay/1", "name": "moved",
    "add_dependencies": [{"from": "app", "requires": [{"on": "orphan"}]}]})"}));
  const model::Model& unchanged = c.model;
  model::Diagnostics diags;
  const auto acting = model::warn_dead_levers(c.scenario, c.model, c.selected, diags,
                                              {{"unchanged", &unchanged}, {"moved", &moved}});
  REQUIRE(acting.size() == 1);
  CHECK(c.scenario.levers[acting[0].lever].id == "l-orphan");
  CHECK(acting[0].whatifs == std::vector<std::string>{"moved"});
  REQUIRE(diags.warnings().size() == 1);
  CHECK(has(diags.warnings(), "scenario.json", "/levers/1",
            "lever \"l-loop\" selects \"loop\": nothing in the model depends on it, so this "
            "lever changes no function"));
}

}  // namespace msout::testing

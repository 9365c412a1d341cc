// Tests of model/overlay.h: loading msout-overlay/1 files (every error with its file and
// JSON pointer), applying each operation (the resulting model checked element by element),
// the fixed order of the operations, and runs on a patched model with hand-checked times.
#include "model/overlay.h"

#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/frozen_graph.h"
#include "model/model_loader.h"
#include "model/scenario_loader.h"
#include "sim/cascade/cascade_run.h"
#include "sim/cascade/cause_chain.h"
#include "tests/unit/cascade_fixture.h"
#include "tests/unit/test_support.h"

namespace {

using msout::cascade::State;
using msout::model::apply_overlay;
using msout::model::Diagnostic;
using msout::model::Duration;
using msout::model::Effect;
using msout::model::Entity;
using msout::model::Gate;
using msout::model::InputError;
using msout::model::IoError;
using msout::model::Layer;
using msout::model::load_overlay;
using msout::model::Model;
using msout::model::Overlay;
using msout::model::SourceText;
using msout::testing::Changes;
using msout::testing::kHour;
using msout::testing::kMinute;
using msout::testing::lever;
using msout::testing::provider;
using msout::testing::TempDir;

constexpr const char* kOverlayFile = "whatif.json";

// A model of two clouds, a service on one of them and two functions:
//   cloud-a, cloud-b, idp           providers
//   app    requires cloud-a (infra, tolerance 1h), idp (saas, tolerance 2h)
//   portal requires any {cloud-a, cloud-b} switchover 10m
//   f      requires app, k-of-n 1 of {app, portal}   (a function)
//   g      requires portal (degraded)                 (a function)
Model base_model() {
  return msout::model::load_model(
      {{"model.json", R"({"format":"msout-model/1","entities":[)" + provider("cloud-a") + "," +
                          provider("cloud-b") + "," + provider("idp") + "," + R"(
    {"id":"app","name":"App","kind":"service","requires":[
      {"on":"cloud-a","layer":"infra","tolerance":"1h"},
      {"on":"idp","layer":"saas","tolerance":"2h"}]},
    {"id":"portal","name":"Portal","kind":"service","requires":[
      {"any":[{"on":"cloud-a"},{"on":"cloud-b"}],"switchover":"10m"}]},
    {"id":"f","name":"F","kind":"function","requires":[
      {"on":"app"},
      {"k":1,"of":[{"on":"app"},{"on":"portal"}]}]},
    {"id":"g","name":"G","kind":"function","requires":[{"on":"portal","effect":"degraded"}]}
  ]})"}});
}

std::string overlay_text(const std::string& operations) {
  return R"({"format":"msout-overlay/1","name":"What if",)" + operations + "}";
}

Overlay overlay_of(const std::string& operations) {
  return load_overlay(SourceText{kOverlayFile, overlay_text(operations)});
}

// The model after applying the overlay with these operations.
Model patched(const std::string& operations, Model model = base_model()) {
  apply_overlay(model, overlay_of(operations));
  return model;
}

std::vector<Diagnostic> load_errors(const std::string& text) {
  try {
    load_overlay(SourceText{kOverlayFile, text});
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

std::vector<Diagnostic> apply_errors(const std::string& operations, Model model = base_model()) {
  const Overlay overlay = overlay_of(operations);  // must load: the errors are the model's
  try {
    apply_overlay(model, overlay);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

const Entity& get(const Model& model, const std::string& id) {
  auto index = model.find(id);
  REQUIRE(index.has_value());
  return model.entities[*index];
}

std::vector<std::string> ids(const Model& model) {
  std::vector<std::string> out;
  for (const Entity& e : model.entities) out.push_back(e.id);
  return out;
}

std::vector<std::string> member_ids(const msout::model::Requirement& requirement) {
  std::vector<std::string> out;
  for (const auto& member : requirement.members) out.push_back(member.on);
  return out;
}

// Every dependency's target must name the entity its `on` names (after reindexing).
void check_resolved(const Model& model) {
  for (const Entity& e : model.entities) {
    for (const auto& requirement : e.requirements) {
      for (const auto& member : requirement.members) {
        REQUIRE(member.target < model.entities.size());
        CHECK(model.entities[member.target].id == member.on);
      }
    }
  }
}

}  // namespace

// ---- loading ----------------------------------------------------------------------------

TEST_CASE("Overlay.Load.Minimal") {
  const Overlay overlay = overlay_of(R"("description":"nothing changes")");
  CHECK(overlay.name == "What if");
  CHECK(overlay.description == "nothing changes");
  CHECK(overlay.file == kOverlayFile);
  CHECK(overlay.remove_entities.empty());
  CHECK(overlay.add_dependencies.empty());
  // An overlay without operations leaves the model as it was.
  const Model model = patched(R"("assumptions":["none"])");
  CHECK(ids(model) == ids(base_model()));
}

TEST_CASE("Overlay.Load.EveryOperation") {
  const Overlay overlay = overlay_of(R"(
    "evidence":{"source":"seed.txt","confidence":"confirmed","quote":"q"},
    "assumptions":["a1"],
    "remove_entities":["g"],
    "replace_entities":[{"id":"idp","name":"IdP","kind":"provider"}],
    "add_entities":[{"id":"cloud-c","name":"C","kind":"provider"}],
    "remove_dependencies":[{"from":"f","on":"app","requirement":0}],
    "change_dependencies":[{"from":"app","on":"idp","tolerance":"4h","layer":"self",
                            "effect":"degraded","degraded_propagates":true,"switchover":"1m",
                            "recovery":"5m","note":"n","assumptions":["x"],
                            "evidence":{"source":"s","confidence":"planned"}}],
    "add_alternatives":[{"from":"app","on":"cloud-a","switchover":"15m",
                         "alternatives":[{"on":"cloud-b","layer":"infra"}]}],
    "add_dependencies":[{"from":"portal","requires":[{"on":"idp","tolerance":"1h"}]}])");
  CHECK(overlay.evidence.quote == "q");
  CHECK(overlay.assumptions == std::vector<std::string>{"a1"});
  REQUIRE(overlay.remove_entities.size() == 1);
  CHECK(overlay.remove_entities[0].id == "g");
  CHECK(overlay.remove_entities[0].place.pointer == "/remove_entities/0");
  REQUIRE(overlay.replace_entities.size() == 1);
  CHECK(overlay.replace_entities[0].place.file == kOverlayFile);
  CHECK(overlay.replace_entities[0].place.pointer == "/replace_entities/0");
  REQUIRE(overlay.add_entities.size() == 1);
  CHECK(overlay.add_entities[0].place.pointer == "/add_entities/0");
  REQUIRE(overlay.remove_dependencies.size() == 1);
  CHECK(overlay.remove_dependencies[0].requirement == 0u);
  REQUIRE(overlay.change_dependencies.size() == 1);
  const auto& change = overlay.change_dependencies[0];
  CHECK(change.target.from == "app");
  CHECK(change.target.on == "idp");
  CHECK_FALSE(change.target.requirement.has_value());
  CHECK(change.tolerance->point == Duration{4 * kHour});
  CHECK(change.recovery->point == Duration{5 * kMinute});
  CHECK(change.switchover->point == Duration{kMinute});
  CHECK(change.layer == Layer::kSelf);
  CHECK(change.effect == Effect::kDegraded);
  CHECK(change.degraded_propagates == true);
  CHECK(change.note == "n");
  REQUIRE(change.evidence.has_value());
  CHECK(change.evidence->source == "s");
  REQUIRE(overlay.add_alternatives.size() == 1);
  CHECK(overlay.add_alternatives[0].switchover->point == Duration{15 * kMinute});
  REQUIRE(overlay.add_alternatives[0].alternatives.size() == 1);
  CHECK(overlay.add_alternatives[0].alternatives[0].place.pointer ==
        "/add_alternatives/0/alternatives/0");
  REQUIRE(overlay.add_dependencies.size() == 1);
  REQUIRE(overlay.add_dependencies[0].requirements.size() == 1);
  CHECK(overlay.add_dependencies[0].requirements[0].place.pointer ==
        "/add_dependencies/0/requires/0");
}

TEST_CASE("Overlay.Load.ErrorsAreCollectedWithPointers") {
  const auto errors = load_errors(overlay_text(R"(
    "colour":"red",
    "remove_entities":["Bad Id", 3, "g"],
    "add_entities":[{"id":"g","name":"G","kind":"function"},{"id":"x","name":"X"}],
    "change_dependencies":[{"from":"app","on":"idp"},
                           {"from":"app","on":"cloud-a","tolerance":"1 hour"}],
    "add_alternatives":[{"from":"app","on":"cloud-a","alternatives":[]}],
    "add_dependencies":[{"from":"f","requires":[{"on":"app","tolerence":"1h"}]}],
    "remove_dependencies":[{"from":"f","on":"app"},{"from":"f","on":"app"}])"));
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/colour", "unknown key \"colour\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_entities/0", "invalid id \"Bad Id\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_entities/1", "expected an entity id");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_entities/0/id",
                   "\"g\" is already named at /remove_entities/2");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_entities/1", "missing required key \"kind\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/0", "changes nothing");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/1/tolerance", "1 hour");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_alternatives/0/alternatives", "no alternatives");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_dependencies/0/requires/0/tolerence", "unknown key");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/1",
                   "is already named at /remove_dependencies/0");
  CHECK(errors.size() == 10);
}

TEST_CASE("Overlay.Load.FormatAndName") {
  CHECK_DIAGNOSTIC(load_errors(R"({"format":"msout-model/1","name":"x"})"), kOverlayFile, "/format",
                   "this is an msout model file (msout-model/1), not an overlay");
  CHECK_DIAGNOSTIC(load_errors(R"({"format":"msout-overlay/0","name":"x"})"), kOverlayFile,
                   "/format", "expected \"msout-overlay/1\", found \"msout-overlay/0\"");
  CHECK_DIAGNOSTIC(load_errors(R"({"format":"msout-overlay/1"})"), kOverlayFile, "",
                   "missing required key \"name\"");
  CHECK_DIAGNOSTIC(load_errors(R"(["msout-overlay/1"])"), kOverlayFile, "", "expected an object");
}

TEST_CASE("Overlay.Load.MalformedJsonAndDuplicateKeys") {
  const auto malformed = load_errors("{\"format\": \"msout-overlay/1\",\n \"name\": }");
  REQUIRE(malformed.size() == 1);
  CHECK(malformed[0].file == kOverlayFile);
  CHECK(malformed[0].where.find("line 2") == 0);
  CHECK_DIAGNOSTIC(load_errors(R"({"format":"msout-overlay/1","name":"a","name":"b"})"),
                   kOverlayFile, "/name", "duplicate key");
}

TEST_CASE("Overlay.Load.Path") {
  TempDir dir;
  dir.write("o.json", overlay_text(R"("remove_entities":["g"])"));
  const Overlay overlay = msout::model::load_overlay_path((dir.path() / "o.json").string());
  CHECK(overlay.file == (dir.path() / "o.json").string());
  CHECK(overlay.remove_entities.size() == 1);
  CHECK_THROWS_AS(msout::model::load_overlay_path((dir.path() / "none.json").string()), IoError);
}

TEST_CASE("Overlay.Load.ModelDirectoryLeavesOverlaysAlone") {
  // An overlay kept beside the model files is not part of the model (as with scenarios).
  TempDir dir;
  dir.write("model.json", R"({"format":"msout-model/1","entities":[)" + provider("p") + "]}");
  dir.write("whatif.json", overlay_text(R"("remove_entities":["p"])"));
  const Model model = msout::model::load_model_path(dir.path());
  CHECK(ids(model) == std::vector<std::string>{"p"});
}

// ---- remove_entities ----------------------------------------------------------------------

TEST_CASE("Overlay.RemoveEntities.DropsTheEntityAndEveryDependencyOnIt") {
  // Removing cloud-a: app loses its single dependency (the requirement goes), portal's any
  // group keeps cloud-b.
  const Model m = patched(R"("remove_entities":["cloud-a"])");
  CHECK(ids(m) == std::vector<std::string>{"cloud-b", "idp", "app", "portal", "f", "g"});
  const Entity& app = get(m, "app");
  REQUIRE(app.requirements.size() == 1);
  CHECK(app.requirements[0].members[0].on == "idp");
  const Entity& portal = get(m, "portal");
  REQUIRE(portal.requirements.size() == 1);
  CHECK(portal.requirements[0].gate == Gate::kAny);
  CHECK(member_ids(portal.requirements[0]) == std::vector<std::string>{"cloud-b"});
  check_resolved(m);
}

TEST_CASE("Overlay.RemoveEntities.GroupLeftEmptyIsAnErrorNamingTheGroup") {
  const auto errors = apply_errors(R"("remove_entities":["cloud-a","cloud-b"])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_entities/0",
                   "leaves the any group of \"portal\" at model.json: /entities/4/requires/0 "
                   "empty");
}

TEST_CASE("Overlay.RemoveEntities.KOfNBelowKIsAnError") {
  // f's group made 2-of-2 {app, portal}: removing portal leaves one member for k = 2.
  Model model = base_model();
  model.entities[*model.find("f")].requirements[1].k = 2;
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_entities":["portal"])", model), kOverlayFile,
                   "/remove_entities/0",
                   "leaves the k-of-n group of \"f\" at model.json: /entities/5/requires/1 with "
                   "1 member but k = 2");
}

TEST_CASE("Overlay.RemoveEntities.UnknownId") {
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_entities":["cloud-z"])"), kOverlayFile,
                   "/remove_entities/0", "cannot remove unknown entity \"cloud-z\"");
}

TEST_CASE("Overlay.RemoveEntities.OverlayEntityMustNotNeedARemovedOne") {
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_entities":["idp"],
      "add_entities":[{"id":"h","name":"H","kind":"function","requires":[{"on":"idp"}]}])"),
                   kOverlayFile, "/add_entities/0/requires/0/on",
                   "requires unknown entity \"idp\"");
}

// ---- replace_entities ---------------------------------------------------------------------

TEST_CASE("Overlay.ReplaceEntities.WholeEntityReplacedInPlace") {
  const Model m = patched(R"("replace_entities":[{"id":"app","name":"App on B",
      "kind":"service","jurisdiction":"NL","requires":[{"on":"cloud-b","recovery":"30m"}]}])");
  CHECK(ids(m) == ids(base_model()));  // same position
  const Entity& app = get(m, "app");
  CHECK(app.name == "App on B");
  CHECK(app.jurisdiction == "NL");
  CHECK(app.place.file == kOverlayFile);
  CHECK(app.place.pointer == "/replace_entities/0");
  REQUIRE(app.requirements.size() == 1);
  CHECK(app.requirements[0].members[0].on == "cloud-b");
  CHECK(app.requirements[0].members[0].recovery == Duration{30 * kMinute});
  CHECK(app.requirements[0].place.pointer == "/replace_entities/0/requires/0");
  // Dependents keep their dependencies on it.
  CHECK(get(m, "f").requirements[0].members[0].on == "app");
  check_resolved(m);
}

TEST_CASE("Overlay.ReplaceEntities.MissingId") {
  CHECK_DIAGNOSTIC(
      apply_errors(R"("replace_entities":[{"id":"cloud-z","name":"Z","kind":"provider"}])"),
      kOverlayFile, "/replace_entities/0/id", "cannot replace unknown entity \"cloud-z\"");
}

// ---- add_entities -------------------------------------------------------------------------

TEST_CASE("Overlay.AddEntities.AppendedWithTheOverlaysPlace") {
  const Model m = patched(R"("add_entities":[{"id":"cloud-c","name":"C","kind":"provider"},
      {"id":"h","name":"H","kind":"function","requires":[{"on":"cloud-c","tolerance":"5m"}]}])");
  CHECK(ids(m) == std::vector<std::string>{"cloud-a", "cloud-b", "idp", "app", "portal", "f", "g",
                                           "cloud-c", "h"});
  const Entity& h = get(m, "h");
  CHECK(h.place.file == kOverlayFile);
  CHECK(h.requirements[0].members[0].place.pointer == "/add_entities/1/requires/0");
  CHECK(h.requirements[0].members[0].tolerance == Duration{5 * kMinute});
  check_resolved(m);
}

TEST_CASE("Overlay.AddEntities.ExistingIdIsAnError") {
  CHECK_DIAGNOSTIC(apply_errors(R"("add_entities":[{"id":"idp","name":"I","kind":"provider"}])"),
                   kOverlayFile, "/add_entities/0/id",
                   "entity \"idp\" already exists (defined at model.json: /entities/2");
}

// ---- remove_dependencies ------------------------------------------------------------------

TEST_CASE("Overlay.RemoveDependencies.SingleAndGroupMember") {
  const Model m = patched(R"("remove_dependencies":[{"from":"app","on":"idp"},
                                                    {"from":"portal","on":"cloud-a"}])");
  const Entity& app = get(m, "app");
  REQUIRE(app.requirements.size() == 1);
  CHECK(app.requirements[0].members[0].on == "cloud-a");
  CHECK(member_ids(get(m, "portal").requirements[0]) == std::vector<std::string>{"cloud-b"});
  check_resolved(m);
}

TEST_CASE("Overlay.RemoveDependencies.AmbiguityNeedsTheRequirementIndex") {
  // f depends on app twice: as a single dependency (requires/0) and in a group (requires/1).
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_dependencies":[{"from":"f","on":"app"}])"), kOverlayFile,
                   "/remove_dependencies/0",
                   "depends on \"app\" in 2 requirements (model.json: /entities/5/requires/0, "
                   "model.json: /entities/5/requires/1)");
  const Model m = patched(R"("remove_dependencies":[{"from":"f","on":"app","requirement":0}])");
  const Entity& f = get(m, "f");
  REQUIRE(f.requirements.size() == 1);
  CHECK(f.requirements[0].gate == Gate::kKOfN);
  CHECK(member_ids(f.requirements[0]) == std::vector<std::string>{"app", "portal"});
}

TEST_CASE("Overlay.RemoveDependencies.RequirementIndexesAreAsWritten") {
  // Removing requires/0 of f does not renumber: requires/1 still names the group.
  const Model m = patched(R"(
    "remove_dependencies":[{"from":"f","on":"app","requirement":0},
                           {"from":"f","on":"app","requirement":1}])");
  CHECK(member_ids(get(m, "f").requirements[0]) == std::vector<std::string>{"portal"});
}

TEST_CASE("Overlay.RemoveDependencies.UnknownIdsAndMissingDependencies") {
  const auto errors = apply_errors(R"("remove_dependencies":[
      {"from":"nobody","on":"app"},
      {"from":"f","on":"nothing"},
      {"from":"g","on":"app"},
      {"from":"f","on":"portal","requirement":0},
      {"from":"f","on":"portal","requirement":7}])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/0/from",
                   "unknown entity \"nobody\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/1/on", "unknown entity \"nothing\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/2/on",
                   "entity \"g\" does not depend on \"app\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/3/on",
                   "requirement 0 of \"f\" (at model.json: /entities/5/requires/0) does not "
                   "depend on \"portal\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/remove_dependencies/4/requirement",
                   "\"f\" has 2 requirements");
  CHECK(errors.size() == 5);
}

TEST_CASE("Overlay.RemoveDependencies.LastMemberOfAGroup") {
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_dependencies":[{"from":"portal","on":"cloud-a"},
                                                           {"from":"portal","on":"cloud-b"}])"),
                   kOverlayFile, "/remove_dependencies/1",
                   "leaves the any group of \"portal\" at model.json: /entities/4/requires/0 "
                   "empty");
}

// ---- change_dependencies ------------------------------------------------------------------

TEST_CASE("Overlay.ChangeDependencies.SingleDependency") {
  const Model m = patched(R"("change_dependencies":[{"from":"app","on":"idp","tolerance":"4h",
      "recovery":"15m","layer":"self","effect":"degraded","degraded_propagates":true,
      "note":"own IdP","assumptions":["moved"],
      "evidence":{"source":"seed.txt","confidence":"planned"}}])");
  const auto& req = get(m, "app").requirements[1];
  const auto& dep = req.members[0];
  CHECK(dep.tolerance == Duration{4 * kHour});
  CHECK(dep.recovery == Duration{15 * kMinute});
  CHECK(dep.layer == Layer::kSelf);
  CHECK(dep.effect == Effect::kDegraded);
  CHECK(req.effect == Effect::kDegraded);
  CHECK(dep.degraded_propagates);
  CHECK(dep.note == "own IdP");
  CHECK(dep.assumptions == std::vector<std::string>{"moved"});
  CHECK(dep.evidence.source == "seed.txt");
  CHECK(dep.place.file == "model.json");  // a changed dependency is still the model's
  // Unchanged fields stay: the other requirement of app is untouched.
  CHECK(get(m, "app").requirements[0].members[0].tolerance == Duration{kHour});
}

TEST_CASE("Overlay.ChangeDependencies.CustomerManagedKeysNeedALayerThatHoldsData") {
  // app's dependency on cloud-a is infra: keys may be set, and a change to self with keys
  // dropped again is fine; keys on an unlayered dependency (f on app) are an error.
  const Model m = patched(R"("change_dependencies":[
      {"from":"app","on":"cloud-a","customer_managed_keys":true}])");
  CHECK(get(m, "app").requirements[0].members[0].customer_managed_keys);
  CHECK_FALSE(get(m, "app").requirements[1].members[0].customer_managed_keys);
  const Model moved = patched(R"("change_dependencies":[
      {"from":"app","on":"cloud-a","layer":"self","customer_managed_keys":false}])");
  CHECK(get(moved, "app").requirements[0].members[0].layer == Layer::kSelf);
  const auto errors = apply_errors(R"("change_dependencies":[
      {"from":"f","on":"portal","customer_managed_keys":true},
      {"from":"app","on":"idp","layer":"self","customer_managed_keys":true}])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/0/customer_managed_keys",
                   "customer_managed_keys needs layer \"infra\" or \"saas\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/1/customer_managed_keys",
                   "customer_managed_keys needs layer");
}

TEST_CASE("Overlay.ChangeDependencies.EffectAndSwitchoverOfAGroupMemberAreTheGroups") {
  const Model m = patched(R"("change_dependencies":[
      {"from":"portal","on":"cloud-b","switchover":"1h","effect":"degraded","tolerance":"5m"}])");
  const auto& group = get(m, "portal").requirements[0];
  CHECK(group.switchover == Duration{kHour});
  CHECK(group.effect == Effect::kDegraded);
  for (const auto& member : group.members) CHECK(member.effect == Effect::kDegraded);
  CHECK(group.members[0].tolerance == Duration{});  // only cloud-b's own field changed
  CHECK(group.members[1].tolerance == Duration{5 * kMinute});
}

TEST_CASE("Overlay.ChangeDependencies.SwitchoverOutsideAnAnyGroup") {
  const auto errors = apply_errors(R"("change_dependencies":[
      {"from":"app","on":"idp","switchover":"5m"},
      {"from":"f","on":"portal","switchover":"5m"}])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/0/switchover",
                   "switchover applies only to an any group, and the dependency of \"app\" on "
                   "\"idp\" is a single dependency");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/change_dependencies/1/switchover",
                   "is in a k-of-n group");
}

TEST_CASE("Overlay.ChangeDependencies.AfterRemovalTheDependencyIsGone") {
  CHECK_DIAGNOSTIC(apply_errors(R"("remove_dependencies":[{"from":"app","on":"idp"}],
      "change_dependencies":[{"from":"app","on":"idp","tolerance":"1h"}])"),
                   kOverlayFile, "/change_dependencies/0/on",
                   "entity \"app\" does not depend on \"idp\"");
}

// ---- add_alternatives ---------------------------------------------------------------------

TEST_CASE("Overlay.AddAlternatives.SingleDependencyBecomesAnAnyGroup") {
  const Model m = patched(R"("add_alternatives":[{"from":"app","on":"cloud-a","switchover":"15m",
      "alternatives":[{"on":"cloud-b","layer":"infra","recovery":"1h"}],
      "evidence":{"source":"seed.txt","confidence":"presumed"},"note":"DR"}])");
  const auto& group = get(m, "app").requirements[0];
  CHECK(group.gate == Gate::kAny);
  CHECK(group.k == 1);
  CHECK(group.switchover == Duration{15 * kMinute});
  CHECK(group.effect == Effect::kDown);
  CHECK(group.note == "DR");
  CHECK(group.evidence.source == "seed.txt");
  CHECK(group.place.file == kOverlayFile);
  CHECK(group.place.pointer == "/add_alternatives/0");
  CHECK(member_ids(group) == std::vector<std::string>{"cloud-a", "cloud-b"});
  // The dependency that was there stays first, as the model wrote it.
  CHECK(group.members[0].place.file == "model.json");
  CHECK(group.members[0].tolerance == Duration{kHour});
  CHECK(group.members[1].place.pointer == "/add_alternatives/0/alternatives/0");
  CHECK(group.members[1].recovery == Duration{kHour});
  check_resolved(m);
}

TEST_CASE("Overlay.AddAlternatives.ExtendsAnAnyGroup") {
  const Model m = patched(R"("add_entities":[{"id":"cloud-c","name":"C","kind":"provider"}],
      "add_alternatives":[{"from":"portal","on":"cloud-b","alternatives":[{"on":"cloud-c"}]}])");
  const auto& group = get(m, "portal").requirements[0];
  CHECK(member_ids(group) == std::vector<std::string>{"cloud-a", "cloud-b", "cloud-c"});
  CHECK(group.switchover == Duration{10 * kMinute});  // not given: unchanged
  CHECK(group.place.file == "model.json");
  check_resolved(m);
}

TEST_CASE("Overlay.AddAlternatives.Errors") {
  const auto errors = apply_errors(R"("add_alternatives":[
      {"from":"f","on":"portal","alternatives":[{"on":"cloud-a"}]},
      {"from":"portal","on":"cloud-a","alternatives":[{"on":"cloud-b"}]},
      {"from":"app","on":"idp","alternatives":[{"on":"idp-2"}]}])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_alternatives/0",
                   "is in a k-of-n group (at model.json: /entities/5/requires/1)");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_alternatives/1/alternatives/0/on",
                   "\"cloud-b\" is already a member of this group");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_alternatives/2/alternatives/0/on",
                   "requires unknown entity \"idp-2\"");
  CHECK(errors.size() == 3);
}

// ---- add_dependencies ---------------------------------------------------------------------

TEST_CASE("Overlay.AddDependencies.AppendedRequirements") {
  const Model m = patched(R"("add_dependencies":[{"from":"g","requires":[
      {"on":"idp","tolerance":"30m"},
      {"k":1,"of":[{"on":"cloud-a"},{"on":"cloud-b"}],"effect":"degraded"}]}])");
  const Entity& g = get(m, "g");
  REQUIRE(g.requirements.size() == 3);
  CHECK(g.requirements[0].place.file == "model.json");
  CHECK(g.requirements[1].members[0].on == "idp");
  CHECK(g.requirements[1].members[0].tolerance == Duration{30 * kMinute});
  CHECK(g.requirements[1].place.pointer == "/add_dependencies/0/requires/0");
  CHECK(g.requirements[2].gate == Gate::kKOfN);
  CHECK(g.requirements[2].effect == Effect::kDegraded);
  check_resolved(m);
}

TEST_CASE("Overlay.AddDependencies.UnknownIds") {
  const auto errors = apply_errors(R"("add_dependencies":[
      {"from":"nobody","requires":[{"on":"idp"}]},
      {"from":"g","requires":[{"on":"nothing"}]}])");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_dependencies/0/from", "unknown entity \"nobody\"");
  CHECK_DIAGNOSTIC(errors, kOverlayFile, "/add_dependencies/1/requires/0/on",
                   "entity \"g\" requires unknown entity \"nothing\"");
}

// ---- order and composition ----------------------------------------------------------------

TEST_CASE("Overlay.Order.DependencyOperationsSeeReplacedAndAddedEntities") {
  // replace (2) before change (5) and add_alternatives (6): they act on the replacement, and
  // an alternative may name an entity the same overlay adds (3).
  const Model m = patched(R"(
    "add_alternatives":[{"from":"app","on":"cloud-b","alternatives":[{"on":"cloud-c"}]}],
    "change_dependencies":[{"from":"app","on":"cloud-b","recovery":"2h"}],
    "add_entities":[{"id":"cloud-c","name":"C","kind":"provider"}],
    "replace_entities":[{"id":"app","name":"App","kind":"service",
                         "requires":[{"on":"cloud-b"}]}])");
  const auto& group = get(m, "app").requirements[0];
  CHECK(group.gate == Gate::kAny);
  CHECK(member_ids(group) == std::vector<std::string>{"cloud-b", "cloud-c"});
  CHECK(group.members[0].recovery == Duration{2 * kHour});
  check_resolved(m);
}

TEST_CASE("Overlay.Order.OverlaysComposeInTheOrderApplied") {
  Model model = base_model();
  apply_overlay(model,
                overlay_of(R"("add_entities":[{"id":"cloud-c","name":"C","kind":"provider"}])"));
  apply_overlay(model, overlay_of(R"("add_alternatives":[{"from":"app","on":"cloud-a",
      "alternatives":[{"on":"cloud-c"}]}])"));
  CHECK(member_ids(get(model, "app").requirements[0]) ==
        std::vector<std::string>{"cloud-a", "cloud-c"});
  // The same second overlay on the model without the first does not fit it.
  CHECK_DIAGNOSTIC(apply_errors(R"("add_alternatives":[{"from":"app","on":"cloud-a",
      "alternatives":[{"on":"cloud-c"}]}])"),
                   kOverlayFile, "/add_alternatives/0/alternatives/0/on",
                   "requires unknown entity \"cloud-c\"");
}

TEST_CASE("Overlay.Apply.AllErrorsOfEveryOperationTogether") {
  const auto errors = apply_errors(R"(
    "remove_entities":["nobody"],
    "replace_entities":[{"id":"ghost","name":"G","kind":"service"}],
    "add_entities":[{"id":"app","name":"A","kind":"service"}],
    "remove_dependencies":[{"from":"g","on":"idp"}],
    "change_dependencies":[{"from":"g","on":"idp","tolerance":"1h"}],
    "add_alternatives":[{"from":"g","on":"idp","alternatives":[{"on":"cloud-a"}]}],
    "add_dependencies":[{"from":"ghost","requires":[{"on":"idp"}]}])");
  CHECK(errors.size() == 7);
  for (const Diagnostic& d : errors) CHECK(d.file == kOverlayFile);
}

// ---- runs on a patched model --------------------------------------------------------------

namespace {

struct PatchedRun {
  Model model;
  msout::model::Scenario scenario;
  msout::model::FrozenGraph graph;
  msout::cascade::CascadeRun run;

  PatchedRun(Model patched_model, const std::string& levers, const std::string& horizon)
      : model(std::move(patched_model)) {
    scenario = msout::model::load_scenario(
        {"scenario.json", R"({"format":"msout-scenario/1","name":"t","horizon":")" + horizon +
                              R"(","levers":)" + levers + "}"});
    msout::model::Diagnostics diags;
    auto selected = msout::model::resolve_levers(scenario, model, diags);
    REQUIRE_FALSE(diags.has_errors());
    graph = msout::model::FrozenGraph::freeze(model);
    run = msout::cascade::run_cascade(graph, scenario, selected, scenario.horizon.seconds);
  }

  Changes changes(const std::string& id) const {
    Changes out;
    for (const auto& r : run.history[*model.find(id)]) out.emplace_back(r.time, r.state);
    return out;
  }
};

const std::string kCloudAOutage =
    "[" + lever("a-down", "0s", "down", R"(["cloud-a"])") + "," +
    lever("a-back", "4h", "restore", R"(["cloud-a"])", R"(,"ends":["a-down"])") + "]";

}  // namespace

TEST_CASE("Overlay.Run.BaselineHandChecked") {
  // cloud-a down 0h-4h. app: tolerance 1h on cloud-a -> down 1h, back 4h. portal: any group,
  // cloud-a fails at 0s -> 10m switchover to cloud-b -> down 0s, up 10m. f: needs app ->
  // down 1h, up 4h (its 1-of-2 group holds on the portal from 10m). g: portal degraded
  // effect -> degraded 0s, up 10m.
  const PatchedRun r(base_model(), kCloudAOutage, "1d");
  CHECK(r.changes("app") == Changes{{kHour, State::kDown}, {4 * kHour, State::kUp}});
  CHECK(r.changes("portal") == Changes{{0, State::kDown}, {10 * kMinute, State::kUp}});
  CHECK(r.changes("f") == Changes{{kHour, State::kDown}, {4 * kHour, State::kUp}});
  CHECK(r.changes("g") == Changes{{0, State::kDegraded}, {10 * kMinute, State::kUp}});
}

TEST_CASE("Overlay.Run.AlternativeForApp") {
  // What if app could fail over to cloud-b in 15m? cloud-a's member fails effectively at 1h
  // (its 1h tolerance), the group switches: app down 1h .. 1h15m, then up on cloud-b (no
  // fail-back when cloud-a returns at 4h). f follows app exactly.
  const PatchedRun r(patched(R"("add_alternatives":[{"from":"app","on":"cloud-a",
      "switchover":"15m","alternatives":[{"on":"cloud-b"}]}])"),
                     kCloudAOutage, "1d");
  CHECK(r.changes("app") == Changes{{kHour, State::kDown}, {kHour + 15 * kMinute, State::kUp}});
  CHECK(r.changes("f") == Changes{{kHour, State::kDown}, {kHour + 15 * kMinute, State::kUp}});
  // The cause chain of f's failure runs through the group the overlay made.
  const auto chain = msout::cascade::trace_cause(r.graph, r.run.history, *r.model.find("f"), 0);
  REQUIRE(chain.steps.size() == 3);  // f <- app <- cloud-a (the lever's target)
  CHECK(r.model.entities[chain.steps[1].node].id == "app");
  CHECK(r.model.entities[chain.steps[2].node].id == "cloud-a");
  const std::uint32_t edge = chain.steps[1].record.ref;
  CHECK(r.graph.source_gate(r.model, edge).place.file == kOverlayFile);
}

TEST_CASE("Overlay.Run.ReplacedEntityAndChangedTolerance") {
  // app moves to cloud-b (replaced), and f tolerates losing app for 2h: cloud-a's outage no
  // longer reaches f at all; only the portal's switchover shows, in g.
  const PatchedRun r(patched(R"(
      "replace_entities":[{"id":"app","name":"App on B","kind":"service",
                           "requires":[{"on":"cloud-b"}]}],
      "change_dependencies":[{"from":"f","on":"app","requirement":0,"tolerance":"2h"}])"),
                     kCloudAOutage, "1d");
  CHECK(r.changes("app").empty());
  CHECK(r.changes("f").empty());
  CHECK(r.changes("g") == Changes{{0, State::kDegraded}, {10 * kMinute, State::kUp}});
  // Now cloud-b fails for 3h from 1h: app down 1h..4h; f's 2h tolerance -> down 3h..4h.
  const std::string b_outage = "[" + lever("b-down", "1h", "down", R"(["cloud-b"])") + "," +
                               lever("b-back", "4h", "restore", R"(["cloud-b"])") + "]";
  const PatchedRun b(patched(R"(
      "replace_entities":[{"id":"app","name":"App on B","kind":"service",
                           "requires":[{"on":"cloud-b"}]}],
      "change_dependencies":[{"from":"f","on":"app","requirement":0,"tolerance":"2h"}])"),
                     b_outage, "1d");
  CHECK(b.changes("app") == Changes{{kHour, State::kDown}, {4 * kHour, State::kUp}});
  CHECK(b.changes("f") == Changes{{3 * kHour, State::kDown}, {4 * kHour, State::kUp}});
}

TEST_CASE("Overlay.Run.RemovedDependency") {
  // Without app's dependency on idp, an idp outage no longer reaches app or f; with it, app
  // goes down after its 2h tolerance.
  const std::string idp_outage = "[" + lever("idp-down", "0s", "down", R"(["idp"])") + "]";
  const PatchedRun before(base_model(), idp_outage, "1d");
  CHECK(before.changes("app") == Changes{{2 * kHour, State::kDown}});
  const PatchedRun after(patched(R"("remove_dependencies":[{"from":"app","on":"idp"}])"),
                         idp_outage, "1d");
  CHECK(after.changes("app").empty());
  CHECK(after.changes("f").empty());
}

// ---- numbers and echoed text (issue 10, items 5 and 9) ------------------------------------

TEST_CASE("Overlay.Load.NumberTooLargeForDoubleHasLineColumn") {
  const auto errors = load_errors(overlay_text(
      "\n\"remove_dependencies\": [{\"from\": \"a\", \"on\": \"b\", \"requirement\": 1e400}]"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == kOverlayFile);
  CHECK(errors[0].where.starts_with("line 2, column "));
  CHECK(errors[0].message.find("too large") != std::string::npos);
}

TEST_CASE("Overlay.Load.RequirementIndexWholeAndBounded") {
  const auto errors = load_errors(overlay_text(R"("remove_dependencies": [
      {"from": "a", "on": "b", "requirement": 0.5},
      {"from": "a", "on": "c", "requirement": 1000001},
      {"from": "a", "on": "d", "requirement": 1000000}])"));
  INFO(msout::testing::dump(errors));
  CHECK(errors.size() == 2);
  CHECK(msout::testing::has(errors, kOverlayFile, "/remove_dependencies/0/requirement",
                            "whole number"));
  CHECK(msout::testing::has(errors, kOverlayFile, "/remove_dependencies/1/requirement",
                            "above the limit"));
}

TEST_CASE("Overlay.Load.InvalidIdEchoedEscaped") {
  const auto errors = load_errors(overlay_text(R"("remove_entities": ["x\u001b[31m\nerror: y"])"));
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.starts_with("invalid id \"x\\e[31m\\nerror: y\""));
}

TEST_CASE("Overlay.Apply.PeopleServedAboveThePopulationIsAnErrorAtTheOverlay") {
  Model model = base_model();
  msout::model::Population population;
  population.people = 1000;
  population.source = "census";
  population.place = {"model.json", "/population"};
  model.population = population;
  const auto errors = apply_errors(
      R"("add_entities":[{"id":"h","name":"H","kind":"function","people_served":1001}])", model);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == kOverlayFile);
  CHECK(errors[0].where == "/add_entities/0/people_served");
  CHECK(errors[0].message.find("more than the model's population, 1000") != std::string::npos);
  // Within the population it applies, and the population is kept.
  const Model ok = patched(
      R"("add_entities":[{"id":"h","name":"H","kind":"function","people_served":1000}])", model);
  REQUIRE(ok.population.has_value());
  CHECK(ok.population->people == 1000);
}

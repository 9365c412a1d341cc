// Tests of model/model_loader.h: msout-model/1 text -> validated Model, and the diagnostics
// (file, JSON pointer or line and column, message) for every kind of invalid input.
#include "model/model_loader.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/diagnostics.h"
#include "model/json_document.h"
#include "model/json_reader.h"
#include "model/model.h"
#include "tests/unit/test_support.h"

namespace {

using msout::testing::dump;
using msout::testing::has;

using msout::testing::TempDir;

namespace fs = std::filesystem;
using msout::model::Confidence;
using msout::model::Diagnostic;
using msout::model::Effect;
using msout::model::EntityKind;
using msout::model::Gate;
using msout::model::InputError;
using msout::model::IoError;
using msout::model::Layer;
using msout::model::load_model;
using msout::model::load_model_path;
using msout::model::Model;
using msout::model::SourceText;

// A model file holding the given JSON array of entities.
std::string model_text(const std::string& entities) {
  return R"({"format": "msout-model/1", "entities": )" + entities + "}";
}

Model load_entities(const std::string& entities) {
  return load_model({SourceText{"m.json", model_text(entities)}});
}

// The errors of loading `sources`; fails the test if loading succeeds.
std::vector<Diagnostic> errors_of(const std::vector<SourceText>& sources) {
  try {
    load_model(sources);
  } catch (const InputError& e) {
    CHECK_FALSE(e.diagnostics().empty());
    CHECK(std::string(e.what()).find(e.diagnostics().front().message) != std::string::npos);
    return e.diagnostics();
  }
  FAIL("expected an InputError");
  return {};
}

std::vector<Diagnostic> errors_of_file(const std::string& text) {
  return errors_of({SourceText{"m.json", text}});
}

std::vector<Diagnostic> errors_of_entities(const std::string& entities) {
  return errors_of_file(model_text(entities));
}

}  // namespace

// ---- valid models -----------------------------------------------------------------------

TEST_CASE("ModelLoader.Valid.Minimal") {
  const Model m = load_entities(R"([{"id": "a", "name": "A", "kind": "service"}])");
  REQUIRE(m.entities.size() == 1);
  CHECK(m.entities[0].id == "a");
  CHECK(m.entities[0].name == "A");
  CHECK(m.entities[0].kind == EntityKind::kService);
  CHECK(m.entities[0].people_served == 0);
  CHECK(m.entities[0].requirements.empty());
  CHECK(m.entities[0].evidence.confidence == Confidence::kUnstated);
  CHECK(m.entities[0].place.file == "m.json");
  CHECK(m.entities[0].place.pointer == "/entities/0");
  CHECK(m.files == std::vector<std::string>{"m.json"});
  CHECK(m.name.empty());
  CHECK(m.find("a") == 0u);
  CHECK_FALSE(m.find("b").has_value());
}

TEST_CASE("ModelLoader.Valid.EmptyEntities") {
  const Model m = load_entities("[]");
  CHECK(m.entities.empty());
}

TEST_CASE("ModelLoader.Valid.DependencyDefaults") {
  const Model m = load_entities(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": "a"}]}
  ])");
  REQUIRE(m.entities.size() == 2);
  REQUIRE(m.entities[1].requirements.size() == 1);
  const auto& req = m.entities[1].requirements[0];
  CHECK(req.gate == Gate::kSingle);
  CHECK(req.k == 1);
  CHECK(req.effect == Effect::kDown);
  CHECK(req.switchover.seconds == 0);
  CHECK(req.place.pointer == "/entities/1/requires/0");
  REQUIRE(req.members.size() == 1);
  const auto& dep = req.members[0];
  CHECK(dep.on == "a");
  CHECK(dep.target == 0);
  CHECK(dep.layer == Layer::kNone);
  CHECK(dep.tolerance.seconds == 0);
  CHECK(dep.recovery.seconds == 0);
  CHECK(dep.effect == Effect::kDown);
  CHECK_FALSE(dep.degraded_propagates);
  CHECK(dep.evidence.confidence == Confidence::kUnstated);
  CHECK(dep.assumptions.empty());
  CHECK(dep.note.empty());
  CHECK(dep.place.file == "m.json");
  CHECK(dep.place.pointer == "/entities/1/requires/0");
}

TEST_CASE("ModelLoader.Valid.EveryEntityField") {
  const Model m = load_model({SourceText{"m.json", R"({
    "$schema": "../model/schema/msout-model.schema.json",
    "format": "msout-model/1",
    "name": "Everything",
    "description": "all fields",
    "entities": [
      {"id": "azure.westeurope", "name": "Azure", "kind": "provider", "sector": "cloud",
       "jurisdiction": "US", "regions": ["westeurope", "northeurope"],
       "tags": ["microsoft", "hyperscaler"], "people_served": 1000,
       "evidence": {"source": "https://example.org", "confidence": "confirmed", "quote": "q"},
       "assumptions": ["one", "two"]},
      {"id": "care_1", "name": "Care", "kind": "function", "requires": [
        {"on": "azure.westeurope", "layer": "infra", "tolerance": "4h", "recovery": "1h30m",
         "effect": "degraded", "degraded_propagates": true,
         "evidence": {"source": "s", "confidence": "reported"},
         "assumptions": ["x"], "note": "n"}]},
      {"id": "org-2", "name": "Org", "kind": "organisation"}
    ]})"}});
  CHECK(m.name == "Everything");
  CHECK(m.description == "all fields");
  REQUIRE(m.entities.size() == 3);
  const auto& azure = m.entities[0];
  CHECK(azure.kind == EntityKind::kProvider);
  CHECK(azure.sector == "cloud");
  CHECK(azure.jurisdiction == "US");
  CHECK(azure.regions == std::vector<std::string>{"westeurope", "northeurope"});
  CHECK(azure.tags == std::vector<std::string>{"microsoft", "hyperscaler"});
  CHECK(azure.people_served == 1000);
  CHECK(azure.evidence.source == "https://example.org");
  CHECK(azure.evidence.confidence == Confidence::kConfirmed);
  CHECK(azure.evidence.quote == "q");
  CHECK(azure.assumptions == std::vector<std::string>{"one", "two"});
  CHECK(m.entities[1].kind == EntityKind::kFunction);
  CHECK(m.entities[2].kind == EntityKind::kOrganisation);
  const auto& dep = m.entities[1].requirements.at(0).members.at(0);
  CHECK(dep.layer == Layer::kInfra);
  CHECK(dep.tolerance.seconds == 4 * 3600);
  CHECK(dep.recovery.seconds == 5400);
  CHECK(dep.effect == Effect::kDegraded);
  CHECK(m.entities[1].requirements[0].effect == Effect::kDegraded);
  CHECK(dep.degraded_propagates);
  CHECK(dep.evidence.confidence == Confidence::kReported);
  CHECK(dep.assumptions == std::vector<std::string>{"x"});
  CHECK(dep.note == "n");
}

TEST_CASE("ModelLoader.Valid.AnyGroup") {
  const Model m = load_entities(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "provider"},
    {"id": "c", "name": "C", "kind": "service", "requires": [
      {"any": [{"on": "a", "tolerance": "5m"}, {"on": "b", "layer": "self"}],
       "switchover": "15m", "effect": "degraded", "note": "dr"},
      {"any": [{"on": "b"}]}
    ]}
  ])");
  const auto& reqs = m.entities.at(2).requirements;
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].gate == Gate::kAny);
  CHECK(reqs[0].k == 1);
  CHECK(reqs[0].switchover.seconds == 15 * 60);
  CHECK(reqs[0].effect == Effect::kDegraded);
  CHECK(reqs[0].note == "dr");
  REQUIRE(reqs[0].members.size() == 2);
  CHECK(reqs[0].members[0].target == 0);
  CHECK(reqs[0].members[0].tolerance.seconds == 300);
  CHECK(reqs[0].members[1].target == 1);
  CHECK(reqs[0].members[1].layer == Layer::kSelf);
  // Members carry the group's effect.
  CHECK(reqs[0].members[0].effect == Effect::kDegraded);
  CHECK(reqs[0].members[1].effect == Effect::kDegraded);
  CHECK(reqs[0].members[1].place.pointer == "/entities/2/requires/0/any/1");
  // Defaults.
  CHECK(reqs[1].gate == Gate::kAny);
  CHECK(reqs[1].switchover.seconds == 0);
  CHECK(reqs[1].effect == Effect::kDown);
  CHECK(reqs[1].members.at(0).effect == Effect::kDown);
}

TEST_CASE("ModelLoader.Valid.KOfN") {
  const Model m = load_entities(R"([
    {"id": "a", "name": "A", "kind": "provider"},
    {"id": "b", "name": "B", "kind": "provider"},
    {"id": "c", "name": "C", "kind": "provider"},
    {"id": "q", "name": "Q", "kind": "service", "requires": [
      {"k": 2, "of": [{"on": "a"}, {"on": "b"}, {"on": "c", "recovery": "1d"}]},
      {"k": 3, "of": [{"on": "a"}, {"on": "b"}, {"on": "c"}], "effect": "degraded"}
    ]}
  ])");
  const auto& reqs = m.entities.at(3).requirements;
  REQUIRE(reqs.size() == 2);
  CHECK(reqs[0].gate == Gate::kKOfN);
  CHECK(reqs[0].k == 2);
  CHECK(reqs[0].effect == Effect::kDown);
  REQUIRE(reqs[0].members.size() == 3);
  CHECK(reqs[0].members[2].target == 2);
  CHECK(reqs[0].members[2].recovery.seconds == 24 * 3600);
  CHECK(reqs[0].members[2].place.pointer == "/entities/3/requires/0/of/2");
  CHECK(reqs[1].k == 3);  // k = n is allowed
  CHECK(reqs[1].effect == Effect::kDegraded);
}

TEST_CASE("ModelLoader.Valid.CyclesAccepted") {
  const Model m = load_entities(R"([
    {"id": "azure", "name": "Azure", "kind": "provider", "requires": [{"on": "entra"}]},
    {"id": "entra", "name": "Entra", "kind": "service", "requires": [{"on": "azure"}]},
    {"id": "loop", "name": "Loop", "kind": "service", "requires": [{"on": "loop"}]}
  ])");
  CHECK(m.entities.size() == 3);
  CHECK(m.entities[0].requirements[0].members[0].target == 1);
  CHECK(m.entities[1].requirements[0].members[0].target == 0);
  CHECK(m.entities[2].requirements[0].members[0].target == 2);
}

TEST_CASE("ModelLoader.Valid.ForwardReference") {
  // A dependency may name an entity defined later in the file.
  const Model m = load_entities(R"([
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": "a"}]},
    {"id": "a", "name": "A", "kind": "provider"}
  ])");
  CHECK(m.entities[0].requirements[0].members[0].target == 1);
}

TEST_CASE("ModelLoader.Valid.MultiFileCrossReferences") {
  const Model m = load_model({
      SourceText{"a.json", R"({"format": "msout-model/1", "entities": [
        {"id": "hospital", "name": "H", "kind": "function",
         "requires": [{"on": "azure"}, {"any": [{"on": "local"}, {"on": "azure"}]}]},
        {"id": "local", "name": "L", "kind": "service"}]})"},
      SourceText{"b.json", R"({"format": "msout-model/1", "name": "Providers", "entities": [
        {"id": "azure", "name": "Azure", "kind": "provider", "requires": [{"on": "hospital"}]}]})"},
  });
  REQUIRE(m.entities.size() == 3);
  CHECK(m.files == std::vector<std::string>{"a.json", "b.json"});
  CHECK(m.entities[0].id == "hospital");
  CHECK(m.entities[1].id == "local");
  CHECK(m.entities[2].id == "azure");
  CHECK(m.entities[2].place.file == "b.json");
  CHECK(m.entities[2].place.pointer == "/entities/0");
  CHECK(m.entities[0].requirements[0].members[0].target == 2);
  CHECK(m.entities[0].requirements[1].members[1].target == 2);
  CHECK(m.entities[2].requirements[0].members[0].target == 0);
  // Only the second file has a name: it names the model.
  CHECK(m.name == "Providers");
}

TEST_CASE("ModelLoader.Valid.ModelNameFromFirstFile") {
  const Model m = load_model({
      SourceText{"a.json", R"({"format": "msout-model/1", "name": "First", "description": "d1",
                             "entities": []})"},
      SourceText{"b.json", R"({"format": "msout-model/1", "name": "Second", "description": "d2",
                             "entities": []})"},
  });
  CHECK(m.name == "First");
  CHECK(m.description == "d1");
}

TEST_CASE("ModelLoader.Valid.IdCharacters") {
  const Model m = load_entities(R"([
    {"id": "0start", "name": "x", "kind": "service"},
    {"id": "a.b_c-d", "name": "x", "kind": "service"}
  ])");
  CHECK(m.entities.size() == 2);
  CHECK(msout::model::is_valid_id("a"));
  CHECK(msout::model::is_valid_id("9"));
  CHECK(msout::model::is_valid_id("a.b_c-d"));
  CHECK_FALSE(msout::model::is_valid_id(""));
  CHECK_FALSE(msout::model::is_valid_id("Azure"));
  CHECK_FALSE(msout::model::is_valid_id("-a"));
  CHECK_FALSE(msout::model::is_valid_id(".a"));
  CHECK_FALSE(msout::model::is_valid_id("a b"));
  CHECK_FALSE(msout::model::is_valid_id("a/b"));
}

// ---- malformed JSON and file-level errors -------------------------------------------------

TEST_CASE("ModelLoader.Error.MalformedJsonLineColumn") {
  // The stray ',' is on line 3, column 16.
  const auto errors =
      errors_of_file("{\n  \"format\": \"msout-model/1\",\n  \"entities\": [,]\n}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where == "line 3, column 16");
  CHECK(errors[0].message.find("malformed JSON") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.MalformedJsonTrailingComma") {
  // The '}' after the trailing comma is on line 4, column 1.
  const auto errors =
      errors_of_file("{\n  \"format\": \"msout-model/1\",\n  \"entities\": [],\n}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "line 4, column 1");
  CHECK(errors[0].message.find("malformed JSON") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.MalformedJsonTruncated") {
  const auto errors =
      errors_of_file("{\n  \"format\": \"msout-model/1\",\n  \"entities\": [\n    {\"id\": \"a\"");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where.rfind("line 4, column ", 0) == 0);
  CHECK(errors[0].message.find("malformed JSON") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.EmptyFile") {
  for (const char* text : {"", "  \n\t\n"}) {
    CAPTURE(text);
    const auto errors = errors_of_file(text);
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].file == "m.json");
    CHECK(errors[0].message.find("empty file") != std::string::npos);
  }
}

TEST_CASE("ModelLoader.Error.NotAnObject") {
  const auto errors = errors_of_file("[1, 2]");
  CHECK_DIAGNOSTIC(errors, "m.json", "", "expected an object");
}

TEST_CASE("ModelLoader.Error.MissingFormat") {
  const auto errors = errors_of_file(R"({"entities": []})");
  CHECK_DIAGNOSTIC(errors, "m.json", "", "missing required key \"format\"");
}

TEST_CASE("ModelLoader.Error.WrongFormat") {
  const auto errors = errors_of_file(R"({"format": "msout-model/2", "entities": []})");
  CHECK_DIAGNOSTIC(errors, "m.json", "/format", "msout-model/2");
  CHECK_DIAGNOSTIC(errors, "m.json", "/format", "msout-model/1");
  const auto scenario = errors_of_file(R"({"format": "msout-scenario/1", "entities": []})");
  CHECK_DIAGNOSTIC(scenario, "m.json", "/format", "msout-scenario/1");
}

TEST_CASE("ModelLoader.Error.MissingEntities") {
  const auto errors = errors_of_file(R"({"format": "msout-model/1"})");
  CHECK_DIAGNOSTIC(errors, "m.json", "", "missing required key \"entities\"");
}

TEST_CASE("ModelLoader.Error.DuplicateJsonKey") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "regions": ["x", "y"], "tags": ["t"]},
    {"id": "b", "name": "B", "kind": "service", "name": "again"}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where == "/entities/1/name");
  CHECK(errors[0].message.find("duplicate key") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.DuplicateJsonKeyTopLevelAndNested") {
  const auto top = errors_of_file(R"({"format": "msout-model/1", "entities": [], "entities": []})");
  CHECK_DIAGNOSTIC(top, "m.json", "/entities", "duplicate key");
  const auto nested = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"on": "a"}, {"any": [{"on": "a"}, {"on": "a", "tolerance": "1h", "tolerance": "2h"}]}]}
  ])");
  CHECK_DIAGNOSTIC(nested, "m.json", "/entities/1/requires/1/any/1/tolerance", "duplicate key");
}

// ---- entity errors ----------------------------------------------------------------------

TEST_CASE("ModelLoader.Error.UnknownKey") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": "a", "tolerence": "1h"}]}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where == "/entities/1/requires/0/tolerence");
  CHECK(errors[0].message.find("unknown key \"tolerence\"") != std::string::npos);
  CHECK(errors[0].message.find("tolerance") != std::string::npos);  // lists the known keys
}

TEST_CASE("ModelLoader.Error.UnknownKeyElsewhere") {
  const auto top = errors_of_file(R"({"format": "msout-model/1", "entites": [], "entities": []})");
  CHECK_DIAGNOSTIC(top, "m.json", "/entites", "unknown key \"entites\"");
  const auto entity =
      errors_of_entities(R"([{"id": "a", "name": "A", "kind": "service", "owner": "x"}])");
  CHECK_DIAGNOSTIC(entity, "m.json", "/entities/0/owner", "unknown key \"owner\"");
  const auto evidence = errors_of_entities(
      R"([{"id": "a", "name": "A", "kind": "service", "evidence": {"source": "s", "confidence": "confirmed", "url": "u"}}])");
  CHECK_DIAGNOSTIC(evidence, "m.json", "/entities/0/evidence/url", "unknown key \"url\"");
}

TEST_CASE("ModelLoader.Error.MissingRequiredEntityKeys") {
  const auto errors = errors_of_entities(R"([{"name": "A"}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0", "missing required key \"id\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0", "missing required key \"kind\"");
}

TEST_CASE("ModelLoader.Error.UnknownKind") {
  const auto errors = errors_of_entities(R"([{"id": "a", "name": "A", "kind": "server"}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/kind", "unknown kind \"server\"");
}

TEST_CASE("ModelLoader.Error.DuplicateEntityId") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service"},
    {"id": "a", "name": "A again", "kind": "service"}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/entities/2/id");
  CHECK(errors[0].message.find("duplicate id \"a\"") != std::string::npos);
  CHECK(errors[0].message.find("m.json: /entities/0") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.DuplicateEntityIdAcrossFiles") {
  const auto errors = errors_of({
      SourceText{"a.json", model_text(R"([{"id": "x", "name": "X", "kind": "service"},
                                          {"id": "azure", "name": "Azure", "kind": "provider"}])")},
      SourceText{"b.json", model_text(R"([{"id": "azure", "name": "Azure", "kind": "provider"}])")},
  });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "b.json");
  CHECK(errors[0].where == "/entities/0/id");
  CHECK(errors[0].message.find("duplicate id \"azure\"") != std::string::npos);
  // Names the first place it was defined.
  CHECK(errors[0].message.find("a.json: /entities/1") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.UnknownDependencyId") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"on": "b"}, {"on": "nope"}]},
    {"id": "b", "name": "B", "kind": "service"}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where == "/entities/0/requires/1/on");
  CHECK(errors[0].message.find("unknown entity \"nope\"") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.UnknownDependencyIdInGroups") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"any": [{"on": "a"}, {"on": "ghost"}]},
      {"k": 1, "of": [{"on": "phantom"}]}]}
  ])");
  CHECK(errors.size() == 2);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/any/1/on", "\"ghost\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/1/of/0/on", "\"phantom\"");
}

TEST_CASE("ModelLoader.Error.UnknownDependencyInOtherFileName") {
  // The error names the file the dependency is written in.
  const auto errors = errors_of({
      SourceText{"a.json", model_text(R"([{"id": "x", "name": "X", "kind": "service"}])")},
      SourceText{"b.json", model_text(R"([{"id": "y", "name": "Y", "kind": "service",
                                           "requires": [{"on": "x"}, {"on": "z"}]}])")},
  });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "b.json");
  CHECK(errors[0].where == "/entities/0/requires/1/on");
}

TEST_CASE("ModelLoader.Error.InvalidId") {
  const auto errors = errors_of_entities(R"([{"id": "Azure", "name": "A", "kind": "provider"}])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/entities/0/id");
  CHECK(errors[0].message.find("invalid id \"Azure\"") != std::string::npos);
  for (const char* id : {"-a", "a b", "", "_x", "é"}) {
    CAPTURE(id);
    const auto more = errors_of_entities(std::string(R"([{"id": ")") + id +
                                         R"(", "name": "A", "kind": "provider"}])");
    CHECK_DIAGNOSTIC(more, "m.json", "/entities/0/id", "invalid id");
  }
}

TEST_CASE("ModelLoader.Error.JurisdictionNotCapitals") {
  // docs/model-format.md: jurisdiction is "two or more capitals" (US, NL, EU, CN); the JSON
  // Schema has the pattern ^[A-Z]{2,}$, and the loader is the authority.
  const auto errors =
      errors_of_entities(R"([{"id": "a", "name": "A", "kind": "provider", "jurisdiction": "us"}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/jurisdiction", "");
}

TEST_CASE("ModelLoader.Error.NegativeDuration") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": "a", "tolerance": "-5m"}]}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/entities/1/requires/0/tolerance");
  CHECK(errors[0].message.find("negative") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.UnparsableDuration") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"on": "a", "recovery": "5 minutes"},
      {"any": [{"on": "a"}], "switchover": "1.5h"},
      {"on": "a", "tolerance": "15"}]}
  ])");
  CHECK(errors.size() == 3);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/recovery", "5 minutes");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/1/switchover", "1.5h");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/2/tolerance", "unit");
}

TEST_CASE("ModelLoader.Error.DurationNotAString") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"on": "a", "tolerance": 300}]}
  ])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/tolerance", "duration string");
}

TEST_CASE("ModelLoader.Error.EmptyGroups") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"any": []},
      {"k": 1, "of": []}]}
  ])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/any", "empty group");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/1/of", "empty group");
}

TEST_CASE("ModelLoader.Error.KLargerThanN") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"k": 3, "of": [{"on": "a"}, {"on": "a"}]}]}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/entities/1/requires/0/k");
  CHECK(errors[0].message.find("k = 3") != std::string::npos);
  CHECK(errors[0].message.find("n = 2") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.KZero") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"k": 0, "of": [{"on": "a"}]}]}
  ])");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].where == "/entities/1/requires/0/k");
  CHECK(errors[0].message.find("at least 1") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.KWrongType") {
  const auto negative = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"k": -1, "of": [{"on": "a"}]}]}])");
  CHECK_DIAGNOSTIC(negative, "m.json", "/entities/0/requires/0/k", "negative");
  const auto text = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"k": "2", "of": [{"on": "a"}]}]}])");
  CHECK_DIAGNOSTIC(text, "m.json", "/entities/0/requires/0/k", "found a string");
}

TEST_CASE("ModelLoader.Error.GroupMissingParts") {
  const auto no_of = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"k": 1}]}])");
  CHECK_DIAGNOSTIC(no_of, "m.json", "/entities/0/requires/0", "missing required key \"of\"");
  const auto both = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"any": [{"on": "a"}], "k": 1, "of": [{"on": "a"}]}]}])");
  CHECK_DIAGNOSTIC(both, "m.json", "/entities/0/requires/0", "not several");
  const auto no_on = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"tolerance": "1h"}]}])");
  CHECK_DIAGNOSTIC(no_on, "m.json", "/entities/0/requires/0", "missing required key \"on\"");
}

TEST_CASE("ModelLoader.Error.NestedGroup") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"any": [{"any": [{"on": "a"}]}]}]}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/any/0/any", "unknown key \"any\"");
}

TEST_CASE("ModelLoader.Error.MemberWithEffect") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [
      {"any": [{"on": "a"}, {"on": "a", "effect": "degraded"}]},
      {"k": 1, "of": [{"on": "a", "effect": "down"}]}]}
  ])");
  CHECK(errors.size() == 2);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/any/1/effect",
                   "unknown key \"effect\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/1/of/0/effect",
                   "unknown key \"effect\"");
}

TEST_CASE("ModelLoader.Error.BadEnumValues") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"on": "a", "layer": "paas", "effect": "broken",
       "evidence": {"source": "s", "confidence": "sure"}}]}
  ])");
  CHECK(errors.size() == 3);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/layer", "unknown layer \"paas\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/effect", "unknown effect \"broken\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/evidence/confidence",
                   "unknown confidence \"sure\"");
  // "none" is the in-memory default, never written.
  const auto none = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"on": "a", "layer": "none"}]}])");
  CHECK_DIAGNOSTIC(none, "m.json", "/entities/0/requires/0/layer", "unknown layer");
}

TEST_CASE("ModelLoader.Error.WrongTypes") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": 5, "kind": "service", "people_served": "many",
     "regions": "westeurope", "tags": ["ok", 3], "requires": {"on": "a"}},
    {"id": "b", "name": "B", "kind": "service", "people_served": -3,
     "requires": [{"on": "a", "degraded_propagates": "yes"}, "a"]},
    {"id": "c", "name": "C", "kind": "service", "people_served": 2.5},
    7
  ])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/name", "expected a string, found an integer");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/people_served",
                   "expected a non-negative integer, found a string");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/regions", "expected an array of strings");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/tags/1", "expected a string");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires", "expected an array, found an object");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/people_served", "must not be negative");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/degraded_propagates",
                   "expected true or false");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/1",
                   "expected an object, found a string");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/2/people_served", "expected a whole number");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/3", "expected an object");
  CHECK(errors.size() == 10);
}

TEST_CASE("ModelLoader.Error.EntitiesNotArray") {
  const auto errors = errors_of_file(R"({"format": "msout-model/1", "entities": {}})");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities", "expected an array");
}

TEST_CASE("ModelLoader.Error.EvidenceMissingKeys") {
  const auto errors = errors_of_entities(
      R"([{"id": "a", "name": "A", "kind": "service", "evidence": {"quote": "q"}}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/evidence", "missing required key \"source\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/evidence", "missing required key \"confidence\"");
}

// ---- all errors are reported -------------------------------------------------------------

TEST_CASE("ModelLoader.Errors.AllInOneFile") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [{"on": "a", "tolerence": "1h"}]},
    {"id": "Bad", "name": "B", "kind": "service"},
    {"id": "c", "name": "C", "kind": "service", "people_served": -1}
  ])");
  INFO(dump(errors));
  CHECK(errors.size() == 3);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/tolerence", "unknown key");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/id", "invalid id");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/2/people_served", "negative");
}

TEST_CASE("ModelLoader.Errors.ManyInOneFile") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service", "requires": [
      {"on": "x1"}, {"on": "a", "tolerance": "-1h"}, {"any": []}, {"k": 5, "of": [{"on": "a"}]}]},
    {"id": "a", "name": "A2", "kind": "gadget"}
  ])");
  INFO(dump(errors));
  CHECK(errors.size() == 6);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/0/on", "unknown entity \"x1\"");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/1/tolerance", "negative");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/2/any", "empty group");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/requires/3/k", "k = 5");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/kind", "unknown kind");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/id", "duplicate id");
}

TEST_CASE("ModelLoader.Errors.AcrossFiles") {
  // Errors in several files are all reported, malformed JSON included.
  const auto errors = errors_of({
      SourceText{"a.json", "{\"format\": \"msout-model/1\", \"entities\": ["},
      SourceText{"b.json", model_text(R"([{"id": "b", "name": "B", "kind": "nope"}])")},
      SourceText{"c.json", ""},
  });
  INFO(dump(errors));
  CHECK(errors.size() == 3);
  bool a = false;
  for (const Diagnostic& d : errors)
    a = a || (d.file == "a.json" && d.where.rfind("line ", 0) == 0);
  CHECK(a);
  CHECK_DIAGNOSTIC(errors, "b.json", "/entities/0/kind", "unknown kind");
  CHECK_DIAGNOSTIC(errors, "c.json", "", "empty file");
}

TEST_CASE("ModelLoader.Errors.WhatListsEveryDiagnostic") {
  try {
    load_entities(R"([{"id": "A", "name": "A", "kind": "x"}])");
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    const std::string what = e.what();
    CHECK(what.find("m.json: /entities/0/id: invalid id") != std::string::npos);
    CHECK(what.find("m.json: /entities/0/kind: unknown kind") != std::string::npos);
  }
}

// ---- load_model_path ----------------------------------------------------------------------

TEST_CASE("ModelLoader.Path.Directory") {
  TempDir dir;
  dir.write("b-providers.json",
            model_text(R"([{"id": "azure", "name": "Azure", "kind": "provider"}])"));
  dir.write("a-hospital.json",
            R"({"format": "msout-model/1", "name": "Hospital", "entities": [
                 {"id": "ehr", "name": "EHR", "kind": "service", "requires": [{"on": "azure"}]}]})");
  dir.write("scenario.json",
            R"({"format": "msout-scenario/1", "name": "s", "horizon": "1d", "levers": []})");
  dir.write("notes.txt", "not json");
  fs::create_directories(dir.path() / "sub");
  std::ofstream(dir.path() / "sub" / "ignored.json") << "not even json";

  const Model m = load_model_path(dir.path());
  REQUIRE(m.entities.size() == 2);
  CHECK(m.entities[0].id == "ehr");  // files in name order
  CHECK(m.entities[1].id == "azure");
  CHECK(m.entities[0].requirements[0].members[0].target == 1);
  CHECK(m.name == "Hospital");
  CHECK(m.files.size() == 2);
}

TEST_CASE("ModelLoader.Path.DirectoryDuplicateAcrossFiles") {
  TempDir dir;
  dir.write("a.json", model_text(R"([{"id": "azure", "name": "Azure", "kind": "provider"}])"));
  dir.write("b.json", model_text(R"([{"id": "azure", "name": "Azure", "kind": "provider"}])"));
  try {
    load_model_path(dir.path());
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    REQUIRE(e.diagnostics().size() == 1);
    const Diagnostic& d = e.diagnostics()[0];
    CHECK(d.file == (dir.path() / "b.json").string());
    CHECK(d.where == "/entities/0/id");
    CHECK(d.message.find((dir.path() / "a.json").string() + ": /entities/0") != std::string::npos);
  }
}

TEST_CASE("ModelLoader.Path.DirectoryNotMsoutFile") {
  TempDir dir;
  dir.write("a.json", model_text(R"([{"id": "a", "name": "A", "kind": "provider"}])"));
  dir.write("other.json", R"({"hello": "world"})");
  try {
    load_model_path(dir.path());
    FAIL("expected an InputError");
  } catch (const InputError& e) {
    CHECK_DIAGNOSTIC(e.diagnostics(), (dir.path() / "other.json").string(), "/format",
                     "not an msout file");
  }
}

TEST_CASE("ModelLoader.Path.File") {
  TempDir dir;
  dir.write("m.json", model_text(R"([{"id": "a", "name": "A", "kind": "provider"}])"));
  const Model m = load_model_path(dir.path() / "m.json");
  CHECK(m.entities.size() == 1);
  CHECK(m.entities[0].place.file == (dir.path() / "m.json").string());
}

TEST_CASE("ModelLoader.Path.Missing") {
  TempDir dir;
  CHECK_THROWS_AS(load_model_path(dir.path() / "missing.json"), IoError);
  // A directory without any model file.
  CHECK_THROWS_AS(load_model_path(dir.path()), IoError);
}

TEST_CASE("ModelLoader.Valid.GroupCountOwnershipAndPeopleSource") {
  const Model m = load_entities(R"json([
    {"id": "municipalities", "name": "All municipalities", "kind": "organisation",
     "count": 342, "people_served": 18000000,
     "people_served_source": "https://www.cbs.nl/nl-nl/visualisaties/dashboard-bevolking"},
    {"id": "zivver", "name": "Zivver", "kind": "provider", "jurisdiction": "US",
     "controlled_by": "Kiteworks (US)"}])json");
  CHECK(m.entities[0].count == 342);
  CHECK(m.entities[0].people_served_source ==
        "https://www.cbs.nl/nl-nl/visualisaties/dashboard-bevolking");
  CHECK(m.entities[1].count == 1);  // the default
  CHECK(m.entities[1].controlled_by == "Kiteworks (US)");
}

TEST_CASE("ModelLoader.Error.ZeroCount") {
  const auto errors =
      errors_of_entities(R"([{"id": "a", "name": "A", "kind": "organisation", "count": 0}])");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/count", "count must be at least 1");
}

// ---- numbers: every one range-checked with its pointer (issue 10, item 5) ---------------

TEST_CASE("ModelLoader.Error.NumberTooLargeForDoubleHasFileAndLineColumn") {
  const auto errors = errors_of_file(
      "{\"format\": \"msout-model/1\",\n \"entities\": [{\"id\": "
      "\"a\", \"name\": \"A\", \"kind\": \"function\",\n "
      "\"people_served\": 1e400}]}");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].file == "m.json");
  CHECK(errors[0].where.starts_with("line 3, column "));
  CHECK(errors[0].message.find("1e400") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.PeopleServedAndCountAboveLimit") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "function", "people_served": 10000000001},
    {"id": "b", "name": "B", "kind": "organisation", "count": 18446744073709551615},
    {"id": "c", "name": "C", "kind": "function", "people_served": 10000000000, "count": 10000000000}
  ])");
  INFO(dump(errors));
  CHECK(errors.size() == 2);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/people_served",
                   "above the limit of 10,000,000,000");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/count", "above the limit of 10,000,000,000");
}

TEST_CASE("ModelLoader.Error.CountsMustBeWholeNumbers") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "organisation", "count": 1.5, "people_served": 1e30,
     "requires": [{"k": 1.0, "of": [{"on": "a"}]}]}
  ])");
  INFO(dump(errors));
  CHECK(errors.size() == 3);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/count", "expected a whole number");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/people_served", "found 1e+30");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/k", "expected a whole number");
}

TEST_CASE("ModelLoader.Error.ChoiceWeightOutOfRange") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "organisation", "requires": [{"one_of": [
      {"on": "a", "weight": 1e300}, {"on": "a", "weight": -1}, {"on": "a", "weight": "1"}]}]}
  ])");
  INFO(dump(errors));
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/one_of/0/weight",
                   "a weight must be a number from 0 to 1e+12");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/one_of/1/weight", "found -1");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/1/requires/0/one_of/2/weight", "expected a weight");
}

// ---- echoed input is escaped and shortened (issue 10, item 9) ----------------------------

TEST_CASE("ModelLoader.Error.IdWithEscapeSequenceEchoedEscaped") {
  const auto errors = errors_of_entities(R"([
    {"id": "a\u001b]0;pwned\u0007", "name": "A", "kind": "service"},
    {"id": "b\nerror: forged", "name": "B", "kind": "service"}
  ])");
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].message ==
        "invalid id \"a\\e]0;pwned\\x07\" (use lower-case letters, "
        "digits, '.', '_', '-')");
  CHECK(errors[1].to_string().find('\n') == std::string::npos);
  CHECK(errors[1].to_string().find("\"b\\nerror: forged\"") != std::string::npos);
}

TEST_CASE("ModelLoader.Error.HugeIdShortenedRestOfMessageKept") {
  const std::string invalid(200'000, 'X');
  const std::string unknown(200'000, 'x');
  const auto errors =
      errors_of_entities(R"([{"id": ")" + invalid + R"(", "name": "A", "kind": "service"},
    {"id": "b", "name": "B", "kind": "service", "requires": [{"on": ")" +
                         unknown + R"("}]}])");
  REQUIRE(errors.size() == 2);
  for (const Diagnostic& error : errors) {
    const std::string line = error.to_string();
    CHECK(line.size() < 400);
    CHECK(line.find("(200000 bytes)") != std::string::npos);
  }
  CHECK(errors[0].to_string().ends_with("(use lower-case letters, digits, '.', '_', '-')"));
}

TEST_CASE("ModelLoader.Error.NameWithControlCharacter") {
  const auto errors = errors_of_entities(R"([
    {"id": "a", "name": "A\u001b[2J", "kind": "service"},
    {"id": "b", "name": "Zorg\u00eb \u2014 fine", "kind": "service"},
    {"id": "c", "name": "C\u0085", "kind": "service"}
  ])");
  INFO(dump(errors));
  REQUIRE(errors.size() == 2);
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/0/name", "\"A\\e[2J\" holds a control character");
  CHECK_DIAGNOSTIC(errors, "m.json", "/entities/2/name", "holds a control character");
}

TEST_CASE("ModelLoader.Error.ManyErrorsCappedPerFile") {
  std::string entities = "[";
  for (int i = 0; i < 500; ++i) {
    entities += std::string(i == 0 ? "" : ",") + R"({"id": "e)" + std::to_string(i) +
                R"(", "name": "E", "kind": "gadget"})";
  }
  const auto errors = errors_of_entities(entities + "]");
  REQUIRE(errors.size() == msout::model::kMaxErrorsPerFile + 1);
  CHECK(errors.back().to_string() == "m.json: … and 450 more errors (the first 50 are listed)");
}

// ---- the format first (issue 10, item 14) -------------------------------------------------

TEST_CASE("ModelLoader.Error.ScenarioGivenAsModelSaysSoAlone") {
  const auto errors = errors_of_file(
      R"({"format": "msout-scenario/1", "name": "S", "horizon": "1d", "levers": []})");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message ==
        "this is an msout scenario file (msout-scenario/1), not a model; pass it with "
        "--scenario");
}

TEST_CASE("ModelLoader.Path.DirectorySkipsEvidenceWeightsFile") {
  TempDir dir;
  dir.write("a.json", model_text(R"([{"id": "a", "name": "A", "kind": "service"}])"));
  dir.write("w.json", R"({"format": "msout-evidence-weights/1", "weights": {}})");
  CHECK(load_model_path(dir.path()).entities.size() == 1);
}

// ---- population -------------------------------------------------------------------------

namespace {

std::string with_population(const std::string& population, const std::string& entities) {
  return R"({"format": "msout-model/1", "population": )" + population + R"(, "entities": )" +
         entities + "}";
}

}  // namespace

TEST_CASE("ModelLoader.Population.DeclaredWithSourceAndDate") {
  const Model m = load_model({SourceText{
      "m.json", with_population(R"({"people": 18044027, "source": "CBS", "as_of": "2025-01-01"})",
                                R"([{"id": "f", "name": "F", "kind": "function",
                                     "people_served": 18044027}])")}});
  REQUIRE(m.population.has_value());
  CHECK(m.population->people == 18044027);
  CHECK(m.population->source == "CBS");
  CHECK(m.population->as_of == "2025-01-01");
  CHECK(m.population->place.file == "m.json");
  CHECK(m.population->place.pointer == "/population");
  CHECK_FALSE(load_entities("[]").population.has_value());
}

TEST_CASE("ModelLoader.Population.TheSameDeclarationInTwoFilesIsOne") {
  const std::string population = R"({"people": 1000, "source": "census"})";
  const Model m =
      load_model({SourceText{"a.json", with_population(population, "[]")},
                  SourceText{"b.json", with_population(population, R"([{"id": "x", "name": "X",
                                                              "kind": "function",
                                                              "people_served": 1000}])")}});
  REQUIRE(m.population.has_value());
  CHECK(m.population->people == 1000);
  CHECK(m.population->place.file == "a.json");
  CHECK(m.population->as_of.empty());
}

TEST_CASE("ModelLoader.Error.PopulationDeclaredDifferentlyInTwoFiles") {
  const auto errors = errors_of(
      {SourceText{"a.json", with_population(R"({"people": 1000, "source": "census"})", "[]")},
       SourceText{"b.json", with_population(R"({"people": 1001, "source": "census"})", "[]")}});
  INFO(dump(errors));
  REQUIRE(errors.size() == 1);
  CHECK_DIAGNOSTIC(errors, "b.json", "/population", "declared differently at a.json: /population");
}

TEST_CASE("ModelLoader.Error.PopulationBadValues") {
  auto errors_with = [](const std::string& population) {
    return errors_of_file(with_population(population, "[]"));
  };
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 0, "source": "x"})"), "m.json", "/population/people",
                   "at least 1");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 10000000001, "source": "x"})"), "m.json",
                   "/population/people", "above the limit of 10,000,000,000");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 1.5e7, "source": "x"})"), "m.json",
                   "/population/people", "whole number");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 1000})"), "m.json", "/population",
                   "missing required key \"source\"");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 1000, "source": ""})"), "m.json", "/population/source",
                   "source is empty");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 1000, "source": "x", "year": 2025})"), "m.json",
                   "/population/year", "unknown key");
  CHECK_DIAGNOSTIC(errors_with(R"({"people": 1000, "source": "x", "as_of": "1\n2"})"), "m.json",
                   "/population/as_of", "control character");
  CHECK_DIAGNOSTIC(errors_with("18000000"), "m.json", "/population", "expected an object");
}

TEST_CASE("ModelLoader.Error.PeopleServedAbovePopulationNamesBothPlaces") {
  const auto errors = errors_of(
      {SourceText{"a.json", with_population(R"({"people": 1000, "source": "census"})",
                                            R"([{"id": "f", "name": "F", "kind": "function",
                                                 "people_served": 1000}])")},
       SourceText{"b.json", model_text(R"([{"id": "g", "name": "G", "kind": "service"},
                                           {"id": "h", "name": "H", "kind": "function",
                                            "people_served": 1001}])")}});
  INFO(dump(errors));
  REQUIRE(errors.size() == 1);
  CHECK_DIAGNOSTIC(errors, "b.json", "/entities/1/people_served",
                   "people_served 1001 is more than the model's population, 1000 (declared at "
                   "a.json: /population)");
}

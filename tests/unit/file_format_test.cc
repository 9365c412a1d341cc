// Tests of model/file_format.h through every loader: a file of another msout format gets one
// error that says what it is and which option takes it, before any other check.
#include "model/file_format.h"

#include <functional>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/diagnostics.h"
#include "model/model_loader.h"
#include "model/overlay.h"
#include "model/scenario_loader.h"
#include "model/uncertainty.h"
#include "tests/unit/test_support.h"

namespace {

using msout::model::Diagnostic;
using msout::model::InputError;
using msout::model::SourceText;
using msout::testing::dump;
using msout::testing::TempDir;

// A small valid file of each format.
struct Sample {
  std::string_view format;
  std::string text;
  std::string option;
};

std::vector<Sample> samples() {
  return {
      {msout::model::kModelFormat,
       R"({"format": "msout-model/1", "entities": [{"id": "a", "name": "A", "kind": "service"}]})",
       "--model"},
      {msout::model::kScenarioFormat,
       R"({"format": "msout-scenario/1", "name": "S", "horizon": "1d", "levers": [
           {"id": "l", "at": "0s", "action": "down", "select": {"ids": "a"}}]})",
       "--scenario"},
      {msout::model::kOverlayFormat,
       R"({"format": "msout-overlay/1", "name": "O", "remove_entities": ["a"]})", "--whatif"},
      {msout::model::kEvidenceWeightsFormat,
       R"({"format": "msout-evidence-weights/1", "weights": {"presumed": 0.5}})",
       "--evidence-weights"},
  };
}

// Loads `text` as `format`; the errors, or none when it loads.
std::vector<Diagnostic> errors_loading_as(std::string_view format, const std::string& text) {
  const SourceText source{"f.json", text};
  std::function<void()> load;
  TempDir dir;
  if (format == msout::model::kModelFormat) {
    load = [&] { msout::model::load_model({source}); };
  } else if (format == msout::model::kScenarioFormat) {
    load = [&] { msout::model::load_scenario(source); };
  } else if (format == msout::model::kOverlayFormat) {
    load = [&] { msout::model::load_overlay(source); };
  } else {
    dir.write("f.json", text);
    load = [&] { msout::model::load_evidence_weights_path((dir.path() / "f.json").string()); };
  }
  try {
    load();
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

TEST_CASE("FileFormat.EveryLoader.NamesAnotherMsoutFormatAlone") {
  for (const Sample& expected : samples()) {
    for (const Sample& given : samples()) {
      const auto errors = errors_loading_as(expected.format, given.text);
      CAPTURE(expected.format);
      CAPTURE(given.format);
      INFO(dump(errors));
      if (expected.format == given.format) {
        CHECK(errors.empty());
        continue;
      }
      REQUIRE(errors.size() == 1);
      CHECK(errors[0].where == "/format");
      const std::string& message = errors[0].message;
      CHECK(message.starts_with("this is an msout "));
      CHECK(message.find("(" + std::string(given.format) + ")") != std::string::npos);
      CHECK(message.ends_with("pass it with " + given.option));
    }
  }
}

TEST_CASE("FileFormat.ModelGivenAsScenario.Wording") {
  const auto errors = errors_loading_as(msout::model::kScenarioFormat, samples()[0].text);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message ==
        "this is an msout model file (msout-model/1), not a scenario; pass it with --model");
}

TEST_CASE("FileFormat.UnknownFormat.ExpectedFoundAlone") {
  const auto errors = errors_loading_as(msout::model::kScenarioFormat,
                                        R"({"format": "msout-scenario/2", "levers": 3})");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "expected \"msout-scenario/1\", found \"msout-scenario/2\"");
}

}  // namespace

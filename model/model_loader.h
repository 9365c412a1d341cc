// Loading models: JSON text -> validated Model.
//
// Every error in every file is collected (unknown keys, bad types, unparsable or negative
// durations, invalid or duplicate ids, unknown dependency ids, empty groups, k > n) with the
// file and JSON pointer; then load_model throws one InputError holding them all.
//
//   Model m = load_model_path("scenarios/hospital/model");   // a file or a directory
//
// Thread-safe (no shared state).
#pragma once

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/diagnostics.h"
#include "model/json_reader.h"
#include "model/model.h"
#include "model/source_text.h"

namespace msout::model {

// One parsed model file.
struct ModelDocument {
  std::string file;
  nlohmann::json json;
};

// Reads the optional "evidence" object of `parent` (models and scenarios share it).
Evidence read_evidence(JsonReader& in, const nlohmann::json& parent, const std::string& pointer);

// Builds a model from parsed msout-model/1 documents, in order. Adds all problems to `diags`;
// the result is meaningful only when no error was added.
Model build_model(const std::vector<ModelDocument>& documents, Diagnostics& diags);

// Parses and builds; throws InputError with every diagnostic if any error is found.
Model load_model(const std::vector<SourceText>& sources);

// Reads a model file, or all msout-model/1 files directly in a directory (name order;
// other msout files there are skipped). Throws IoError or InputError.
Model load_model_path(const std::filesystem::path& path);

}  // namespace msout::model

// SourceText: the text of one input file and the name it is reported under.
//
// Inputs come from disk or are embedded in the binary (the default model and scenario);
// both reach the loaders as SourceText, so errors name the file either way.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace msout::model {

struct SourceText {
  std::string name;  // path as the user gave it, or "embedded:<path>"
  std::string text;
};

// Reads a whole JSON input file (model/input_file.h: regular files only, at most
// kMaxJsonInputBytes). Throws IoError naming the path when it cannot.
SourceText read_source(const std::filesystem::path& path);

// The *.json files directly inside `directory`, sorted by name. Throws IoError.
std::vector<std::filesystem::path> json_files_in(const std::filesystem::path& directory);

}  // namespace msout::model

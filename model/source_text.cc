#include "model/source_text.h"

#include <algorithm>
#include <system_error>

#include "model/diagnostics.h"
#include "model/input_file.h"

namespace msout::model {

SourceText read_source(const std::filesystem::path& path) {
  return {path.string(), read_regular_input(path, kMaxJsonInputBytes)};
}

std::vector<std::filesystem::path> json_files_in(const std::filesystem::path& directory) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  for (std::filesystem::directory_iterator it(directory, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json") files.push_back(it->path());
  }
  if (ec) throw IoError(directory.string() + ": cannot list directory: " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace msout::model

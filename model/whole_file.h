// Writing a file whole or not at all, through a stream: the content goes to a temporary
// file beside the target, renamed over it once complete (for large outputs such as compact
// models; reports use sim/report/atomic_file.h, which also syncs to disk).
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>

namespace msout::model {

// Throws IoError naming `path` if the file cannot be written; the target is then untouched.
void write_whole_file(const std::filesystem::path& path,
                      const std::function<void(std::ostream&)>& write);

}  // namespace msout::model

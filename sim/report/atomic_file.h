// Writing output files whole or not at all: the text goes to a temporary file beside the
// target, which is renamed over it only once completely written.
#pragma once

#include <filesystem>
#include <string_view>

namespace msout::report {

// Throws model::IoError naming `path` on any failure; the target is then untouched.
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace msout::report

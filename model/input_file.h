// Input files: what msout agrees to read as a model, scenario, overlay or weights file.
//
// Only regular files (or symlinks to them) are read. A directory, a device (/dev/zero,
// /dev/urandom), a FIFO or a socket is refused at once, without blocking and without reading
// it: such a path would be read until memory runs out, or wait forever for a writer. A file
// larger than the limit given is refused before any byte of it is read.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace msout::model {

// The largest JSON input file msout reads (model, scenario, overlay, evidence weights):
// 1 GiB, far above a synthetic model of 10^5 entities in JSON; larger graphs use the compact
// format, which has no such limit.
inline constexpr std::uintmax_t kMaxJsonInputBytes = std::uintmax_t{1} << 30;

// The size of `path` in bytes if it is a regular file no larger than `max_bytes`. Throws
// IoError naming the path otherwise: missing or unreadable, a directory, not a regular file,
// or too large. Never blocks.
std::uintmax_t check_regular_input(const std::filesystem::path& path, std::uintmax_t max_bytes);

// The whole content of `path` after the same checks. Reads no more than `max_bytes` even if
// the file grows while it is read. Throws IoError naming the path.
std::string read_regular_input(const std::filesystem::path& path, std::uintmax_t max_bytes);

}  // namespace msout::model

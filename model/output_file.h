// Output files: how msout writes every file it produces (a --out result, the per-scenario
// files of --out-dir, a generated model or scenario). One writer, one set of rules
// (docs/report-format.md, "Output files"):
//
// - A new path, or an existing regular file: written whole or not at all. The content goes
//   to a temporary file with a unique name beside the target (".NAME.tmp-PID-N"), is synced
//   to disk (fsync) and then renamed over the target, so that a reader, a concurrent writer
//   or a crash never sees half a file. An existing file keeps its permission bits (and, when
//   run as root, its owner and group).
// - A symlink is followed: its final target is replaced as above, and the link stays.
// - Anything that is not a regular file (/dev/null, a terminal, a FIFO), and any path that
//   leads through /proc (/dev/stdout, /dev/fd/N), is written straight through: opened for
//   appending, never created, truncated or replaced. Such a target can receive part of the
//   output if writing fails.
// - Refused (IoError, nothing written): a directory; a read-only regular file (no write
//   permission bit at all, or none for this user): msout does not replace what its owner
//   protected, even when run as root.
// - The temporary file is removed on every failure, on exceptions, and when the process is
//   stopped by SIGINT, SIGTERM or SIGHUP while writing (model/temporary_file.h).
//
//   write_output_file("report.json", text);
//   write_output_file("g.msout", [&](std::ostream& out) { write_columns(out); });
//
// Thread-safe: concurrent writers to the same path each write their own temporary file;
// the last rename wins and the file is always one writer's complete output.
#pragma once

#include <filesystem>
#include <functional>
#include <ostream>
#include <string_view>

namespace msout::model {

// Writes what `write` puts on the stream to `path` by the rules above. Throws IoError naming
// `path` (and the reason) on any failure, including a failed write to the stream; an
// exception thrown by `write` is passed on. In both cases a replaced target is untouched.
void write_output_file(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& write);

// The same for a text already in memory.
void write_output_file(const std::filesystem::path& path, std::string_view text);

}  // namespace msout::model

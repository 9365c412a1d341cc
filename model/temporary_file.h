// TemporaryFile: a file being written under a temporary name, removed unless it is kept.
//
// The guard removes its file on every way out that the process controls: when it is
// destroyed without keep() (a normal return or an exception), and when the process is
// stopped by SIGINT, SIGTERM or SIGHUP while the guard is alive. Making a guard installs a
// handler for each of those signals that is not ignored (SIGHUP under nohup stays ignored):
// it unlinks every live guard's file with async-signal-safe calls only, then restores what
// was there before and passes the signal on, so that by default the process still ends by
// it (exit status 128 + signal in a shell). SIGKILL cannot be caught: a file may remain.
//
//   TemporaryFile temp(".report.txt.tmp-1234-1");  // before the file is created
//   int fd = open(temp.path().c_str(), O_CREAT | O_EXCL ...);
//   if (fd < 0) temp.disown();                     // the name was taken: not ours
//   ... write it ...
//   rename(temp.path(), "report.txt"); temp.keep();
//
// Make the guard before creating the file: a signal that arrives between the creation and
// the guard would otherwise end the process with the file left behind.
//
// Up to kMaxLive guards are covered by the handler at once (more are still removed on
// destruction). Thread-safe: guards may be made and destroyed from any thread.
#pragma once

#include <cstddef>
#include <string>

namespace msout::model {

class TemporaryFile {
 public:
  static constexpr std::size_t kMaxLive = 32;
  // Paths longer than this are removed on destruction but not by the signal handler.
  static constexpr std::size_t kMaxPathBytes = 4095;

  // Takes charge of `path`, which may not exist yet (see above).
  explicit TemporaryFile(std::string path);
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  // Removes the file unless keep() was called.
  ~TemporaryFile();

  const std::string& path() const { return path_; }
  // The file has been renamed into place (or is otherwise no longer temporary): it is no
  // longer removed, by the destructor or by a signal.
  void keep();
  // The file at `path` is not this guard's (creating it failed: the name was taken): it is
  // never removed by this guard.
  void disown() { keep(); }

 private:
  void release_slot();

  std::string path_;
  int slot_ = -1;  // index in the signal handler's table, -1 if not covered
  bool kept_ = false;
};

}  // namespace msout::model

// Tests of model/temporary_file.h: a temporary file is removed on every way out the
// process controls, signals included.
#include "model/temporary_file.h"

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "tests/unit/test_support.h"

namespace {

namespace fs = std::filesystem;
using msout::model::TemporaryFile;
using msout::testing::TempDir;

// Runs a child process that makes a guarded file and then raises `signal_number`; returns
// the child's wait status.
int child_killed_while_writing(const fs::path& file, int signal_number) {
  const pid_t child = ::fork();
  if (child == 0) {
    ::signal(signal_number, SIG_DFL);  // not the test framework's handler
    std::ofstream(file) << "partial";
    TemporaryFile temp(file.string());
    ::raise(signal_number);
    ::_exit(0);  // not reached: the signal ends the process
  }
  int status = 0;
  ::waitpid(child, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("TemporaryFile.RemovedUnlessKept") {
  TempDir dir;
  const fs::path dropped = dir.path() / ".a.tmp-1";
  const fs::path kept = dir.path() / ".b.tmp-1";
  std::ofstream(dropped) << "x";
  std::ofstream(kept) << "x";
  {
    TemporaryFile a(dropped.string());
    TemporaryFile b(kept.string());
    b.keep();
  }
  CHECK_FALSE(fs::exists(dropped));
  CHECK(fs::exists(kept));
}

// Regression (issue 10): killed runs left their *.tmp-writing files behind.
TEST_CASE("TemporaryFile.RemovedWhenKilledBySignal") {
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    CAPTURE(signal_number);
    TempDir dir;
    const fs::path file = dir.path() / ".out.tmp-1";
    const int status = child_killed_while_writing(file, signal_number);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK_FALSE(fs::exists(file));
  }
}

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
    ::signal(signal_number, SIG_DFL);   // not the test framework's handler
    TemporaryFile temp(file.string());  // armed before the file exists, as output files do
    std::ofstream(file) << "partial";
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

TEST_CASE("TemporaryFile.DisownedPathIsLeftAlone") {
  TempDir dir;
  const fs::path taken = dir.path() / ".a.tmp-1";
  std::ofstream(taken) << "someone else's";
  {
    TemporaryFile guard(taken.string());
    guard.disown();  // creating it with O_EXCL failed: the name was taken
  }
  CHECK(fs::exists(taken));
}

TEST_CASE("TemporaryFile.PathThatNeverAppearedIsFine") {
  TempDir dir;
  { TemporaryFile guard((dir.path() / ".never.tmp-1").string()); }
  CHECK(fs::is_empty(dir.path()));
}

// Regression (issue 10): killed runs left their *.tmp-writing files behind. And a signal
// between the file's creation and its guard left it too (CI, after issue 12): the guard is
// now armed first.
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

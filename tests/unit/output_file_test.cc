// Tests of model/output_file.h: every output is written whole or not at all onto regular
// files, straight through onto anything else, and never onto what must not be replaced.
#include "model/output_file.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <doctest/doctest.h>

#include "model/diagnostics.h"
#include "tests/unit/test_support.h"

namespace {

using msout::testing::TempDir;

namespace fs = std::filesystem;
using msout::model::IoError;
using msout::model::write_output_file;

mode_t mode_of(const fs::path& path) {
  struct stat st {};
  REQUIRE(::lstat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Names of the entries of `directory`, recursively.
std::vector<std::string> entries(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    names.push_back(entry.path().lexically_relative(directory).string());  // links not followed
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("OutputFile.WritesWholeFile") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "line " + std::to_string(i) + "\n";
  text += std::string("binary\0bytes", 12);
  write_output_file(target, text);
  CHECK(read_all(target) == text);
  CHECK(fs::file_size(target) == text.size());
  CHECK(entries(dir.path()) == std::vector<std::string>{"report.txt"});
}

TEST_CASE("OutputFile.EmptyText") {
  TempDir dir;
  const fs::path target = dir.path() / "empty.json";
  write_output_file(target, "");
  CHECK(fs::exists(target));
  CHECK(fs::file_size(target) == 0);
  CHECK(entries(dir.path()) == std::vector<std::string>{"empty.json"});
}

TEST_CASE("OutputFile.NewFileFollowsUmask") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  const mode_t previous = ::umask(022);
  write_output_file(target, "x");
  ::umask(previous);
  CHECK(mode_of(target) == 0644);
}

TEST_CASE("OutputFile.MissingDirectoryThrows") {
  TempDir dir;
  const fs::path target = dir.path() / "missing" / "report.txt";
  try {
    write_output_file(target, "text");
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).find(target.string()) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.path() / "missing"));
  CHECK(entries(dir.path()).empty());  // no temporary file left anywhere
}

TEST_CASE("OutputFile.OverwritesExisting") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  std::ofstream(target, std::ios::binary) << "old contents, longer than the new ones";
  // A reader that opened the old file keeps seeing it whole: the new file replaces it by
  // rename, it is not truncated and rewritten in place.
  std::ifstream reader(target, std::ios::binary);
  REQUIRE(reader);
  write_output_file(target, "new");
  CHECK(read_all(target) == "new");
  const std::string old_seen{std::istreambuf_iterator<char>(reader),
                             std::istreambuf_iterator<char>()};
  CHECK(old_seen == "old contents, longer than the new ones");
  CHECK(entries(dir.path()) == std::vector<std::string>{"report.txt"});
}

// Regression (issue 10): a directory as --out is refused before anything is written.
TEST_CASE("OutputFile.DirectoryRefused") {
  TempDir dir;
  const fs::path target = dir.path() / "out";
  fs::create_directories(target);
  std::ofstream(target / "keep.txt") << "keep";
  try {
    write_output_file(target, "text");
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).find("is a directory") != std::string::npos);
  }
  CHECK(read_all(target / "keep.txt") == "keep");
  CHECK(entries(dir.path()) == std::vector<std::string>{"out", "out/keep.txt"});
}

TEST_CASE("OutputFile.RelativePath") {
  TempDir dir;
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  write_output_file("plain.txt", "relative");
  fs::current_path(previous);
  CHECK(read_all(dir.path() / "plain.txt") == "relative");
  CHECK(entries(dir.path()) == std::vector<std::string>{"plain.txt"});
}

// Regression (issue 10): replacing a file kept neither its mode nor (as root) its owner.
TEST_CASE("OutputFile.ReplacedFileKeepsMode") {
  TempDir dir;
  const fs::path target = dir.path() / "private.txt";
  std::ofstream(target) << "old";
  ::chmod(target.c_str(), 0600);
  write_output_file(target, "new");
  CHECK(read_all(target) == "new");
  CHECK(mode_of(target) == 0600);
  ::chmod(target.c_str(), 0640);
  write_output_file(target, "newer");
  CHECK(mode_of(target) == 0640);
}

// Regression (issue 10): a symlink was replaced by a regular file instead of written through.
TEST_CASE("OutputFile.SymlinkReplacesTargetAndStays") {
  TempDir dir;
  fs::create_directories(dir.path() / "real");
  const fs::path real = dir.path() / "real" / "report.txt";
  std::ofstream(real) << "old";
  const fs::path link = dir.path() / "link.txt";
  fs::create_symlink("real/report.txt", link);
  const fs::path link_to_link = dir.path() / "link2.txt";
  fs::create_symlink(link.filename(), link_to_link);
  write_output_file(link_to_link, "new");
  CHECK(fs::is_symlink(link));
  CHECK(fs::is_symlink(link_to_link));
  CHECK(read_all(real) == "new");
  // The temporary file was made beside the target, not beside the link.
  CHECK(entries(dir.path()) ==
        std::vector<std::string>{"link.txt", "link2.txt", "real", "real/report.txt"});
}

TEST_CASE("OutputFile.DanglingSymlinkCreatesItsTarget") {
  TempDir dir;
  const fs::path link = dir.path() / "link.txt";
  fs::create_symlink("made.txt", link);
  write_output_file(link, "made");
  CHECK(fs::is_symlink(link));
  CHECK(read_all(dir.path() / "made.txt") == "made");
}

TEST_CASE("OutputFile.SymlinkLoopRefused") {
  TempDir dir;
  fs::create_symlink("b", dir.path() / "a");
  fs::create_symlink("a", dir.path() / "b");
  CHECK_THROWS_AS(write_output_file(dir.path() / "a", "x"), IoError);
}

// Regression (issue 10): a read-only file was replaced (as root) and its mode changed.
TEST_CASE("OutputFile.ReadOnlyFileRefusedAndUnchanged") {
  TempDir dir;
  const fs::path target = dir.path() / "frozen.txt";
  std::ofstream(target) << "keep me";
  ::chmod(target.c_str(), 0444);
  try {
    write_output_file(target, "new");
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).find("read-only (mode 0444)") != std::string::npos);
  }
  CHECK(read_all(target) == "keep me");
  CHECK(mode_of(target) == 0444);
  CHECK(entries(dir.path()) == std::vector<std::string>{"frozen.txt"});
}

// Regression (issue 10): as root, --out /dev/null replaced the device with a regular file.
TEST_CASE("OutputFile.DeviceWrittenThrough") {
  write_output_file("/dev/null", "discarded");
  struct stat st {};
  REQUIRE(::stat("/dev/null", &st) == 0);
  CHECK(S_ISCHR(st.st_mode));
}

TEST_CASE("OutputFile.FullDeviceFails") {
  if (!fs::exists("/dev/full")) return;
  try {
    write_output_file("/dev/full", std::string(1 << 21, 'x'));
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).find("write failed") != std::string::npos);
  }
}

TEST_CASE("OutputFile.FifoWrittenThrough") {
  TempDir dir;
  const fs::path fifo = dir.path() / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  std::string received;
  std::thread reader([&] { received = read_all(fifo); });
  write_output_file(fifo, "through the pipe");
  reader.join();
  CHECK(received == "through the pipe");
  CHECK(fs::is_fifo(fifo));
  CHECK(entries(dir.path()) == std::vector<std::string>{"pipe"});
}

TEST_CASE("OutputFile.WriterExceptionLeavesTargetAndNoTemp") {
  TempDir dir;
  const fs::path target = dir.path() / "model.json";
  std::ofstream(target) << "old";
  CHECK_THROWS_AS(write_output_file(target,
                                    [](std::ostream& out) {
                                      out << std::string(3 << 20, 'x');  // past the buffer
                                      throw std::runtime_error("generator failed");
                                    }),
                  std::runtime_error);
  CHECK(read_all(target) == "old");
  CHECK(entries(dir.path()) == std::vector<std::string>{"model.json"});
}

// Regression (issue 11): writers to the same path used one fixed temporary name and
// corrupted each other. Each now has its own; the result is one writer's whole output.
TEST_CASE("OutputFile.ConcurrentWritersLeaveOneCompleteFile") {
  TempDir dir;
  const fs::path target = dir.path() / "shared.txt";
  constexpr int kWriters = 4;
  std::vector<std::string> texts;
  for (int i = 0; i < kWriters; ++i) texts.push_back(std::string(1 << 20, char('a' + i)));
  for (int round = 0; round < 5; ++round) {
    std::vector<std::thread> writers;
    for (int i = 0; i < kWriters; ++i) {
      writers.emplace_back([&, i] { write_output_file(target, texts[i]); });
    }
    for (std::thread& w : writers) w.join();
    const std::string result = read_all(target);
    CHECK(std::find(texts.begin(), texts.end(), result) != texts.end());
    CHECK(entries(dir.path()) == std::vector<std::string>{"shared.txt"});
  }
}

// Tests of sim/report/atomic_file.h: reports are written whole or not at all. (The report
// builder and its renderings are tested in their own files.)
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/diagnostics.h"
#include "sim/report/atomic_file.h"
#include "tests/unit/test_support.h"

namespace {

using msout::testing::TempDir;

namespace fs = std::filesystem;
using msout::model::IoError;
using msout::report::write_file_atomically;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Names of the entries of `directory`, recursively.
std::vector<std::string> entries(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::recursive_directory_iterator(directory)) {
    names.push_back(fs::relative(entry.path(), directory).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("Report.AtomicFile.WritesWholeFile") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "line " + std::to_string(i) + "\n";
  text += std::string("binary\0bytes", 12);
  write_file_atomically(target, text);
  CHECK(read_all(target) == text);
  CHECK(fs::file_size(target) == text.size());
  CHECK(entries(dir.path()) == std::vector<std::string>{"report.txt"});
}

TEST_CASE("Report.AtomicFile.EmptyText") {
  TempDir dir;
  const fs::path target = dir.path() / "empty.json";
  write_file_atomically(target, "");
  CHECK(fs::exists(target));
  CHECK(fs::file_size(target) == 0);
  CHECK(entries(dir.path()) == std::vector<std::string>{"empty.json"});
}

TEST_CASE("Report.AtomicFile.ReadablePermissions") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  write_file_atomically(target, "x");
  const fs::perms perms = fs::status(target).permissions();
  CHECK((perms & fs::perms::owner_read) != fs::perms::none);
  CHECK((perms & fs::perms::owner_write) != fs::perms::none);
  CHECK((perms & fs::perms::group_read) != fs::perms::none);
  CHECK((perms & fs::perms::others_read) != fs::perms::none);
}

TEST_CASE("Report.AtomicFile.MissingDirectoryThrows") {
  TempDir dir;
  const fs::path target = dir.path() / "missing" / "report.txt";
  try {
    write_file_atomically(target, "text");
    FAIL("expected an IoError");
  } catch (const IoError& e) {
    CHECK(std::string(e.what()).find(target.string()) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(dir.path() / "missing"));
  CHECK(entries(dir.path()).empty());  // no temporary file left anywhere
}

TEST_CASE("Report.AtomicFile.OverwritesExisting") {
  TempDir dir;
  const fs::path target = dir.path() / "report.txt";
  std::ofstream(target, std::ios::binary) << "old contents, longer than the new ones";
  // A reader that opened the old file keeps seeing it whole: the new file replaces it by
  // rename, it is not truncated and rewritten in place.
  std::ifstream reader(target, std::ios::binary);
  REQUIRE(reader);
  write_file_atomically(target, "new");
  CHECK(read_all(target) == "new");
  const std::string old_seen{std::istreambuf_iterator<char>(reader),
                             std::istreambuf_iterator<char>()};
  CHECK(old_seen == "old contents, longer than the new ones");
  CHECK(entries(dir.path()) == std::vector<std::string>{"report.txt"});
}

TEST_CASE("Report.AtomicFile.FailedReplaceLeavesTargetAndNoTemp") {
  // The target is a non-empty directory: the rename fails; the directory is untouched and
  // the temporary file is removed.
  TempDir dir;
  const fs::path target = dir.path() / "out";
  fs::create_directories(target);
  std::ofstream(target / "keep.txt") << "keep";
  CHECK_THROWS_AS(write_file_atomically(target, "text"), IoError);
  CHECK(fs::is_directory(target));
  CHECK(read_all(target / "keep.txt") == "keep");
  CHECK(entries(dir.path()) == std::vector<std::string>{"out", "out/keep.txt"});
}

TEST_CASE("Report.AtomicFile.RelativePath") {
  TempDir dir;
  const fs::path previous = fs::current_path();
  fs::current_path(dir.path());
  write_file_atomically("plain.txt", "relative");
  fs::current_path(previous);
  CHECK(read_all(dir.path() / "plain.txt") == "relative");
  CHECK(entries(dir.path()) == std::vector<std::string>{"plain.txt"});
}

// Helpers shared by the unit tests: checking diagnostics, and temporary directories.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "model/diagnostics.h"

namespace msout::testing {

inline std::string dump(const std::vector<model::Diagnostic>& diagnostics) {
  std::string text;
  for (const model::Diagnostic& d : diagnostics) text += d.to_string() + "\n";
  return text;
}

// True if some diagnostic has this file and place and a message containing `message`.
inline bool has(const std::vector<model::Diagnostic>& diagnostics, const std::string& file,
                const std::string& where, const std::string& message) {
  for (const model::Diagnostic& d : diagnostics) {
    if (d.file == file && d.where == where && d.message.find(message) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// A fresh directory under the system temporary directory, removed at scope exit.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("msout-test-" + std::to_string(stamp) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  void write(const std::string& name, const std::string& text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace msout::testing

// CHECK that some diagnostic matches; on failure, print them all.
#define CHECK_DIAGNOSTIC(diagnostics, file, where, message)     \
  do {                                                          \
    const auto& diags_ = (diagnostics);                         \
    INFO("diagnostics:\n", ::msout::testing::dump(diags_));     \
    CHECK(::msout::testing::has(diags_, file, where, message)); \
  } while (false)

#include "sim/report/atomic_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/diagnostics.h"

namespace msout::report {

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
  const std::filesystem::path directory =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string pattern = (directory / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  const int fd = ::mkstemp(name.data());
  if (fd < 0) {
    throw model::IoError(path.string() + ": cannot write: " + std::strerror(errno));
  }
  auto fail = [&](const char* what) {
    const std::string reason = std::strerror(errno);
    ::close(fd);
    ::unlink(name.data());
    throw model::IoError(path.string() + ": " + what + ": " + reason);
  };
  std::size_t written = 0;
  while (written < text.size()) {
    const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write failed");
    }
    written += static_cast<std::size_t>(n);
  }
  if (::fchmod(fd, 0644) != 0) fail("cannot set permissions");
  if (::fsync(fd) != 0) fail("fsync failed");
  if (::close(fd) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(name.data());
    throw model::IoError(path.string() + ": close failed: " + reason);
  }
  if (std::rename(name.data(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(name.data());
    throw model::IoError(path.string() + ": cannot replace: " + reason);
  }
}

}  // namespace msout::report

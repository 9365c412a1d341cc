#include "model/input_file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/diagnostics.h"
#include "model/file_descriptor.h"
#include "model/printable_text.h"

namespace msout::model {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& why) {
  throw IoError(printable(path.string()) + ": " + why);
}

std::string describe(mode_t mode) {
  if (S_ISDIR(mode)) return "is a directory, expected a file";
  if (S_ISFIFO(mode)) return "is a FIFO (named pipe), expected a regular file";
  if (S_ISSOCK(mode)) return "is a socket, expected a regular file";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "is a device, expected a regular file";
  return "is not a regular file";
}

std::string too_large(std::uintmax_t size, std::uintmax_t max_bytes) {
  return "is " + std::to_string(size) + " bytes, larger than the limit of " +
         std::to_string(max_bytes) + " bytes for this kind of input";
}

// Opens `path` without blocking (O_NONBLOCK: a FIFO must not wait for a writer) and checks
// through the descriptor, so that what is checked is what is read.
int open_checked(const std::filesystem::path& path, std::uintmax_t max_bytes,
                 std::uintmax_t& size) {
  struct stat before {};
  if (::stat(path.c_str(), &before) != 0) {
    fail(path, std::string("cannot open for reading: ") + std::strerror(errno));
  }
  if (!S_ISREG(before.st_mode)) fail(path, describe(before.st_mode));
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) fail(path, std::string("cannot open for reading: ") + std::strerror(errno));
  struct stat opened {};
  if (::fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode)) {
    ::close(fd);
    fail(path, describe(opened.st_mode));
  }
  size = static_cast<std::uintmax_t>(opened.st_size);
  if (size > max_bytes) {
    ::close(fd);
    fail(path, too_large(size, max_bytes));
  }
  return fd;
}

}  // namespace

std::uintmax_t check_regular_input(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::uintmax_t size = 0;
  FileDescriptor fd(open_checked(path, max_bytes, size));
  return size;
}

std::string read_regular_input(const std::filesystem::path& path, std::uintmax_t max_bytes) {
  std::uintmax_t size = 0;
  FileDescriptor fd(open_checked(path, max_bytes, size));
  std::string text;
  text.resize(static_cast<std::size_t>(size));
  std::size_t filled = 0;
  for (;;) {
    if (filled == text.size()) {
      // The file may have grown since fstat: read on, up to the limit.
      if (text.size() >= max_bytes) {
        char probe = 0;
        const ssize_t more = ::read(fd.get(), &probe, 1);
        if (more > 0) fail(path, too_large(text.size() + 1, max_bytes));
        if (more == 0) break;
        if (errno == EINTR) continue;
        fail(path, std::string("read error: ") + std::strerror(errno));
      }
      text.resize(std::min<std::uintmax_t>(max_bytes, text.size() + 65536));
    }
    const ssize_t n = ::read(fd.get(), text.data() + filled, text.size() - filled);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(path, std::string("read error: ") + std::strerror(errno));
    }
    if (n == 0) break;
    filled += static_cast<std::size_t>(n);
  }
  text.resize(filled);
  return text;
}

}  // namespace msout::model

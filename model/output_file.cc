#include "model/output_file.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <optional>
#include <streambuf>
#include <string>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "model/diagnostics.h"
#include "model/file_descriptor.h"
#include "model/printable_text.h"
#include "model/temporary_file.h"

namespace msout::model {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const fs::path& path, const std::string& why) {
  throw IoError(printable(path.string()) + ": " + why);
}

[[noreturn]] void fail_errno(const fs::path& path, const std::string& what, int error) {
  fail(path, what + ": " + std::strerror(error));
}

// A stream buffer that writes to a file descriptor and remembers the first error.
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd), buffer_(1 << 20) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  int error() const { return error_; }

 protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    const char* data = pbase();
    std::size_t left = static_cast<std::size_t>(pptr() - pbase());
    while (left > 0 && error_ == 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0) {
        if (errno != EINTR) error_ = errno;
        continue;
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
  }

  int fd_;
  std::vector<char> buffer_;
  int error_ = 0;
};

// Runs `write` on a stream into `fd`; throws IoError naming `path` if any byte was not
// written.
void stream_into(int fd, const fs::path& path, const std::function<void(std::ostream&)>& write) {
  DescriptorBuffer buffer(fd);
  std::ostream out(&buffer);
  write(out);
  out.flush();
  if (buffer.error() != 0) fail_errno(path, "write failed", buffer.error());
  if (!out) fail(path, "write failed");
}

bool leads_through_proc(const fs::path& path) {
  const std::string normal = fs::absolute(path).lexically_normal().string();
  return normal == "/proc" || normal.starts_with("/proc/");
}

// Where the output goes: the target a path leads to once its symlinks are followed.
struct Target {
  enum class Kind { kCreate, kReplace, kWriteThrough } kind;
  fs::path path;      // the file to create or replace (symlinks followed)
  struct stat st {};  // of the file to replace
};

Target resolve(const fs::path& requested) {
  fs::path path = requested;
  for (int hop = 0; hop < 40; ++hop) {
    // /dev/stdout and /dev/fd/N lead to /proc/self/fd/N, whose "links" name an open file
    // (a pipe, a terminal, a file opened with >>): only opening the path itself reaches it.
    if (leads_through_proc(path)) return {Target::Kind::kWriteThrough, requested, {}};
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) {
      if (errno == ENOENT) return {Target::Kind::kCreate, path, {}};
      fail_errno(requested, "cannot write", errno);
    }
    if (S_ISLNK(st.st_mode)) {
      std::error_code ec;
      const fs::path link = fs::read_symlink(path, ec);
      if (ec) fail(requested, "cannot follow the symlink: " + ec.message());
      path = link.is_absolute() ? link : path.parent_path() / link;
      continue;
    }
    if (S_ISDIR(st.st_mode)) fail(requested, "is a directory, expected a file to write");
    if (!S_ISREG(st.st_mode)) return {Target::Kind::kWriteThrough, requested, {}};
    const bool no_write_bit = (st.st_mode & 0222) == 0;
    if (no_write_bit || ::faccessat(AT_FDCWD, path.c_str(), W_OK, AT_EACCESS) != 0) {
      char mode[8];
      std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
      fail(requested, std::string("is read-only (mode ") + mode +
                          "): not replaced; make it writable or write elsewhere");
    }
    return {Target::Kind::kReplace, path, st};
  }
  fail(requested, "too many levels of symbolic links");
}

void write_through(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  FileDescriptor fd(::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC | O_NOCTTY));
  if (fd.get() < 0) fail_errno(path, "cannot open for writing", errno);
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) {
    fail(path, "is a directory, expected a file to write");
  }
  stream_into(fd.get(), path, write);
  if (const int error = fd.close(); error != 0) fail_errno(path, "close failed", error);
}

// Creates a temporary file with a unique name beside `target`, retrying on a name taken.
// The guard is armed before the file is created, so that no signal finds the file unguarded.
int create_temporary(const fs::path& target, mode_t mode, std::optional<TemporaryFile>& guard) {
  static std::atomic<unsigned long> counter{0};
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  for (int attempt = 0; attempt < 100; ++attempt) {
    const std::string file = "." + target.filename().string() + ".tmp-" +
                             std::to_string(::getpid()) + "-" + std::to_string(++counter);
    guard.emplace((directory / file).string());
    const int fd = ::open(guard->path().c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) return fd;
    const int error = errno;
    guard->disown();
    guard.reset();
    if (error != EEXIST) {
      fail_errno(target, "cannot create a temporary file in " + printable(directory.string()),
                 error);
    }
  }
  fail(target, "cannot find an unused temporary file name");
}

// Makes a completed rename durable; a failure here cannot undo the rename, so it is not
// reported (the file is complete and in place).
void sync_directory(const fs::path& target) {
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  const int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

void write_replacing(const Target& target, const fs::path& requested,
                     const std::function<void(std::ostream&)>& write) {
  // A new file gets 0666 less the umask, as any file a program creates; a replaced one
  // keeps its permission bits, set below.
  std::optional<TemporaryFile> temp;
  FileDescriptor fd(
      create_temporary(target.path, target.kind == Target::Kind::kCreate ? 0666 : 0600, temp));
  const std::string& name = temp->path();
  if (target.kind == Target::Kind::kReplace) {
    if (::geteuid() == 0 && ::fchown(fd.get(), target.st.st_uid, target.st.st_gid) != 0) {
      fail_errno(requested, "cannot keep the file's owner", errno);
    }
    if (::fchmod(fd.get(), target.st.st_mode & 0777) != 0) {
      fail_errno(requested, "cannot keep the file's permissions", errno);
    }
  }
  stream_into(fd.get(), requested, write);
  if (::fsync(fd.get()) != 0) fail_errno(requested, "fsync failed", errno);
  if (const int error = fd.close(); error != 0) fail_errno(requested, "close failed", error);
  if (::rename(name.c_str(), target.path.c_str()) != 0) {
    fail_errno(requested, "cannot replace", errno);
  }
  temp->keep();
  sync_directory(target.path);
}

}  // namespace

void write_output_file(const fs::path& path, const std::function<void(std::ostream&)>& write) {
  if (path.empty()) throw IoError("empty output file name");
  const Target target = resolve(path);
  if (target.kind == Target::Kind::kWriteThrough) {
    write_through(path, write);
  } else {
    write_replacing(target, path, write);
  }
}

void write_output_file(const fs::path& path, std::string_view text) {
  write_output_file(path, [&](std::ostream& out) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

}  // namespace msout::model

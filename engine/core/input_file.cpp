// Safe opening of input files: stat, then open without blocking, then fstat (see input_file.hpp).
#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <utility>

namespace mdasim {
namespace {

PathKind kind_of_mode(mode_t mode) {
  if (S_ISREG(mode)) return PathKind::kRegular;
  if (S_ISDIR(mode)) return PathKind::kDirectory;
  if (S_ISFIFO(mode)) return PathKind::kFifo;
  if (S_ISCHR(mode)) return PathKind::kCharDevice;
  if (S_ISBLK(mode)) return PathKind::kBlockDevice;
  if (S_ISSOCK(mode)) return PathKind::kSocket;
  return PathKind::kOtherError;
}

PathKind kind_of_error(int error) {
  switch (error) {
    case ENOENT:
    case ENOTDIR: return PathKind::kMissing;
    case ELOOP: return PathKind::kLinkLoop;
    case EACCES:
    case EPERM: return PathKind::kNoPermission;
    default: return PathKind::kOtherError;
  }
}

std::string absolute_text(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

// `at_least`: the size is a lower bound (the file grew while it was read).
std::string too_large(std::uint64_t size_bytes, std::uint64_t max_bytes, const std::string& what, bool at_least) {
  return "it is " + std::string(at_least ? "at least " : "") + byte_count_text(size_bytes) + "; " + what +
         " may be at most " + byte_count_text(max_bytes);
}

}  // namespace

PathStatus path_status(const std::string& path) {
  struct stat st {};
  if (path.empty()) return {PathKind::kMissing, 0, ENOENT};
  if (::stat(path.c_str(), &st) != 0) {
    const int error = errno;
    return {kind_of_error(error), 0, error};
  }
  const PathKind kind = kind_of_mode(st.st_mode);
  return {kind, kind == PathKind::kRegular ? static_cast<std::uint64_t>(st.st_size) : 0u, 0};
}

std::string path_problem(const std::string& path, const PathStatus& status) {
  switch (status.kind) {
    case PathKind::kRegular: return "";
    case PathKind::kMissing:
      return path.empty() ? std::string("no file name given")
                          : "no such file (looked for " + absolute_text(path) + ")";
    case PathKind::kDirectory: return "it is a folder, not a regular file";
    case PathKind::kFifo: return "it is a FIFO (named pipe), not a regular file";
    case PathKind::kCharDevice: return "it is a character device, not a regular file";
    case PathKind::kBlockDevice: return "it is a block device, not a regular file";
    case PathKind::kSocket: return "it is a socket, not a regular file";
    case PathKind::kLinkLoop: return "its symbolic links form a loop (too many levels of symbolic links)";
    case PathKind::kNoPermission: return "permission denied";
    case PathKind::kOtherError: break;
  }
  return status.error != 0 ? std::string(std::strerror(status.error)) : std::string("it is not a regular file");
}

InputFile InputFile::open(const std::string& path, std::uint64_t max_bytes, const std::string& what) {
  InputFile file;
  file.path_ = path;
  file.max_bytes_ = max_bytes;
  file.what_ = what;
  // Checked before opening: opening a FIFO for reading would wait for a writer, a device may
  // never end.
  const PathStatus before = path_status(path);
  if (before.kind != PathKind::kRegular) {
    file.problem_ = path_problem(path, before);
    return file;
  }
  // O_NONBLOCK: should a FIFO take the file's place after the check, open() returns at once.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    const int error = errno;
    file.problem_ = path_problem(path, PathStatus{kind_of_error(error), 0, error});
    return file;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || kind_of_mode(st.st_mode) != PathKind::kRegular) {
    const PathKind kind = kind_of_mode(st.st_mode);
    ::close(fd);
    file.problem_ = path_problem(path, PathStatus{kind == PathKind::kRegular ? PathKind::kOtherError : kind, 0, errno});
    return file;
  }
  file.size_bytes_ = static_cast<std::uint64_t>(st.st_size);
  if (file.size_bytes_ > max_bytes) {
    ::close(fd);
    file.problem_ = too_large(file.size_bytes_, max_bytes, what, false);
    return file;
  }
  // Reads of a regular file never block; the flag is cleared all the same.
  const int flags = ::fcntl(fd, F_GETFL);
  if (flags >= 0) (void)::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  file.fd_ = fd;
  return file;
}

InputFile::InputFile(InputFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)),
      path_(std::move(other.path_)),
      problem_(std::move(other.problem_)),
      size_bytes_(other.size_bytes_),
      max_bytes_(other.max_bytes_) {}

InputFile& InputFile::operator=(InputFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
    problem_ = std::move(other.problem_);
    size_bytes_ = other.size_bytes_;
    max_bytes_ = other.max_bytes_;
  }
  return *this;
}

InputFile::~InputFile() {
  if (fd_ >= 0) ::close(fd_);
}

std::string InputFile::stable_path() const {
  if (fd_ < 0) return path_;
  const std::string proc = "/proc/self/fd/" + std::to_string(fd_);
  struct stat by_name {};
  struct stat by_fd {};
  // The same file through /proc (it may not be mounted): then HDF5 opens this very file.
  if (::stat(proc.c_str(), &by_name) == 0 && ::fstat(fd_, &by_fd) == 0 && by_name.st_dev == by_fd.st_dev &&
      by_name.st_ino == by_fd.st_ino) {
    return proc;
  }
  return path_;
}

std::optional<std::string> InputFile::read_all(std::string& problem) {
  if (fd_ < 0) {
    problem = problem_;
    return std::nullopt;
  }
  std::string text;
  // The size may have changed since fstat: read at most one byte past the limit to know.
  text.resize(static_cast<std::size_t>(std::min<std::uint64_t>(size_bytes_, max_bytes_)) + 1);
  std::size_t got = 0;
  while (true) {
    if (got == text.size()) {
      if (text.size() > max_bytes_) {  // it grew since it was opened
        problem = too_large(text.size(), max_bytes_, what_, true);
        return std::nullopt;
      }
      text.resize(std::min<std::uint64_t>(max_bytes_ + 1, text.size() * 2 + 1));
    }
    const ssize_t n = ::read(fd_, text.data() + got, text.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      problem = std::strerror(errno);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  text.resize(got);
  return text;
}

std::optional<std::string> read_input_file(const std::string& path, std::uint64_t max_bytes, std::string& problem,
                                           const std::string& what) {
  InputFile file = InputFile::open(path, max_bytes, what);
  if (!file.is_open()) {
    problem = file.problem();
    return std::nullopt;
  }
  return file.read_all(problem);
}

std::string byte_count_text(std::uint64_t bytes) {
  std::string text = std::to_string(bytes) + " bytes";
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) {
    text += " (" + std::to_string(bytes >> 20) + " MiB)";
  } else if (bytes >= (1u << 20)) {
    char buf[32];
    std::snprintf(buf, sizeof buf, " (%.1f MiB)", static_cast<double>(bytes) / (1u << 20));
    text += buf;
  }
  return text;
}

}  // namespace mdasim

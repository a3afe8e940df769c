// Putting an output file in place safely (see output_file.hpp).
#include "core/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace mdasim {
namespace {

namespace fs = std::filesystem;

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string system_message(int error) { return std::strerror(error); }

// What kind of file a stat result is, for a message ("" for a regular file).
std::string non_regular_kind(const struct stat& st) {
  if (S_ISREG(st.st_mode)) return "";
  if (S_ISDIR(st.st_mode)) return "a folder";
  if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode)) return "a device";
  if (S_ISFIFO(st.st_mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(st.st_mode)) return "a socket";
  return "not a regular file";
}

void sync_folder(const fs::path& file) {
  const fs::path folder = file.has_parent_path() ? file.parent_path() : fs::path(".");
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);  // best effort: some file systems do not sync folders
  ::close(fd);
}

}  // namespace

fs::path resolve_output_target(const fs::path& target) {
  // Link by link (a link to a file not written yet is followed too); a loop stops after 40, as
  // the system's own limit does, and is reported by output_target_problem.
  fs::path file = target;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(file.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return file;
    std::error_code ec;
    const fs::path next = fs::read_symlink(file, ec);
    if (ec) return file;
    file = next.is_absolute() ? next : file.parent_path() / next;
  }
  return file;
}

std::string output_target_problem(const fs::path& target) {
  if (target.empty()) return ": no file name given";
  const fs::path file = resolve_output_target(target);
  struct stat st {};
  if (::stat(file.c_str(), &st) == 0) {
    const std::string kind = non_regular_kind(st);
    if (kind == "a folder") return " is a folder; expected a file name";
    if (!kind.empty()) return " is " + kind + "; mdasim writes only regular files, never over a device, FIFO or socket";
  } else if (errno == ELOOP) {
    return " is a loop of symbolic links";
  } else if (errno != ENOENT) {
    return ": " + system_message(errno);
  }
  fs::path folder = file.parent_path();
  if (folder.empty()) folder = ".";
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return ": the folder " + quoted(folder) + " does not exist";
  if (::access(folder.c_str(), W_OK | X_OK) != 0) return ": the folder " + quoted(folder) + " is not writable";
  return "";
}

bool same_file(const fs::path& a, const fs::path& b) {
  std::error_code ec;
  if (fs::equivalent(a, b, ec) && !ec) return true;
  const fs::path ca = fs::weakly_canonical(a, ec);
  if (ec) return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
  const fs::path cb = fs::weakly_canonical(b, ec);
  return !ec && ca == cb;
}

fs::path temporary_output_name(const fs::path& target) {
  fs::path temp = target;
  temp += ".tmp-" + std::to_string(::getpid());
  return temp;
}

void write_temporary_text(const fs::path& temp, std::string_view text, const fs::path& target) {
  const auto fail = [&](int error) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + quoted(target) + " (as " + quoted(temp) + "): " + system_message(error));
  };
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0 && errno == EEXIST) {
    // Left by an earlier process that had this process id; replace it only if it is a plain file.
    struct stat st {};
    if (::lstat(temp.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::unlink(temp.c_str()) == 0) {
      fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    } else {
      throw std::runtime_error("cannot write " + quoted(target) + ": " + quoted(temp) + " exists and is not a file");
    }
  }
  if (fd < 0) throw std::runtime_error("cannot write " + quoted(target) + " (as " + quoted(temp) + "): " + system_message(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int error = n < 0 ? errno : EIO;
      ::close(fd);
      fail(error);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0 && errno != EINVAL) {
    const int error = errno;
    ::close(fd);
    fail(error);
  }
  if (::close(fd) != 0) fail(errno);
}

void rename_into_place(const fs::path& temp, const fs::path& target) {
  const auto fail = [&](const std::string& why) {
    ::unlink(temp.c_str());
    throw std::runtime_error("cannot write " + quoted(target) + ": " + why);
  };
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0) {
    // Checked when the run started; checked again in case it was replaced meanwhile.
    const std::string kind = S_ISLNK(st.st_mode) ? "a symbolic link" : non_regular_kind(st);
    if (!kind.empty()) fail("it is " + kind + " now; mdasim replaces only regular files");
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) fail("cannot rename " + quoted(temp) + " to it: " + system_message(errno));
  sync_folder(target);
}

}  // namespace mdasim

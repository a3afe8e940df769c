// Opening the files mdasim reads (scenario and option files, their base scenario, GeoJSON
// layers, results files) so that no path can hang, exhaust or confuse it: only regular files
// are read. A FIFO, a folder, a device (/dev/zero) or a socket is refused with a message that
// says what it is; a symbolic-link loop, a missing file and a denied permission say so. The file
// is checked with stat() first and then opened with O_NONBLOCK, so that a FIFO put in its place
// between the check and the open cannot block; the open file is checked again with fstat().
// A size limit is checked before anything is read.
//
// Messages (`problem`) do not name the file: the caller's diagnostic does. They read well after
// "cannot open file: " or "cannot read file: ".
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace mdasim {

// What is at a path, as far as reading it is concerned.
enum class PathKind {
  kRegular,
  kMissing,       // no such file (or a part of the path is not a folder)
  kDirectory,
  kFifo,
  kCharDevice,
  kBlockDevice,
  kSocket,
  kLinkLoop,      // too many levels of symbolic links
  kNoPermission,  // a folder on the way cannot be searched, or the file cannot be read
  kOtherError,
};

struct PathStatus {
  PathKind kind = PathKind::kOtherError;
  std::uint64_t size_bytes = 0;  // for a regular file
  int error = 0;                 // errno of a failed stat or open
};

// What is at `path`, following symbolic links; never opens it.
[[nodiscard]] PathStatus path_status(const std::string& path);

// Why a path of this status cannot be read, e.g. "it is a FIFO (named pipe), not a regular file";
// "" for a regular file. A missing file's message names the absolute path looked for.
[[nodiscard]] std::string path_problem(const std::string& path, const PathStatus& status);

// An open regular file, closed when destroyed.
class InputFile {
 public:
  // Opens `path` for reading if it is a regular file of at most `max_bytes`; otherwise the
  // result is not open and problem() says why. `what` names the kind of file in the message
  // about its size: "it is 5000000 bytes (4.8 MiB); <what> may be at most ...".
  static InputFile open(const std::string& path, std::uint64_t max_bytes, const std::string& what = "a file");

  InputFile(InputFile&& other) noexcept;
  InputFile& operator=(InputFile&& other) noexcept;
  InputFile(const InputFile&) = delete;
  InputFile& operator=(const InputFile&) = delete;
  ~InputFile();

  [[nodiscard]] bool is_open() const { return fd_ >= 0; }
  [[nodiscard]] const std::string& problem() const { return problem_; }
  [[nodiscard]] std::uint64_t size_bytes() const { return size_bytes_; }

  // A path that names this open file and no other, for libraries that open by name (HDF5):
  // /proc/self/fd/N where the system has it, else the path given.
  [[nodiscard]] std::string stable_path() const;

  // Reads the whole file. On failure returns nothing and sets `problem`.
  [[nodiscard]] std::optional<std::string> read_all(std::string& problem);

 private:
  InputFile() = default;
  int fd_ = -1;
  std::string path_;
  std::string problem_;
  std::uint64_t size_bytes_ = 0;
  std::uint64_t max_bytes_ = 0;
  std::string what_;
};

// Reads the whole of `path` if it is a regular file of at most `max_bytes`. On failure returns
// nothing and sets `problem` (to be put after "cannot read file: " or the like).
[[nodiscard]] std::optional<std::string> read_input_file(const std::string& path, std::uint64_t max_bytes,
                                                         std::string& problem, const std::string& what = "a file");

// "4194304 bytes (4 MiB)" for messages about sizes.
[[nodiscard]] std::string byte_count_text(std::uint64_t bytes);

}  // namespace mdasim

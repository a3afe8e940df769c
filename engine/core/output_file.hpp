// Putting an output file in place safely. Every output (results file, JSON summary, map) is
// written beside its target under a temporary name, synced, and renamed over the target only
// when complete, so a failure or an interruption never leaves a file that looks finished. The
// target must be absent or a regular file: a device (/dev/null), FIFO, socket or folder is never
// replaced, and a symbolic link is written through (the file it names is replaced, the link
// stays). Errors throw std::runtime_error naming the file and the cause (the system's message).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace mdasim {

// Why `target` cannot be an output file (empty if it can): it is a folder, a device, a FIFO or
// a socket, its folder does not exist or is not writable. A symbolic link is judged by the file
// it names. As far as can be told before writing.
[[nodiscard]] std::string output_target_problem(const std::filesystem::path& target);

// The file that writing `target` replaces: `target` itself, or the file a symbolic link names.
[[nodiscard]] std::filesystem::path resolve_output_target(const std::filesystem::path& target);

// Whether `a` and `b` are the same file, as far as the file system can tell: the same inode, or
// (for files that do not exist yet) the same path once both are resolved. So that a command
// never writes over what it reads.
[[nodiscard]] bool same_file(const std::filesystem::path& a, const std::filesystem::path& b);

// `<target>.tmp-<pid>`: the temporary name an output is written under, in the target's folder.
[[nodiscard]] std::filesystem::path temporary_output_name(const std::filesystem::path& target);

// Writes `text` to the new file `temp` (created, never an existing one), syncs and closes it.
// On failure removes what it wrote and throws, naming `target` and the cause.
void write_temporary_text(const std::filesystem::path& temp, std::string_view text,
                          const std::filesystem::path& target);

// Renames the complete temporary file over `target` (absent or a regular file, checked again
// just before) and syncs the folder. On failure removes `temp` and throws.
void rename_into_place(const std::filesystem::path& temp, const std::filesystem::path& target);

}  // namespace mdasim

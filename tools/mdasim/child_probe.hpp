// Reading a file with a library that may crash on damaged input (libhdf5 1.10 can fail with
// SIGSEGV or abort() on a corrupted results file): the reads are made first in a forked child
// process, and only once the child has ended normally does the program make them itself, so a
// damaged file gives an error message and exit status 2, never a crash. The child also has a
// time limit, so a file that makes the library loop is reported too.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace mdasim::cli {

// Runs `work` in a forked child (its exceptions are ignored: the program meets them again when it
// makes the same reads) and returns how the child failed: nothing if it ended normally, else a
// description such as "the reading crashed (SIGSEGV)" or "the reading took more than 120 s".
// Call it from a single-threaded program (fork copies only the calling thread).
[[nodiscard]] std::optional<std::string> failure_in_child(const std::function<void()>& work,
                                                          std::chrono::seconds limit);

}  // namespace mdasim::cli

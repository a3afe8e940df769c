// Ctrl-C and termination for long commands: while an InterruptGuard lives, SIGINT, SIGTERM (a
// scheduler's kill) and SIGHUP (the terminal closed) only raise a flag, which the command's loops
// and the engine's (core/stop_flag.hpp) poll between units of work, so that the command stops
// cleanly: partial output is removed by unwinding and the program exits with status 130. A
// second signal while the first is pending ends the program at once, with status 130, after
// removing the temporary files the command registered (nothing else is safe in a signal handler).
#pragma once

#include <signal.h>

#include <array>
#include <filesystem>

#include "core/stop_flag.hpp"

namespace mdasim::cli {

// Thrown once the user has pressed Ctrl-C (or a signal asked the program to end): it unwinds the
// command (destroying, and so removing, any output not yet committed) up to the command's
// handler, which reports "interrupted" and returns kExitInterrupted (130). It is never an error
// of the input or of the run. The engine's own loops throw the same exception.
using Interrupted = Stopped;

// Installs the handlers for its lifetime and restores the previous ones after. One at a time
// (the flag it sets is the process's one signal flag).
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Whether a signal came since the guard was installed (safe from any thread).
  [[nodiscard]] bool interrupted() const;
  // Throws Interrupted if it did.
  void throw_if_interrupted() const;
  // The flag to hand to the engine's long loops.
  [[nodiscard]] const StopFlag* flag() const;

 private:
  static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
  std::array<struct sigaction, 3> previous_{};  // the actions to restore
  std::array<bool, 3> installed_{};
};

// A temporary output file that a second signal removes before the program ends (registered for
// the lifetime of this object; at most a few at a time).
class TemporaryFileWatch {
 public:
  explicit TemporaryFileWatch(const std::filesystem::path& temp);
  ~TemporaryFileWatch();
  TemporaryFileWatch(const TemporaryFileWatch&) = delete;
  TemporaryFileWatch& operator=(const TemporaryFileWatch&) = delete;

 private:
  int slot_ = -1;  // -1: no slot was free (the file is still removed by unwinding on one signal)
};

}  // namespace mdasim::cli

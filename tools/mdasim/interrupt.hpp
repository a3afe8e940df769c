// Ctrl-C for long commands: while an InterruptGuard lives, SIGINT only raises a flag, which the
// command's loops poll (throw_if_interrupted) between units of work, so that the command stops
// cleanly: partial output is removed by unwinding and the program exits with status 130. A
// second Ctrl-C while the first is pending ends the program at once (the default action).
#pragma once

#include <signal.h>

#include <exception>

namespace mdasim::cli {

// Thrown by InterruptGuard::throw_if_interrupted() once the user has pressed Ctrl-C. It unwinds
// the command (destroying, and so removing, any results file not yet committed) up to the
// command's handler, which reports "interrupted" and returns kExitInterrupted (130). It is never
// an error of the input or of the run.
class Interrupted : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override { return "interrupted"; }
};

// Installs the SIGINT handler for its lifetime and restores the previous one after. One at a
// time (the flag it sets is the process's one signal flag).
class InterruptGuard {
 public:
  InterruptGuard();
  ~InterruptGuard();
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  // Whether Ctrl-C was pressed since the guard was installed (safe from any thread).
  [[nodiscard]] bool interrupted() const;
  // Throws Interrupted if it was.
  void throw_if_interrupted() const;

 private:
  struct sigaction previous_ {};  // the SIGINT action to restore
  bool installed_ = false;
};

}  // namespace mdasim::cli

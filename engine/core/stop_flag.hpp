// Stopping long work early. A caller raises a StopFlag (the program does it on Ctrl-C or
// SIGTERM); the engine's long loops (replications, their event loops, fields computed over the
// grid) poll it between units of work and throw Stopped, so the work unwinds and its partial
// results are dropped. Polling is a relaxed atomic load, cheap enough for an event loop that
// checks it every thousand events or so. A null flag never stops anything.
#pragma once

#include <atomic>
#include <exception>

namespace mdasim {

using StopFlag = std::atomic<bool>;

// Thrown by throw_if_stopped once the flag is raised. Not an error of the input or of the run.
class Stopped : public std::exception {
 public:
  [[nodiscard]] const char* what() const noexcept override { return "stopped"; }
};

[[nodiscard]] inline bool stop_requested(const StopFlag* flag) {
  return flag != nullptr && flag->load(std::memory_order_relaxed);
}

inline void throw_if_stopped(const StopFlag* flag) {
  if (stop_requested(flag)) throw Stopped();
}

}  // namespace mdasim

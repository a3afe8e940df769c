// A one-line progress bar for long commands, on stderr and only when stderr is a terminal:
// work done of the total, the rate, and the time left, redrawn in place with '\r'. Silent
// otherwise, so logs and pipes get no control characters.
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

namespace mdasim::cli {

// Whether stderr is a terminal (where a progress bar is wanted).
[[nodiscard]] bool stderr_is_terminal();

// The text of one redraw, e.g. "[########............]  37/100 replications  12.3/s  0:05 left".
// The rate and time left are omitted until something is done and time has passed.
[[nodiscard]] std::string progress_line(std::size_t done, std::size_t total, double elapsed_s, std::string_view what);

class ProgressBar {
 public:
  // Draws on `out` when `enabled`; `what` names the unit of work ("replications"). The clock
  // starts now.
  ProgressBar(std::ostream& out, bool enabled, std::string what);
  // Clears the line if it is still shown.
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws with `done` of `total` finished.
  void update(std::size_t done, std::size_t total);
  // Erases the bar, leaving the cursor at the start of an empty line (before other output).
  void clear();

 private:
  std::ostream& out_;
  bool enabled_;
  std::string what_;
  std::chrono::steady_clock::time_point start_;
  std::size_t shown_ = 0;  // characters on the line now
};

}  // namespace mdasim::cli

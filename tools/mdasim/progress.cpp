// The progress bar: formatting of one line and its redrawing on a terminal.
#include "progress.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <utility>

namespace mdasim::cli {
namespace {

constexpr std::size_t kBarWidth = 20;

// "0:05", "12:34", "3:02:10".
std::string duration_text(double seconds) {
  const auto total = static_cast<long long>(std::ceil(seconds));
  const long long h = total / 3600;
  const long long m = total / 60 % 60;
  const long long s = total % 60;
  char buf[48];
  if (h > 0) {
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", h, m, s);
  } else {
    std::snprintf(buf, sizeof buf, "%lld:%02lld", m, s);
  }
  return buf;
}

}  // namespace

bool stderr_is_terminal() { return isatty(STDERR_FILENO) == 1; }

std::string progress_line(std::size_t done, std::size_t total, double elapsed_s, std::string_view what) {
  const double fraction = total == 0 ? 1.0 : std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
  const auto filled = static_cast<std::size_t>(fraction * static_cast<double>(kBarWidth));
  std::string line = "[" + std::string(filled, '#') + std::string(kBarWidth - filled, '.') + "]  " +
                     std::to_string(done) + "/" + std::to_string(total) + " " + std::string(what);
  if (done > 0 && elapsed_s > 0.0) {
    const double rate = static_cast<double>(done) / elapsed_s;
    char buf[48];
    std::snprintf(buf, sizeof buf, rate >= 10.0 ? "  %.0f/s" : "  %.2f/s", rate);
    line += buf;
    if (done < total) line += "  " + duration_text(static_cast<double>(total - done) / rate) + " left";
  }
  return line;
}

ProgressBar::ProgressBar(std::ostream& out, bool enabled, std::string what)
    : out_(out), enabled_(enabled), what_(std::move(what)), start_(std::chrono::steady_clock::now()) {}

ProgressBar::~ProgressBar() { clear(); }

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string line = progress_line(done, total, elapsed_s, what_);
  // Pad over what a longer previous line left behind.
  out_ << '\r' << line << std::string(shown_ > line.size() ? shown_ - line.size() : 0, ' ') << std::flush;
  shown_ = std::max(shown_, line.size());
}

void ProgressBar::clear() {
  if (!enabled_ || shown_ == 0) return;
  out_ << '\r' << std::string(shown_, ' ') << '\r' << std::flush;
  shown_ = 0;
}

}  // namespace mdasim::cli

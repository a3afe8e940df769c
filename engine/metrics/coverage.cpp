// The per-cell coverage accumulator: integer seconds, the union by one covered run per cell.
#include "metrics/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>

namespace mdasim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// About 2.5e12 hours: well inside int64 and inside the doubles that hold whole seconds exactly.
constexpr double kMaxAbsSeconds = 9.0e15;
constexpr std::int64_t kMaxWindowSeconds = std::numeric_limits<std::int32_t>::max();

}  // namespace

std::int64_t CoverageAccumulator::to_seconds(double hours) {
  const double seconds = hours * 3600.0;
  if (!std::isfinite(seconds) || std::fabs(seconds) > kMaxAbsSeconds) {
    throw std::invalid_argument("coverage time must be finite and within 2.5e12 hours, got " +
                                std::to_string(hours) + " h");
  }
  return std::llround(seconds);
}

CoverageAccumulator::CoverageAccumulator(std::size_t cells, double window_start_h, double window_end_h)
    : cells_(cells) {
  window_start_s_ = to_seconds(window_start_h);
  window_s_ = to_seconds(window_end_h) - window_start_s_;
  if (window_s_ <= 0) {
    throw std::invalid_argument("coverage window must end after it starts (in whole seconds)");
  }
  if (window_s_ > kMaxWindowSeconds) {
    throw std::invalid_argument("coverage window longer than 2^31 - 1 seconds (68 years)");
  }
}

void CoverageAccumulator::record_gap(Cell& c, std::int32_t gap_s) {
  ++c.gap_count;
  c.max_gap_s = std::max(c.max_gap_s, gap_s);
}

void CoverageAccumulator::add(std::size_t cell, double start_h, double end_h) {
  if (cell >= cells_.size()) {
    throw std::out_of_range("coverage cell " + std::to_string(cell) + " outside the grid of " +
                            std::to_string(cells_.size()) + " cells");
  }
  const std::int64_t s0 = to_seconds(start_h);
  const std::int64_t s1 = to_seconds(end_h);
  if (end_h < start_h) {
    throw std::invalid_argument("coverage interval ends before it starts");
  }
  open_ = true;
  // Clip to the window, in seconds from its start.
  const std::int64_t a = std::max(s0, window_start_s_) - window_start_s_;
  const std::int64_t b = std::min(s1, window_start_s_ + window_s_) - window_start_s_;
  if (b <= a) return;
  // 0 <= a < b <= window_s_ <= INT32_MAX.
  const auto a32 = static_cast<std::int32_t>(a);
  const auto b32 = static_cast<std::int32_t>(b);

  Cell& c = cells_[cell];
  if (c.run_start == kNoRun) {
    if (a32 > 0) record_gap(c, a32);  // from the window start
    c.run_start = a32;
    c.run_end = b32;
  } else if (a32 < c.run_start) {
    throw std::invalid_argument("coverage intervals of cell " + std::to_string(cell) +
                                " out of start order: start " + std::to_string(a) +
                                " s into the window precedes the current covered run from " +
                                std::to_string(c.run_start) + " s");
  } else if (a32 <= c.run_end) {  // overlapping or touching: the run grows
    c.run_end = std::max(c.run_end, b32);
  } else {  // a gap: close the run, start a new one
    c.covered_s += c.run_end - c.run_start;
    record_gap(c, a32 - c.run_end);
    c.run_start = a32;
    c.run_end = b32;
  }
  c.sensor_s += b - a;
  ++c.hits;
}

void CoverageAccumulator::add_batch(std::span<CoverageInterval> batch) {
  for (const CoverageInterval& i : batch) {
    if (!std::isfinite(i.start_h) || !std::isfinite(i.end_h)) {
      throw std::invalid_argument("coverage interval with a non-finite time");
    }
  }
  std::sort(batch.begin(), batch.end(), [](const CoverageInterval& x, const CoverageInterval& y) {
    return std::tie(x.start_h, x.cell, x.end_h) < std::tie(y.start_h, y.cell, y.end_h);
  });
  for (const CoverageInterval& i : batch) add(i);
}

void CoverageAccumulator::finish() {
  const auto window = static_cast<std::int32_t>(window_s_);
  for (Cell& c : cells_) {
    if (c.run_start == kNoRun) {
      record_gap(c, window);  // never covered: the whole window
    } else {
      c.covered_s += c.run_end - c.run_start;
      if (c.run_end < window) record_gap(c, window - c.run_end);  // to the window end
    }
    c.run_start = kNoRun;
    c.run_end = 0;
  }
  ++replications_;
  open_ = false;
}

void CoverageAccumulator::merge(const CoverageAccumulator& other) {
  if (open_ || other.open_) {
    throw std::logic_error("coverage accumulators can merge only between replications (call finish())");
  }
  if (cells_.empty() && window_s_ == 0 && replications_ == 0) {  // default-constructed
    *this = other;
    return;
  }
  if (other.cells_.size() != cells_.size() || other.window_start_s_ != window_start_s_ ||
      other.window_s_ != window_s_) {
    throw std::invalid_argument("coverage accumulators to merge differ in cell count or window");
  }
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    Cell& c = cells_[i];
    const Cell& o = other.cells_[i];
    c.covered_s += o.covered_s;
    c.sensor_s += o.sensor_s;
    c.hits += o.hits;
    c.gap_count += o.gap_count;
    c.max_gap_s = std::max(c.max_gap_s, o.max_gap_s);
  }
  replications_ += other.replications_;
}

CoverageMaps CoverageAccumulator::maps(std::span<const std::uint8_t> sea) const {
  if (sea.size() != cells_.size()) {
    throw std::invalid_argument("sea mask has " + std::to_string(sea.size()) + " cells, coverage " +
                                std::to_string(cells_.size()));
  }
  if (replications_ == 0) {
    throw std::logic_error("coverage maps need at least one finished replication");
  }
  const std::size_t n = cells_.size();
  CoverageMaps m;
  m.covered_fraction.resize(n);
  m.mean_gap_h.resize(n);
  m.max_gap_h.resize(n);
  m.mean_sensors.resize(n);
  const auto total_s = static_cast<double>(replications_ * window_s_);
  for (std::size_t i = 0; i < n; ++i) {
    const Cell& c = cells_[i];
    double fraction = kNaN;
    double mean_gap = kNaN;
    double max_gap = kNaN;
    double sensors = kNaN;
    if (sea[i] != 0) {
      fraction = static_cast<double>(c.covered_s) / total_s;
      mean_gap = c.gap_count == 0 ? 0.0
                                  : static_cast<double>(gap_seconds(i)) / static_cast<double>(c.gap_count) / 3600.0;
      max_gap = static_cast<double>(c.max_gap_s) / 3600.0;
      sensors = static_cast<double>(c.sensor_s) / total_s;
    }
    m.covered_fraction[i] = static_cast<float>(fraction);
    m.mean_gap_h[i] = static_cast<float>(mean_gap);
    m.max_gap_h[i] = static_cast<float>(max_gap);
    m.mean_sensors[i] = static_cast<float>(sensors);
  }
  return m;
}

}  // namespace mdasim

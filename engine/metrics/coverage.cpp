// The per-cell coverage accumulator: integer seconds, the union by one covered run per cell,
// state only for the cells covered.
#include "metrics/coverage.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include "metrics/coverage_sort.hpp"
#include "metrics/coverage_tally.hpp"

namespace mdasim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// About 2.5e12 hours: well inside int64 and inside the doubles that hold whole seconds exactly.
constexpr double kMaxAbsSeconds = 9.0e15;
constexpr std::int64_t kMaxWindowSeconds = std::numeric_limits<std::int32_t>::max();
constexpr std::size_t kMaxCells = std::numeric_limits<std::uint32_t>::max() - 1;

[[noreturn, gnu::cold, gnu::noinline]] void throw_out_of_order(std::uint32_t cell, std::int32_t start_s,
                                                               std::int32_t run_start_s) {
  throw std::invalid_argument("coverage intervals of cell " + std::to_string(cell) + " out of start order: start " +
                              std::to_string(start_s) + " s into the window precedes the current covered run from " +
                              std::to_string(run_start_s) + " s");
}

[[noreturn, gnu::cold, gnu::noinline]] void throw_bad_time(double hours) {
  throw std::invalid_argument("coverage time must be finite and within 2.5e12 hours, got " + std::to_string(hours) + " h");
}

[[noreturn, gnu::cold, gnu::noinline]] void throw_ends_before_start() {
  throw std::invalid_argument("coverage interval ends before it starts");
}

[[noreturn, gnu::cold, gnu::noinline]] void throw_outside_grid(std::size_t cell, std::size_t cells) {
  throw std::out_of_range("coverage cell " + std::to_string(cell) + " outside the grid of " + std::to_string(cells) +
                          " cells");
}

[[noreturn, gnu::cold, gnu::noinline]] void throw_beyond_window(std::int32_t end_s, std::int64_t window_s) {
  throw std::invalid_argument("coverage interval ends " + std::to_string(end_s) + " s into a window of " +
                              std::to_string(window_s) + " s");
}

// A cell's periods from two lists, each in order of start, as one list.
void take_both(CoverageTally& t, std::span<const std::int32_t> starts_x, std::span<const std::int32_t> ends_x,
               std::span<const std::int32_t> starts_y, std::span<const std::int32_t> ends_y) {
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < starts_x.size() && j < starts_y.size()) {
    const bool from_y = starts_y[j] < starts_x[i];
    const std::int32_t start_s = from_y ? starts_y[j] : starts_x[i];
    const std::int32_t end_s = from_y ? ends_y[j] : ends_x[i];
    i += from_y ? 0 : 1;
    j += from_y ? 1 : 0;
    t.take(start_s, end_s);
  }
  for (; i < starts_x.size(); ++i) t.take(starts_x[i], ends_x[i]);
  for (; j < starts_y.size(); ++j) t.take(starts_y[j], ends_y[j]);
}

}  // namespace

std::int64_t CoverageAccumulator::to_seconds(double hours) {
  const double seconds = hours * 3600.0;
  if (!std::isfinite(seconds) || std::fabs(seconds) > kMaxAbsSeconds) throw_bad_time(hours);
  // std::llround, inline: below 2^53 the whole part is exact, and so is the fraction left.
  // Without branches: the fraction is as often above a half as below.
  const auto whole = static_cast<std::int64_t>(seconds);
  const double fraction = seconds - static_cast<double>(whole);
  return whole + static_cast<std::int64_t>(fraction >= 0.5) - static_cast<std::int64_t>(fraction <= -0.5);
}

CoverageAccumulator::CoverageAccumulator(std::size_t cells, double window_start_h, double window_end_h)
    : slot_of_(cells, kNoSlot) {
  if (cells > kMaxCells) throw std::invalid_argument("coverage grid of more than 2^32 - 2 cells");
  window_start_s_ = to_seconds(window_start_h);
  window_s_ = to_seconds(window_end_h) - window_start_s_;
  if (window_s_ <= 0) {
    throw std::invalid_argument("coverage window must end after it starts (in whole seconds)");
  }
  if (window_s_ > kMaxWindowSeconds) {
    throw std::invalid_argument("coverage window longer than 2^31 - 1 seconds (68 years)");
  }
}

std::uint32_t CoverageAccumulator::slot(std::size_t cell) {
  std::uint32_t& number = slot_of_[cell];
  if (number == kNoSlot) {
    Slot fresh;
    fresh.cell = static_cast<std::uint32_t>(cell);
    slots_.push_back(fresh);
    number = static_cast<std::uint32_t>(slots_.size());
  }
  return number - 1;
}

CoverageAccumulator::CellView CoverageAccumulator::view(std::size_t cell) const {
  const std::uint32_t number = slot_of_.at(cell);
  CellView v;
  if (number == kNoSlot) {  // never covered: one gap of the whole window per replication
    v.gap_count = replications_;
    v.max_gap_s = replications_ > 0 ? window_s_ : 0;
    return v;
  }
  const Slot& c = slots_[number - 1];
  v.covered_s = c.covered_s;
  v.sensor_s = c.sensor_s;
  v.hits = c.hits;
  v.gap_count = c.gap_count + (replications_ - c.replications);
  v.max_gap_s = c.replications < replications_ ? window_s_ : c.max_gap_s;
  v.run_start = c.run_start;
  v.run_end = c.run_end;
  return v;
}

void CoverageAccumulator::record_gap(Slot& c, std::int32_t gap_s) {
  ++c.gap_count;
  c.max_gap_s = std::max(c.max_gap_s, gap_s);
}

void CoverageAccumulator::add(std::size_t cell, double start_h, double end_h) {
  const std::optional<CoverageSeconds> interval = clipped(cell, start_h, end_h);
  open_ = true;
  LastSlot last;
  if (interval) add_checked(*interval, last);
}

bool CoverageAccumulator::clip_hours(std::size_t cell, double start_h, double end_h, CoverageSeconds& out) const {
  if (cell >= slot_of_.size()) throw_outside_grid(cell, slot_of_.size());
  const std::int64_t s0 = to_seconds(start_h);
  const std::int64_t s1 = to_seconds(end_h);
  if (end_h < start_h) throw_ends_before_start();
  Clipped c;
  if (!clip(s0, s1, c)) return false;
  out = {static_cast<std::uint32_t>(cell), c.start_s, c.end_s};
  return true;
}

std::optional<CoverageSeconds> CoverageAccumulator::clipped(std::size_t cell, double start_h, double end_h) const {
  CoverageSeconds c;
  if (!clip_hours(cell, start_h, end_h, c)) return std::nullopt;
  return c;
}

bool CoverageAccumulator::clip(std::int64_t start_s, std::int64_t end_s, Clipped& out) const {
  // Clip to the window, in seconds from its start.
  const std::int64_t a = std::max(start_s, window_start_s_) - window_start_s_;
  const std::int64_t b = std::min(end_s, window_start_s_ + window_s_) - window_start_s_;
  if (b <= a) return false;
  // 0 <= a < b <= window_s_ <= INT32_MAX.
  out.start_s = static_cast<std::int32_t>(a);
  out.end_s = static_cast<std::int32_t>(b);
  return true;
}

void CoverageAccumulator::add_clipped(const Clipped& interval) {
  const std::int32_t a32 = interval.start_s;
  const std::int32_t b32 = interval.end_s;
  Slot& c = slots_[interval.slot];
  if (c.run_start == kNoRun) {
    open_slots_.push_back(interval.slot);
    if (a32 > 0) record_gap(c, a32);  // from the window start
    c.run_start = a32;
    c.run_end = b32;
  } else if (a32 < c.run_start) {
    throw_out_of_order(c.cell, a32, c.run_start);
  } else if (a32 <= c.run_end) {  // overlapping or touching: the run grows
    c.run_end = std::max(c.run_end, b32);
  } else {  // a gap: close the run, start a new one
    c.covered_s += c.run_end - c.run_start;
    record_gap(c, a32 - c.run_end);
    c.run_start = a32;
    c.run_end = b32;
  }
  c.sensor_s += b32 - a32;
  ++c.hits;
}

void CoverageAccumulator::append_clipped(std::span<const CoverageInterval> intervals,
                                         std::vector<CoverageSeconds>& out) const {
  // Not through clipped(): an optional passed through memory and read back whole stalls the
  // store to `out` (each interval's fields are stored apart, then loaded as one).
  for (const CoverageInterval& i : intervals) {
    CoverageSeconds c;
    if (clip_hours(i.cell, i.start_h, i.end_h, c)) out.push_back(c);
  }
}

void CoverageAccumulator::add_checked(const CoverageSeconds& interval, LastSlot& last) {
  if (interval.cell != last.cell) {
    last.cell = interval.cell;
    last.slot = slot(interval.cell);
  }
  add_clipped({last.slot, interval.start_s, interval.end_s});
}

void CoverageAccumulator::add_batch(std::span<const CoverageInterval> batch) {
  if (batch.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("coverage batch of 2^32 - 1 intervals or more");
  }
  // Every interval checked and clipped to the window before any is added; those that reach it,
  // each cell's then put in order of start (all that the union needs).
  std::vector<CoverageSeconds> seconds;
  seconds.reserve(batch.size());
  append_clipped(batch, seconds);
  if (batch.empty()) return;
  CoverageSorter sorter;
  sorter.sort(seconds);
  open_ = true;
  LastSlot last;
  for (const CoverageSeconds& c : seconds) add_checked(c, last);
}

void CoverageAccumulator::check_seconds(std::span<const CoverageSeconds> intervals, bool sorted) const {
  const std::size_t cells = slot_of_.size();
  std::uint32_t previous_cell = 0;
  for (const CoverageSeconds& i : intervals) {
    if (i.cell >= cells) throw_outside_grid(i.cell, cells);
    if (!(0 <= i.start_s && i.start_s < i.end_s && i.end_s <= window_s_)) {
      throw std::invalid_argument("coverage interval in seconds not within the window: [" + std::to_string(i.start_s) +
                                  ", " + std::to_string(i.end_s) + ")");
    }
    if (sorted && i.cell < previous_cell) {
      throw std::invalid_argument("coverage intervals in seconds not sorted by cell");
    }
    previous_cell = i.cell;
  }
}

void CoverageAccumulator::add_seconds(std::span<const CoverageSeconds> intervals) {
  check_seconds(intervals, false);
  open_ = true;
  LastSlot last;
  for (const CoverageSeconds& i : intervals) add_checked(i, last);
}

void CoverageAccumulator::add_seconds_union(std::span<const CoverageSeconds> a, std::span<const CoverageSeconds> b) {
  check_seconds(a, true);
  check_seconds(b, true);
  open_ = true;
  // A merge by (cell, start): each cell's intervals of both lists in order of start.
  const auto before = [](const CoverageSeconds& x, const CoverageSeconds& y) {
    return x.cell < y.cell || (x.cell == y.cell && x.start_s < y.start_s);
  };
  std::size_t i = 0;
  std::size_t j = 0;
  LastSlot last;
  while (i < a.size() && j < b.size()) add_checked(before(b[j], a[i]) ? b[j++] : a[i++], last);
  for (; i < a.size(); ++i) add_checked(a[i], last);
  for (; j < b.size(); ++j) add_checked(b[j], last);
}

void CoverageAccumulator::check_by_cell(const CoverageByCell& by_cell) const {
  if (!by_cell.cells_.empty() && by_cell.cells_.back() >= slot_of_.size()) {
    throw_outside_grid(by_cell.cells_.back(), slot_of_.size());
  }
  if (by_cell.max_end_s_ > window_s_) throw_beyond_window(by_cell.max_end_s_, window_s_);
}

void CoverageAccumulator::add_replication(const CoverageByCell& by_cell) { add_replication(by_cell, CoverageByCell()); }

void CoverageAccumulator::add_replication(const CoverageByCell& a, const CoverageByCell& b) {
  check_by_cell(a);
  check_by_cell(b);
  if (open_) {
    add_cells<false>(a, b);
    finish();
  } else {
    add_cells<true>(a, b);
    ++replications_;
  }
}

template <bool kWhole>
void CoverageAccumulator::add_cells(const CoverageByCell& a, const CoverageByCell& b) {
  // Both lists' cells in ascending order; after check_by_cell() no cell is kNoCell.
  constexpr std::uint32_t kNoCell = std::numeric_limits<std::uint32_t>::max();
  const std::size_t na = a.cells_.size();
  const std::size_t nb = b.cells_.size();
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < na || j < nb) {
    const std::uint32_t ca = i < na ? a.cells_[i] : kNoCell;
    const std::uint32_t cb = j < nb ? b.cells_[j] : kNoCell;
    const std::uint32_t cell = std::min(ca, cb);
    const bool in_a = ca == cell;
    const bool in_b = cb == cell;
    const std::span<const std::int32_t> starts_a = in_a ? a.starts(i) : std::span<const std::int32_t>();
    const std::span<const std::int32_t> ends_a = in_a ? a.ends(i) : std::span<const std::int32_t>();
    const std::span<const std::int32_t> starts_b = in_b ? b.starts(j) : std::span<const std::int32_t>();
    const std::span<const std::int32_t> ends_b = in_b ? b.ends(j) : std::span<const std::int32_t>();
    i += in_a ? 1 : 0;
    j += in_b ? 1 : 0;
    const std::uint32_t k = slot(cell);
    Slot& c = slots_[k];
    CoverageTally t;  // a cell new to the replication: an empty run at the window start
    if constexpr (kWhole) {
      if (!in_b) {
        tally_periods(t, starts_a, ends_a);
      } else if (!in_a) {
        tally_periods(t, starts_b, ends_b);
      } else {
        take_both(t, starts_a, ends_a, starts_b, ends_b);
      }
      // The replication's union is [0, run_end) but the gaps; then the gap to the window's end.
      const bool trailing = t.run_end_s < window_s_;
      const std::int64_t longest = std::max(t.max_gap_s, trailing ? window_s_ - t.run_end_s : 0);
      c.covered_s += t.run_end_s - t.gap_s;
      c.gap_count += t.gap_count + static_cast<std::int64_t>(trailing);
      c.max_gap_s = std::max(c.max_gap_s, static_cast<std::int32_t>(longest));
      ++c.replications;
    } else {
      if (c.run_start == kNoRun) {
        open_slots_.push_back(k);
      } else {
        constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::max();
        const std::int32_t first = std::min(in_a ? starts_a.front() : kNone, in_b ? starts_b.front() : kNone);
        if (first < c.run_start) throw_out_of_order(cell, first, c.run_start);
        t.run_start_s = c.run_start;
        t.run_end_s = c.run_end;
      }
      const std::int64_t run_start_s = t.run_start_s;
      take_both(t, starts_a, ends_a, starts_b, ends_b);  // keeps the run's start, for the next add
      // The runs closed here: from the old run's start to the new one's, but the gaps.
      c.covered_s += t.run_start_s - run_start_s - t.gap_s;
      c.gap_count += t.gap_count;
      c.max_gap_s = std::max(c.max_gap_s, static_cast<std::int32_t>(t.max_gap_s));
      c.run_start = static_cast<std::int32_t>(t.run_start_s);
      c.run_end = static_cast<std::int32_t>(t.run_end_s);
    }
    c.sensor_s += t.sensor_s;
    c.hits += static_cast<std::int64_t>(starts_a.size() + starts_b.size());
  }
}

void CoverageAccumulator::reset() {
  for (const Slot& c : slots_) slot_of_[c.cell] = kNoSlot;
  slots_.clear();
  open_slots_.clear();
  replications_ = 0;
  open_ = false;
}

void CoverageAccumulator::finish() {
  const auto window = static_cast<std::int32_t>(window_s_);
  // Cells the replication did not cover have no run: their whole-window gap is implied by
  // their slot's replication count (see view()).
  for (const std::uint32_t k : open_slots_) {
    Slot& c = slots_[k];
    c.covered_s += c.run_end - c.run_start;
    if (c.run_end < window) record_gap(c, window - c.run_end);  // to the window end
    c.run_start = kNoRun;
    c.run_end = 0;
    ++c.replications;
  }
  open_slots_.clear();
  ++replications_;
  open_ = false;
}

void CoverageAccumulator::merge(const CoverageAccumulator& other) {
  if (open_ || other.open_) {
    throw std::logic_error("coverage accumulators can merge only between replications (call finish())");
  }
  if (slot_of_.empty() && window_s_ == 0 && replications_ == 0) {  // default-constructed
    *this = other;
    return;
  }
  if (other.slot_of_.size() != slot_of_.size() || other.window_start_s_ != window_start_s_ ||
      other.window_s_ != window_s_) {
    throw std::invalid_argument("coverage accumulators to merge differ in cell count or window");
  }
  for (const Slot& o : other.slots_) {
    Slot& c = slots_[slot(o.cell)];
    c.covered_s += o.covered_s;
    c.sensor_s += o.sensor_s;
    c.hits += o.hits;
    c.gap_count += o.gap_count;
    c.replications += o.replications;
    c.max_gap_s = std::max(c.max_gap_s, o.max_gap_s);
  }
  replications_ += other.replications_;
}

CoverageMaps CoverageAccumulator::maps(std::span<const std::uint8_t> sea) const {
  if (sea.size() != slot_of_.size()) {
    throw std::invalid_argument("sea mask has " + std::to_string(sea.size()) + " cells, coverage " +
                                std::to_string(slot_of_.size()));
  }
  if (replications_ == 0) {
    throw std::logic_error("coverage maps need at least one finished replication");
  }
  const std::size_t n = slot_of_.size();
  CoverageMaps m;
  m.covered_fraction.resize(n);
  m.mean_gap_h.resize(n);
  m.max_gap_h.resize(n);
  m.mean_sensors.resize(n);
  const auto total_s = static_cast<double>(replications_ * window_s_);
  for (std::size_t i = 0; i < n; ++i) {
    double fraction = kNaN;
    double mean_gap = kNaN;
    double max_gap = kNaN;
    double sensors = kNaN;
    if (sea[i] != 0) {
      const CellView c = view(i);
      fraction = static_cast<double>(c.covered_s) / total_s;
      mean_gap = c.gap_count == 0 ? 0.0
                                  : static_cast<double>(replications_ * window_s_ - c.covered_s) /
                                        static_cast<double>(c.gap_count) / 3600.0;
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

bool operator==(const CoverageAccumulator& a, const CoverageAccumulator& b) {
  if (a.slot_of_.size() != b.slot_of_.size() || a.window_start_s_ != b.window_start_s_ ||
      a.window_s_ != b.window_s_ || a.replications_ != b.replications_ || a.open_ != b.open_) {
    return false;
  }
  for (std::size_t i = 0; i < a.slot_of_.size(); ++i) {
    if (!(a.view(i) == b.view(i))) return false;
  }
  return true;
}

}  // namespace mdasim

// Per-cell coverage of the grid by sensors, accumulated exactly in integers so that replications,
// threads, shards and ranks merge in any order to the same numbers (DESIGN.md §4, coverage
// fields). Sensors report "cell c is covered over [t0, t1)" (hours from scenario start); per cell
// the accumulator keeps, summed over finished replications:
//   covered seconds   the length of the UNION of the intervals (overlaps count once)
//   sensor seconds    the SUM of the interval lengths (no union): sensor-seconds of coverage, so
//                     sensor_seconds / window seconds is the mean number of sensors covering
//   hits              the number of intervals that reach the window (positive length after clipping)
//   gaps              count, total seconds and longest of the revisit gaps
//
// Contracts:
// * Whole seconds. Every time is converted once, at the boundary, to integer seconds by
//   std::llround(t_h * 3600) (to nearest, halves away from zero); from then on everything is
//   int64 arithmetic, hence exact and order-free. Interval lengths are thus within 1 s of the
//   true length; an interval shorter than that may round to nothing and is then ignored.
// * Measured window [window_start, window_end), rounded the same way. Intervals are clipped to
//   it; an interval with nothing left after clipping is ignored (no hit, no order check).
// * Order. Within one replication, the intervals of one cell must be added in non-decreasing
//   start time (cells are independent: interleave them freely). The union is then kept in O(1)
//   memory per cell as the current covered run [run_start, covered_until). add() throws
//   std::invalid_argument when a (clipped, rounded) start lies before the start of the cell's
//   current run: that catches every out-of-order interval that would make the union wrong; an
//   out-of-order start that still falls inside the current run is accepted, as the union stays
//   exact. Intervals from several sensors that arrive out of start order: collect them and call
//   add_batch(), which puts each cell's in start order first. The same holds for intervals
//   already in window seconds (CoverageSeconds: clipped(), then add_seconds(), after
//   metrics/coverage_sort.hpp when they need it); add_seconds_union() adds two lists sorted by
//   cell and start as one, for the union of two sensor kinds without sorting again.
// * Gaps are the maximal uncovered sub-intervals of the window, the window ends counting as
//   boundaries: the uncovered time before the first covered period and after the last one are
//   gaps too (censored by the window, so the longest gap is a lower bound on the true one near
//   the window ends). Touching intervals (end == next start) leave no gap. A cell never covered
//   in a replication has exactly one gap, the whole window; a cell covered throughout has none.
//   So per replication covered + gap seconds = window seconds, and the gap total is kept as
//   replications * window - covered rather than stored.
// * Whole replications grouped by cell (the engine's path, run/isr_fields.cpp): CoverageSorter
//   (metrics/coverage_sort.hpp) groups a replication's intervals in window seconds by cell and
//   start into a CoverageByCell, and add_replication() adds them and finishes the replication in
//   one pass per cell, with the cell's state for the replication in registers and only its
//   totals written (metrics/coverage_tally.hpp: eight intervals at a time where the processor
//   has AVX2). Nothing is checked per interval: the list's order and bounds are its type's
//   invariants, and only its largest cell and end are checked against the grid and the window.
//   The numbers are those of add_seconds() then finish(); add_replication(a, b) takes two lists
//   as one (the union of two sensor kinds).
// * finish() ends a replication: it closes each cell's open run and trailing gap and counts the
//   replication. Call it once per replication, also when nothing was added.
// * reset() forgets every replication (as a fresh accumulator of the same grid and window) and
//   keeps the memory, in time proportional to the cells covered: one accumulator per worker can
//   serve replication after replication.
// * merge() adds another accumulator's finished replications (same cell count and window):
//   sums for the counts and seconds, max for the longest gap, so merging is exact, associative
//   and commutative. Neither side may be in the middle of a replication (std::logic_error).
// Storage is sparse: a cell gets its state (56 bytes) the first time an interval reaches it
// within the window; a cell never reached has none and reads as uncovered, with one gap of the
// whole window per replication. Every cell has a 4-byte slot number. So an accumulator costs
// 4 bytes per grid cell plus 56 per cell covered (one replication's accumulator of a few
// sensors: about 2.7 MB at 0.05 degree, 670,000 cells), and finish() and merge() take time in
// proportion to the cells covered, not to the grid. A cell covered in only some replications
// counts one whole-window gap for each of the others, so the numbers are those of a full
// per-cell accumulation. The window may be at most 2^31 - 1 seconds (68 years) long; the grid
// at most 2^32 - 2 cells.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

namespace mdasim {

// One sensor's report: `cell` covered over [start_h, end_h).
struct CoverageInterval {
  std::size_t cell = 0;
  double start_h = 0.0;
  double end_h = 0.0;
};

// An interval in whole seconds from the start of an accumulator's window, clipped to it:
// cell `cell` covered over [start_s, end_s), 0 <= start_s < end_s <= the window's seconds.
struct CoverageSeconds {
  std::uint32_t cell = 0;
  std::int32_t start_s = 0;
  std::int32_t end_s = 0;
};

// Intervals in window seconds grouped by cell: the cells in ascending order, each once, with its
// periods [start_s, end_s) in order of start, every one within 0 <= start_s < end_s <=
// max_end_s(). That is the order the union needs, so the accumulator's batch path
// (add_replication) takes it with no check per interval: only the largest cell and end against
// its grid and window. Structure of arrays (the starts, the ends), so that a cell's periods load
// eight at a time. Filled only by CoverageSorter (coverage_sort.hpp), which puts them in order and
// checks the bounds; the memory is kept from one fill to the next.
class CoverageByCell {
 public:
  [[nodiscard]] std::size_t cell_count() const { return cells_.size(); }
  [[nodiscard]] std::size_t size() const { return starts_.size(); }  // intervals, over all cells
  [[nodiscard]] bool empty() const { return starts_.empty(); }
  // The k-th cell (ascending) and its periods' starts and ends.
  [[nodiscard]] std::uint32_t cell(std::size_t k) const { return cells_[k]; }
  [[nodiscard]] std::span<const std::int32_t> starts(std::size_t k) const { return of_cell(starts_, k); }
  [[nodiscard]] std::span<const std::int32_t> ends(std::size_t k) const { return of_cell(ends_, k); }
  [[nodiscard]] std::int32_t max_end_s() const { return max_end_s_; }  // 0 when empty

 private:
  friend class CoverageAccumulator;
  friend class CoverageSorter;
  [[nodiscard]] std::span<const std::int32_t> of_cell(const std::vector<std::int32_t>& v, std::size_t k) const {
    return std::span<const std::int32_t>(v).subspan(firsts_[k], firsts_[k + 1] - firsts_[k]);
  }
  std::vector<std::uint32_t> cells_;
  std::vector<std::uint32_t> firsts_;  // with cells: cells_.size() + 1, cell k's periods at [firsts_[k], firsts_[k + 1])
  std::vector<std::int32_t> starts_;
  std::vector<std::int32_t> ends_;
  std::int32_t max_end_s_ = 0;
};

// The per-cell maps for output, row-major like the grid (Grid::index); NaN on land.
struct CoverageMaps {
  std::vector<float> covered_fraction;   // covered / (replications * window)
  std::vector<float> mean_gap_h;         // gap seconds / gap count / 3600; 0 with no gap
  std::vector<float> max_gap_h;          // longest gap of any replication / 3600; 0 with no gap
  std::vector<float> mean_sensors;       // sensor seconds / (replications * window)
};

class CoverageAccumulator {
 public:
  // Hours to whole seconds: std::llround(hours * 3600). Throws std::invalid_argument for a
  // non-finite time or one beyond about 2.5e12 hours.
  [[nodiscard]] static std::int64_t to_seconds(double hours);

  CoverageAccumulator() = default;
  // `cells` grid cells (Grid::size()), measured window [window_start_h, window_end_h). Throws
  // std::invalid_argument when the rounded window is empty or longer than 2^31 - 1 seconds.
  CoverageAccumulator(std::size_t cells, double window_start_h, double window_end_h);

  // Cell `cell` covered over [start_h, end_h) in the current replication. Throws
  // std::out_of_range for a bad cell, std::invalid_argument for non-finite times, end before
  // start, or a start out of order (see the header comment).
  void add(std::size_t cell, double start_h, double end_h);
  void add(const CoverageInterval& interval) { add(interval.cell, interval.start_h, interval.end_h); }
  // Adds every interval of `batch`, which may come in any order: each cell's are added in order
  // of start (grouped by cell with a counting sort over the cells covered, then sorted by start
  // within each cell; intervals of a cell that start in the same second give the same numbers in
  // any order). Across batches (and single adds) the order contract still holds: a batch must
  // not reach back before a cell's current run (std::invalid_argument, the intervals before the
  // offending one having been added). Every interval is checked first, and a bad one (cell
  // outside the grid: std::out_of_range; non-finite or out-of-range time, end before start:
  // std::invalid_argument) throws before any is added.
  void add_batch(std::span<const CoverageInterval> batch);

  // [start_h, end_h) of cell `cell` in whole seconds of the window and clipped to it (as add()
  // does), nothing when no second of it is left in the window. Throws as add() does for a bad
  // cell or bad times.
  [[nodiscard]] std::optional<CoverageSeconds> clipped(std::size_t cell, double start_h, double end_h) const;
  // Appends to `out` clipped() of each interval of `intervals` that reaches the window, in order.
  void append_clipped(std::span<const CoverageInterval> intervals, std::vector<CoverageSeconds>& out) const;
  // Adds intervals from clipped() (or equal to them) in the given order, which must keep each
  // cell's in non-decreasing start (as for add()). Every interval is checked first: a cell
  // outside the grid throws std::out_of_range, one not within the window (as clipped() gives it)
  // std::invalid_argument, before any is added.
  void add_seconds(std::span<const CoverageSeconds> intervals);
  // Adds the intervals of `a` and of `b` as one list, each cell's in order of start: both must be
  // sorted by cell and, within a cell, by start (CoverageSorter, coverage_sort.hpp);
  // a list out of cell order throws std::invalid_argument before any is added. Checks as
  // add_seconds().
  void add_seconds_union(std::span<const CoverageSeconds> a, std::span<const CoverageSeconds> b);

  // Adds one whole replication's intervals, `by_cell`, and finishes it: the same numbers as
  // adding them (add_seconds() in their order) and then finish(), in one pass per cell that keeps
  // the replication's state in registers and only the totals in the cell's state. When a
  // replication is already under way (in_replication()), it is added to that one and finished
  // (as add_seconds() then finish(); std::invalid_argument for a cell's first start before its
  // current run, the cells before it having been added). Throws std::out_of_range when a cell
  // lies outside the grid and std::invalid_argument when an end lies beyond the window, before
  // adding any.
  void add_replication(const CoverageByCell& by_cell);
  // The intervals of `a` and of `b` as one replication (each cell's of both in order of start):
  // the union of two sensor kinds without merging the lists first. Checks as above.
  void add_replication(const CoverageByCell& a, const CoverageByCell& b);

  // Forgets every replication, finished or not: the accumulator equals a fresh one of the same
  // cells and window, and keeps its memory (see the header comment).
  void reset();

  // Ends the current replication (see the header comment).
  void finish();

  // Adds `other`'s finished replications. A default-constructed accumulator takes on `other`'s
  // cell count and window. Throws std::invalid_argument when the cell count or window differ,
  // std::logic_error when either accumulator has an unfinished replication.
  void merge(const CoverageAccumulator& other);

  [[nodiscard]] std::size_t cells() const { return slot_of_.size(); }
  [[nodiscard]] std::int64_t replications() const { return replications_; }
  [[nodiscard]] std::int64_t window_start_s() const { return window_start_s_; }
  [[nodiscard]] std::int64_t window_end_s() const { return window_start_s_ + window_s_; }
  [[nodiscard]] std::int64_t window_seconds() const { return window_s_; }
  // True between an add() and the next finish().
  [[nodiscard]] bool in_replication() const { return open_; }
  // How many cells have been covered in some replication (and so hold a state).
  [[nodiscard]] std::size_t covered_cells() const { return slots_.size(); }

  // Per cell, over the finished replications. Throw std::out_of_range for a cell outside the grid.
  [[nodiscard]] std::int64_t covered_seconds(std::size_t cell) const { return view(cell).covered_s; }
  [[nodiscard]] std::int64_t sensor_seconds(std::size_t cell) const { return view(cell).sensor_s; }
  [[nodiscard]] std::int64_t hits(std::size_t cell) const { return view(cell).hits; }
  [[nodiscard]] std::int64_t gap_count(std::size_t cell) const { return view(cell).gap_count; }
  [[nodiscard]] std::int64_t gap_seconds(std::size_t cell) const {
    return replications_ * window_s_ - view(cell).covered_s;
  }
  [[nodiscard]] std::int64_t max_gap_seconds(std::size_t cell) const { return view(cell).max_gap_s; }

  // The output maps. `sea[i]` nonzero when cell i is at sea (SeaGrid::sea()); must have one
  // entry per cell (std::invalid_argument). Throws std::logic_error with no finished replication.
  [[nodiscard]] CoverageMaps maps(std::span<const std::uint8_t> sea) const;

  // Equal when the grids, windows, replications and every cell's numbers (and the current
  // replication's runs) are, however the cells' states happen to be laid out.
  friend bool operator==(const CoverageAccumulator& a, const CoverageAccumulator& b);

 private:
  static constexpr std::int32_t kNoRun = -1;
  static constexpr std::uint32_t kNoSlot = 0;

  // The state of a cell covered in some replication.
  struct Slot {
    std::int64_t covered_s = 0;     // union, summed over finished replications
    std::int64_t sensor_s = 0;      // sum of clipped lengths
    std::int64_t hits = 0;
    std::int64_t gap_count = 0;     // gaps in the replications that covered the cell
    std::int64_t replications = 0;  // finished replications that covered the cell
    std::int32_t max_gap_s = 0;     // the longest gap in those
    // The current replication's covered run [run_start, run_end), in seconds from the window
    // start; run_start == kNoRun before the cell's first interval of the replication.
    std::int32_t run_start = kNoRun;
    std::int32_t run_end = 0;
    std::uint32_t cell = 0;
  };
  static_assert(sizeof(Slot) <= 56, "keep the per-cell state small: the grid may have ~10^6 cells");

  // A cell's numbers, the replications that did not cover it included.
  struct CellView {
    std::int64_t covered_s = 0;
    std::int64_t sensor_s = 0;
    std::int64_t hits = 0;
    std::int64_t gap_count = 0;
    std::int64_t max_gap_s = 0;
    std::int32_t run_start = kNoRun;
    std::int32_t run_end = 0;
    friend bool operator==(const CellView&, const CellView&) = default;
  };
  [[nodiscard]] CellView view(std::size_t cell) const;
  std::uint32_t slot(std::size_t cell);  // the index in slots_ of the cell's state, created on first use

  // An interval clipped to the window, in seconds from its start, with its cell's state.
  struct Clipped {
    std::uint32_t slot = 0;  // index in slots_
    std::int32_t start_s = 0;
    std::int32_t end_s = 0;
  };
  // Clips [start_s, end_s) (seconds) to the window; false when nothing is left. Leaves out.slot.
  [[nodiscard]] bool clip(std::int64_t start_s, std::int64_t end_s, Clipped& out) const;
  // clipped() into `out`: false when nothing is left in the window.
  [[nodiscard]] bool clip_hours(std::size_t cell, double start_h, double end_h, CoverageSeconds& out) const;
  void add_clipped(const Clipped& interval);
  // add_clipped() of a CoverageSeconds already checked; `last` remembers the slot of the cell
  // added last (intervals in order of cell mostly follow one of the same cell).
  struct LastSlot {
    std::uint32_t cell = std::numeric_limits<std::uint32_t>::max();  // no cell: the grid has at most 2^32 - 2
    std::uint32_t slot = 0;
  };
  void add_checked(const CoverageSeconds& interval, LastSlot& last);
  // Throws as add_seconds() does for a bad interval of `intervals`; with `sorted`, also when they
  // are not in order of cell.
  void check_seconds(std::span<const CoverageSeconds> intervals, bool sorted) const;

  static void record_gap(Slot& c, std::int32_t gap_s);
  // The batch path of add_replication(): each cell of `a` or `b`, with kWhole (no replication
  // under way) straight into the totals, else onto the cells' current runs.
  template <bool kWhole>
  void add_cells(const CoverageByCell& a, const CoverageByCell& b);
  void check_by_cell(const CoverageByCell& by_cell) const;

  std::vector<std::uint32_t> slot_of_;     // per grid cell: 1 + its index in slots_, or kNoSlot
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> open_slots_;  // slots_ of the cells the current replication covered
  std::int64_t window_start_s_ = 0;
  std::int64_t window_s_ = 0;
  std::int64_t replications_ = 0;
  bool open_ = false;
};

}  // namespace mdasim

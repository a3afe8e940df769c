// Sorting coverage intervals in window seconds by cell, and each cell's by start: the order that
// CoverageAccumulator::add_replication() takes (as a CoverageByCell) and add_seconds_union()
// needs, and one that add_seconds() accepts. Fast when each cell's intervals mostly come in order
// of start already (as one sensor's or one sortie's do): a counting sort by cell (stable: each
// cell's keep the order given), over the cells that occur only, then a sort by start only of the
// cells whose intervals are not in order. Intervals of a cell that start in the same second are
// left in any order (the accumulator's numbers do not depend on it). The sorter keeps its working
// memory (one number per cell up to the largest seen, and a copy of the intervals) from one sort
// to the next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "metrics/coverage.hpp"

namespace mdasim {

class CoverageSorter {
 public:
  // Sorts `intervals` in place.
  void sort(std::vector<CoverageSeconds>& intervals);
  // `out` replaced by `intervals` grouped by cell, each cell's in order of start. Throws
  // std::invalid_argument, leaving `out` empty, when an interval has start_s < 0 or
  // end_s <= start_s, and std::length_error for 2^32 - 1 intervals or more.
  void sort(std::span<const CoverageSeconds> intervals, CoverageByCell& out);

 private:
  static constexpr std::uint32_t kNoGroup = std::numeric_limits<std::uint32_t>::max();
  // Numbers the cells of `intervals` in order of first appearance (group_of_cell_, cells_) and
  // counts each one's intervals (next_); true when every interval has 0 <= start_s < end_s, with
  // the largest end in `max_end_s`.
  bool count_groups(std::span<const CoverageSeconds> intervals, std::int32_t& max_end_s);
  // Puts cells_ in ascending order and turns next_ into where each group's first interval goes.
  void place_groups();
  // Forgets the groups: group_of_cell_ back to kNoGroup, cells_ and next_ emptied.
  void forget_groups();

  std::vector<std::uint32_t> group_of_cell_;  // per cell: its group in this sort; kNoGroup between sorts
  std::vector<std::uint32_t> cells_;          // per group: its cell
  std::vector<std::uint32_t> next_;           // per group: its count, then where its next interval goes
  std::vector<CoverageSeconds> moved_;
};

}  // namespace mdasim

// Coverage intervals by cell and start (see coverage_sort.hpp).
#include "metrics/coverage_sort.hpp"

#include <algorithm>
#include <utility>

namespace mdasim {

void CoverageSorter::sort(std::vector<CoverageSeconds>& intervals) {
  // Count per cell, numbering the cells in order of first appearance.
  for (const CoverageSeconds& i : intervals) {
    if (i.cell >= group_of_cell_.size()) group_of_cell_.resize(std::size_t{i.cell} + 1, kNoGroup);
    std::uint32_t& group = group_of_cell_[i.cell];
    if (group == kNoGroup) {
      group = static_cast<std::uint32_t>(cells_.size());
      cells_.push_back(i.cell);
      next_.push_back(0);
    }
    ++next_[group];
  }
  // The cells in ascending order, each group's place after those of the lower cells.
  std::sort(cells_.begin(), cells_.end());
  std::uint32_t placed = 0;
  for (const std::uint32_t cell : cells_) {
    std::uint32_t& next = next_[group_of_cell_[cell]];
    placed += std::exchange(next, placed);
  }
  moved_.resize(intervals.size());
  for (const CoverageSeconds& i : intervals) moved_[next_[group_of_cell_[i.cell]]++] = i;
  intervals.swap(moved_);
  for (const std::uint32_t cell : cells_) group_of_cell_[cell] = kNoGroup;
  cells_.clear();
  next_.clear();
  // Within a cell, by start where they are not already.
  const auto by_start = [](const CoverageSeconds& x, const CoverageSeconds& y) { return x.start_s < y.start_s; };
  for (auto first = intervals.begin(); first != intervals.end();) {
    const std::uint32_t cell = first->cell;
    const auto last = std::find_if(first, intervals.end(), [cell](const CoverageSeconds& i) { return i.cell != cell; });
    if (!std::is_sorted(first, last, by_start)) std::sort(first, last, by_start);
    first = last;
  }
}

}  // namespace mdasim

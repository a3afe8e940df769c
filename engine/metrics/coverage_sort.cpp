// Coverage intervals by cell and start (see coverage_sort.hpp).
#include "metrics/coverage_sort.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace mdasim {

bool CoverageSorter::count_groups(std::span<const CoverageSeconds> intervals, std::int32_t& max_end_s) {
  bool ordered = true;
  max_end_s = 0;
  for (const CoverageSeconds& i : intervals) {
    if (i.cell >= group_of_cell_.size()) group_of_cell_.resize(std::size_t{i.cell} + 1, kNoGroup);
    std::uint32_t& group = group_of_cell_[i.cell];
    if (group == kNoGroup) {
      group = static_cast<std::uint32_t>(cells_.size());
      cells_.push_back(i.cell);
      next_.push_back(0);
    }
    ++next_[group];
    ordered &= (0 <= i.start_s) & (i.start_s < i.end_s);
    max_end_s = std::max(max_end_s, i.end_s);
  }
  return ordered;
}

void CoverageSorter::place_groups() {
  std::sort(cells_.begin(), cells_.end());
  std::uint32_t placed = 0;
  for (const std::uint32_t cell : cells_) {
    std::uint32_t& next = next_[group_of_cell_[cell]];
    placed += std::exchange(next, placed);
  }
}

void CoverageSorter::forget_groups() {
  for (const std::uint32_t cell : cells_) group_of_cell_[cell] = kNoGroup;
  cells_.clear();
  next_.clear();
}

void CoverageSorter::sort(std::vector<CoverageSeconds>& intervals) {
  std::int32_t max_end_s = 0;
  (void)count_groups(intervals, max_end_s);
  place_groups();
  moved_.resize(intervals.size());
  for (const CoverageSeconds& i : intervals) moved_[next_[group_of_cell_[i.cell]]++] = i;
  intervals.swap(moved_);
  forget_groups();
  // Within a cell, by start where they are not already.
  const auto by_start = [](const CoverageSeconds& x, const CoverageSeconds& y) { return x.start_s < y.start_s; };
  for (auto first = intervals.begin(); first != intervals.end();) {
    const std::uint32_t cell = first->cell;
    const auto last = std::find_if(first, intervals.end(), [cell](const CoverageSeconds& i) { return i.cell != cell; });
    if (!std::is_sorted(first, last, by_start)) std::sort(first, last, by_start);
    first = last;
  }
}

void CoverageSorter::sort(std::span<const CoverageSeconds> intervals, CoverageByCell& out) {
  out.cells_.clear();
  out.firsts_.clear();
  out.starts_.clear();
  out.ends_.clear();
  out.max_end_s_ = 0;
  if (intervals.size() >= std::numeric_limits<std::uint32_t>::max()) {
    throw std::length_error("coverage list of 2^32 - 1 intervals or more");
  }
  std::int32_t max_end_s = 0;
  if (!count_groups(intervals, max_end_s)) {
    forget_groups();
    throw std::invalid_argument("coverage interval in seconds with a negative start or an end not after its start");
  }
  if (intervals.empty()) return;
  place_groups();
  out.cells_.assign(cells_.begin(), cells_.end());
  out.firsts_.reserve(cells_.size() + 1);
  for (const std::uint32_t cell : cells_) out.firsts_.push_back(next_[group_of_cell_[cell]]);
  out.firsts_.push_back(static_cast<std::uint32_t>(intervals.size()));
  out.starts_.resize(intervals.size());
  out.ends_.resize(intervals.size());
  for (const CoverageSeconds& i : intervals) {
    const std::uint32_t at = next_[group_of_cell_[i.cell]]++;
    out.starts_[at] = i.start_s;
    out.ends_[at] = i.end_s;
  }
  forget_groups();
  out.max_end_s_ = max_end_s;
  // Within a cell, by start where they are not already (through a copy of the cell's periods).
  const auto by_start = [](const CoverageSeconds& x, const CoverageSeconds& y) { return x.start_s < y.start_s; };
  for (std::size_t k = 0; k < out.cells_.size(); ++k) {
    const std::uint32_t first = out.firsts_[k];
    const std::uint32_t last = out.firsts_[k + 1];
    if (std::is_sorted(out.starts_.begin() + first, out.starts_.begin() + last)) continue;
    moved_.clear();
    for (std::uint32_t p = first; p < last; ++p) moved_.push_back({out.cells_[k], out.starts_[p], out.ends_[p]});
    std::sort(moved_.begin(), moved_.end(), by_start);
    for (std::uint32_t p = first; p < last; ++p) {
      out.starts_[p] = moved_[p - first].start_s;
      out.ends_[p] = moved_[p - first].end_s;
    }
  }
}

}  // namespace mdasim

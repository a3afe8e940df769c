// One cell's coverage periods in a replication, tallied: the covered run, the gaps it leaves and
// the sensor seconds, from periods in whole window seconds in order of start. The inner loop of
// the coverage accumulator's batch path (metrics/coverage.hpp): a scalar version without
// branches, and on x86-64 processors with AVX2 (checked at run time) one that takes eight
// periods at a time, the running end of the covered run being a prefix maximum. Both give the
// same integers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace mdasim {

// A covered run [run_start_s, run_end_s) and what the periods taken so far left behind it.
struct CoverageTally {
  std::int64_t run_start_s = 0;
  std::int64_t run_end_s = 0;
  std::int64_t gap_count = 0;  // periods that started after the run's end: each left a gap
  std::int64_t gap_s = 0;      // the gaps, summed
  std::int64_t max_gap_s = 0;  // the longest gap (0 with none)
  std::int64_t sensor_s = 0;   // the periods' lengths, summed

  // One period [start_s, end_s), start_s no earlier than the previous period's start. A period
  // that starts by the run's end extends the run; one that starts after it leaves a gap and
  // starts a new run. No branch for the compiler to keep: the cost is the same however gaps and
  // overlaps alternate.
  void take(std::int64_t start_s, std::int64_t end_s) {
    const std::int64_t gap = start_s - run_end_s;
    const bool new_run = gap > 0;
    const std::int64_t left = new_run ? gap : 0;
    gap_count += static_cast<std::int64_t>(new_run);
    gap_s += left;
    max_gap_s = max_gap_s > left ? max_gap_s : left;
    run_start_s = new_run ? start_s : run_start_s;
    run_end_s = run_end_s > end_s ? run_end_s : end_s;  // a new run ends after the old one too
    sensor_s += end_s - start_s;
  }
};

// Takes the periods [starts[i], ends[i]) (spans of equal length) in order, each start at least
// the one before, every time within [0, 2^31 - 1], onto a tally whose run_end_s lies in that
// range too. Tallies everything but run_start_s, which is unspecified afterwards: a whole
// replication's cell, whose last run the window's end closes, does not need it.
void tally_periods(CoverageTally& tally, std::span<const std::int32_t> starts, std::span<const std::int32_t> ends);

}  // namespace mdasim

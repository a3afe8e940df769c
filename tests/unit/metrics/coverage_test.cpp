// The coverage accumulator against a brute-force per-second bitmap of the window (random cases
// from fixed seeds, so deterministic), against hand-computed numbers (overlapping, nested,
// touching, clipped and out-of-order intervals; the output maps), and merging in every order
// against one accumulator fed every replication; intervals in window seconds (sorted, united,
// into an accumulator reused after a reset) and whole replications grouped by cell
// (add_replication: one list, two, onto an open replication) against the same bitmap and the
// one-by-one path, and the eight-at-a-time tally against one period at a time.
#include "metrics/coverage.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_stream.hpp"
#include "metrics/coverage_sort.hpp"
#include "metrics/coverage_tally.hpp"

namespace mdasim {
namespace {

constexpr std::uint64_t kSeed = 20240611;

// Seconds to hours, as a sensor model would report them.
double h(std::int64_t seconds) { return static_cast<double>(seconds) / 3600.0; }

// --- brute force: one flag per second of the window ---

struct Secs {
  std::int64_t start;
  std::int64_t end;
};

struct Truth {
  std::int64_t covered = 0;
  std::int64_t sensor = 0;
  std::int64_t hits = 0;
  std::int64_t gap_count = 0;
  std::int64_t gap_sum = 0;
  std::int64_t gap_max = 0;
};

// One cell in one replication: second s of [ws, we) is covered when some interval holds it;
// gaps are the maximal runs of uncovered seconds.
Truth brute_force(const std::vector<Secs>& intervals, std::int64_t ws, std::int64_t we) {
  std::vector<char> covered(static_cast<std::size_t>(we - ws), 0);
  Truth t;
  for (const Secs& iv : intervals) {
    std::int64_t seconds_in = 0;
    for (std::int64_t s = iv.start; s < iv.end; ++s) {
      if (s >= ws && s < we) {
        covered[static_cast<std::size_t>(s - ws)] = 1;
        ++seconds_in;
      }
    }
    t.sensor += seconds_in;
    if (seconds_in > 0) ++t.hits;
  }
  std::int64_t run = 0;  // current uncovered run
  for (const char c : covered) {
    if (c != 0) {
      ++t.covered;
      if (run > 0) {
        ++t.gap_count;
        t.gap_sum += run;
        t.gap_max = std::max(t.gap_max, run);
      }
      run = 0;
    } else {
      ++run;
    }
  }
  if (run > 0) {
    ++t.gap_count;
    t.gap_sum += run;
    t.gap_max = std::max(t.gap_max, run);
  }
  return t;
}

void accumulate(Truth& total, const Truth& rep) {
  total.covered += rep.covered;
  total.sensor += rep.sensor;
  total.hits += rep.hits;
  total.gap_count += rep.gap_count;
  total.gap_sum += rep.gap_sum;
  total.gap_max = std::max(total.gap_max, rep.gap_max);
}

void expect_matches(const CoverageAccumulator& acc, std::size_t cell, const Truth& t) {
  EXPECT_EQ(acc.covered_seconds(cell), t.covered) << "cell " << cell;
  EXPECT_EQ(acc.sensor_seconds(cell), t.sensor) << "cell " << cell;
  EXPECT_EQ(acc.hits(cell), t.hits) << "cell " << cell;
  EXPECT_EQ(acc.gap_count(cell), t.gap_count) << "cell " << cell;
  EXPECT_EQ(acc.gap_seconds(cell), t.gap_sum) << "cell " << cell;
  EXPECT_EQ(acc.max_gap_seconds(cell), t.gap_max) << "cell " << cell;
}

// Every accumulator matches the truth in every cell, and equals the first (its states too).
void expect_all_match(std::initializer_list<const CoverageAccumulator*> accumulators, const std::vector<Truth>& truth) {
  for (const CoverageAccumulator* a : accumulators) {
    for (std::size_t c = 0; c < truth.size(); ++c) expect_matches(*a, c, truth[c]);
    EXPECT_TRUE(*a == **accumulators.begin());
  }
}

// Random intervals of whole seconds around the window [ws, we): up to 10 per cell, some before,
// after or straddling the window, some of zero length, many overlapping.
std::vector<std::vector<Secs>> random_replication(RandomStream& rng, std::size_t cells, std::int64_t ws,
                                                  std::int64_t we) {
  const auto span = static_cast<std::uint64_t>(we - ws);
  std::vector<std::vector<Secs>> out(cells);
  for (auto& cell : out) {
    const std::uint64_t n = rng.below(11);
    for (std::uint64_t k = 0; k < n; ++k) {
      const std::int64_t start = ws - 30 + static_cast<std::int64_t>(rng.below(span + 60));
      const std::int64_t length = static_cast<std::int64_t>(rng.below(span / 3 + 2));
      cell.push_back({start, start + length});
    }
  }
  return out;
}

void shuffle(RandomStream& rng, std::vector<CoverageInterval>& v) {
  for (std::size_t i = v.size(); i > 1; --i) {
    const auto j = static_cast<std::size_t>(rng.below(i));
    std::swap(v[i - 1], v[j]);
  }
}

// --- the union and gaps against the bitmap ---

TEST(CoverageUnion, MatchesBruteForceBitmapOnRandomCases) {
  constexpr std::size_t kCells = 7;
  constexpr int kReplications = 4;
  for (std::uint64_t trial = 0; trial < 150; ++trial) {
    RandomStream rng(kSeed, 0, trial, StreamPurpose::kTest);
    const std::int64_t ws = static_cast<std::int64_t>(rng.below(100000));
    const std::int64_t we = ws + 1 + static_cast<std::int64_t>(rng.below(300));
    // Fed per cell in start order (sorted here); all cells pooled in random order through
    // add_batch; the pool split in two, each half in window seconds and sorted, through
    // add_seconds_union; and in seconds through add_seconds into an accumulator that had other
    // replications before a reset(): all must match the bitmap.
    CoverageAccumulator sorted_by_cell(kCells, h(ws), h(we));
    CoverageAccumulator batched(kCells, h(ws), h(we));
    CoverageAccumulator united(kCells, h(ws), h(we));
    CoverageAccumulator reused(kCells, h(ws), h(we));
    CoverageSorter sorter;
    for (int rep = 0; rep < 3; ++rep) {
      std::vector<CoverageInterval> other;
      const auto other_intervals = random_replication(rng, kCells, ws, we);
      for (std::size_t c = 0; c < kCells; ++c) {
        for (const Secs& iv : other_intervals[c]) other.push_back({c, h(iv.start), h(iv.end)});
      }
      reused.add_batch(other);
      if (rep < 2) reused.finish();  // the last one left unfinished
    }
    reused.reset();
    EXPECT_EQ(reused.replications(), 0);
    EXPECT_FALSE(reused.in_replication());
    EXPECT_EQ(reused.covered_cells(), 0U);
    ASSERT_EQ(sorted_by_cell.window_start_s(), ws);
    ASSERT_EQ(sorted_by_cell.window_seconds(), we - ws);
    std::vector<Truth> truth(kCells);
    for (int rep = 0; rep < kReplications; ++rep) {
      auto intervals = random_replication(rng, kCells, ws, we);
      std::vector<CoverageInterval> pool;
      for (std::size_t c = 0; c < kCells; ++c) {
        accumulate(truth[c], brute_force(intervals[c], ws, we));
        for (const Secs& iv : intervals[c]) pool.push_back({c, h(iv.start), h(iv.end)});
        std::sort(intervals[c].begin(), intervals[c].end(),
                  [](const Secs& a, const Secs& b) { return a.start < b.start; });
        for (const Secs& iv : intervals[c]) sorted_by_cell.add(c, h(iv.start), h(iv.end));
      }
      shuffle(rng, pool);
      batched.add_batch(pool);
      const auto half = static_cast<std::ptrdiff_t>(rng.below(pool.size() + 1));
      std::vector<CoverageSeconds> first, second, all;
      united.append_clipped(std::span(pool).first(static_cast<std::size_t>(half)), first);
      united.append_clipped(std::span(pool).subspan(static_cast<std::size_t>(half)), second);
      sorter.sort(first);
      sorter.sort(second);
      united.add_seconds_union(first, second);
      reused.append_clipped(pool, all);
      sorter.sort(all);
      reused.add_seconds(all);
      for (CoverageAccumulator* a : {&sorted_by_cell, &batched, &united, &reused}) a->finish();
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    ASSERT_EQ(sorted_by_cell.replications(), kReplications);
    expect_all_match({&sorted_by_cell, &batched, &united, &reused}, truth);
  }
}

// --- sorting intervals in seconds ---

TEST(CoverageSort, ByCellThenStartOnRandomListsWithOneSorterReused) {
  CoverageSorter sorter;
  for (std::uint64_t trial = 0; trial < 60; ++trial) {
    RandomStream rng(kSeed, 1, trial, StreamPurpose::kTest);
    // A few "sensors", each giving its cells' intervals in order of start (as a sortie does),
    // or, one trial in three, in random order; cells from a range that grows with the trial.
    const std::uint64_t cell_range = 1 + rng.below(50 * (trial + 1));
    std::vector<CoverageSeconds> list;
    const std::uint64_t sensors = rng.below(5);
    for (std::uint64_t s = 0; s < sensors; ++s) {
      std::int32_t t = static_cast<std::int32_t>(rng.below(1000));
      const std::uint64_t n = rng.below(400);
      for (std::uint64_t k = 0; k < n; ++k) {
        t += static_cast<std::int32_t>(rng.below(20));
        list.push_back({static_cast<std::uint32_t>(rng.below(cell_range)), t, t + 1 + static_cast<std::int32_t>(rng.below(50))});
      }
    }
    if (trial % 3 == 0) {
      for (std::size_t i = list.size(); i > 1; --i) std::swap(list[i - 1], list[static_cast<std::size_t>(rng.below(i))]);
    }
    std::vector<CoverageSeconds> sorted = list;
    sorter.sort(sorted);
    const auto key = [](const CoverageSeconds& x) { return std::array<std::int64_t, 3>{x.cell, x.start_s, x.end_s}; };
    for (std::size_t i = 1; i < sorted.size(); ++i) {
      ASSERT_LE(sorted[i - 1].cell, sorted[i].cell) << "trial " << trial;
      if (sorted[i - 1].cell == sorted[i].cell) {
        ASSERT_LE(sorted[i - 1].start_s, sorted[i].start_s) << "trial " << trial;
      }
    }
    // The same intervals: equal once both are in full (cell, start, end) order.
    const auto by_key = [&](const CoverageSeconds& x, const CoverageSeconds& y) { return key(x) < key(y); };
    std::sort(list.begin(), list.end(), by_key);
    std::sort(sorted.begin(), sorted.end(), by_key);
    ASSERT_EQ(list.size(), sorted.size());
    for (std::size_t i = 0; i < list.size(); ++i) ASSERT_EQ(key(list[i]), key(sorted[i])) << "trial " << trial;
  }
}

TEST(CoverageInSeconds, ClippedGivesWindowSecondsAndBadListsAddNothing) {
  CoverageAccumulator acc(4, 1.0, 2.0);  // [3600 s, 7200 s)
  EXPECT_FALSE(acc.clipped(1, 0.0, 1.0).has_value());
  const std::optional<CoverageSeconds> c = acc.clipped(2, 0.5, h(3600 + 90));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->cell, 2U);
  EXPECT_EQ(c->start_s, 0);
  EXPECT_EQ(c->end_s, 90);
  EXPECT_THROW((void)acc.clipped(4, 1.0, 1.5), std::out_of_range);
  EXPECT_THROW((void)acc.clipped(0, 1.5, 1.0), std::invalid_argument);
  const std::vector<CoverageSeconds> ok{{0, 0, 10}, {1, 5, 20}};
  EXPECT_THROW(acc.add_seconds(std::vector<CoverageSeconds>{{0, 0, 10}, {4, 0, 10}}), std::out_of_range);
  EXPECT_THROW(acc.add_seconds(std::vector<CoverageSeconds>{{0, 0, 10}, {1, 10, 10}}), std::invalid_argument);
  EXPECT_THROW(acc.add_seconds(std::vector<CoverageSeconds>{{0, -1, 10}}), std::invalid_argument);
  EXPECT_THROW(acc.add_seconds(std::vector<CoverageSeconds>{{0, 0, 3601}}), std::invalid_argument);
  EXPECT_THROW(acc.add_seconds_union(ok, std::vector<CoverageSeconds>{{1, 0, 10}, {0, 0, 10}}), std::invalid_argument);
  EXPECT_FALSE(acc.in_replication());
  EXPECT_EQ(acc.covered_cells(), 0U);
  // Out of start order within a cell, as for add().
  EXPECT_THROW(acc.add_seconds(std::vector<CoverageSeconds>{{0, 100, 110}, {0, 0, 10}}), std::invalid_argument);
  acc.reset();
  acc.add_seconds_union(ok, std::vector<CoverageSeconds>{{0, 5, 30}});
  acc.finish();
  EXPECT_EQ(acc.covered_seconds(0), 30);
  EXPECT_EQ(acc.sensor_seconds(0), 35);
  EXPECT_EQ(acc.hits(0), 2);
  EXPECT_EQ(acc.covered_seconds(1), 15);
}

// --- whole replications grouped by cell (add_replication), the engine's path ---

// Random intervals in window seconds for `cells` cells of a window of `window_s` seconds, in
// random order: per cell up to 60 (so that a cell's list runs past eight at a time, with every
// remainder), sometimes dense and overlapping, sometimes sparse, with starts that repeat.
std::vector<CoverageSeconds> random_seconds(RandomStream& rng, std::size_t cells, std::int32_t window_s) {
  std::vector<CoverageSeconds> out;
  for (std::size_t c = 0; c < cells; ++c) {
    const std::uint64_t n = rng.below(61);
    const auto spread = static_cast<std::uint64_t>(window_s) / (1 + rng.below(n + 1));
    for (std::uint64_t k = 0; k < n; ++k) {
      const auto start = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(window_s)));
      const auto length = static_cast<std::int32_t>(1 + rng.below(spread + 1));
      const std::int32_t end = std::min(window_s, start + length);
      out.push_back({static_cast<std::uint32_t>(c), start, end});
      if (rng.below(8) == 0) out.push_back({static_cast<std::uint32_t>(c), start, std::min(window_s, start + 1)});
    }
  }
  for (std::size_t i = out.size(); i > 1; --i) std::swap(out[i - 1], out[static_cast<std::size_t>(rng.below(i))]);
  return out;
}

TEST(CoverageByCell, AddReplicationMatchesBitmapAndAddSeconds) {
  CoverageSorter sorter;
  CoverageByCell all, first, second, later;
  for (std::uint64_t trial = 0; trial < 120; ++trial) {
    RandomStream rng(kSeed, 3, trial, StreamPurpose::kTest);
    const std::size_t cells = 1 + static_cast<std::size_t>(rng.below(12));
    const std::int64_t ws = static_cast<std::int64_t>(rng.below(100000));
    const auto window_s = static_cast<std::int32_t>(1 + rng.below(trial % 2 == 0 ? 400 : 5000));
    const std::int64_t we = ws + window_s;
    // Added one by one after sorting (the path before add_replication); as one replication
    // grouped by cell; the list split at random into two added as one; the intervals that start
    // before a time added one by one and the rest as add_replication onto the open replication.
    CoverageAccumulator reference(cells, h(ws), h(we));
    CoverageAccumulator whole(cells, h(ws), h(we));
    CoverageAccumulator two(cells, h(ws), h(we));
    CoverageAccumulator open(cells, h(ws), h(we));
    std::vector<Truth> truth(cells);
    for (int rep = 0; rep < 3; ++rep) {
      std::vector<CoverageSeconds> list = random_seconds(rng, cells, window_s);
      std::vector<std::vector<Secs>> per_cell(cells);
      for (const CoverageSeconds& i : list) per_cell[i.cell].push_back({ws + i.start_s, ws + i.end_s});
      for (std::size_t c = 0; c < cells; ++c) accumulate(truth[c], brute_force(per_cell[c], ws, we));
      std::vector<CoverageSeconds> sorted = list;
      sorter.sort(sorted);
      reference.add_seconds(sorted);
      reference.finish();
      sorter.sort(list, all);
      ASSERT_EQ(all.size(), list.size());
      whole.add_replication(all);
      const auto half = static_cast<std::size_t>(rng.below(list.size() + 1));
      sorter.sort(std::span(list).first(half), first);
      sorter.sort(std::span(list).subspan(half), second);
      two.add_replication(first, second);
      const auto split_s = static_cast<std::int32_t>(rng.below(static_cast<std::uint64_t>(window_s) + 1));
      std::vector<CoverageSeconds> early;
      std::vector<CoverageSeconds> rest;
      for (const CoverageSeconds& i : sorted) (i.start_s < split_s ? early : rest).push_back(i);
      open.add_seconds(early);
      sorter.sort(rest, later);
      open.add_replication(later);
      EXPECT_FALSE(open.in_replication());
    }
    SCOPED_TRACE("trial " + std::to_string(trial));
    ASSERT_EQ(whole.replications(), 3);
    expect_all_match({&reference, &whole, &two, &open}, truth);
  }
}

// The eight-at-a-time tally (where the processor has AVX2) against one period at a time, on long
// lists with every remainder, from any run's end, with times up to 2^31 - 1.
TEST(CoverageByCell, TallyEightAtATimeMatchesOneByOne) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int32_t>::max();
  for (std::uint64_t trial = 0; trial < 3000; ++trial) {
    RandomStream rng(kSeed, 4, trial, StreamPurpose::kTest);
    const std::size_t n = static_cast<std::size_t>(rng.below(trial % 10 == 0 ? 300 : 40));
    const std::int64_t top = trial % 3 == 0 ? kMax : 2000;
    std::vector<std::int32_t> starts(n);
    std::vector<std::int32_t> ends(n);
    std::int64_t t = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(top / 2)));
    for (std::size_t i = 0; i < n; ++i) {
      t = std::min(top - 1, t + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(top / 64 + 1))));
      starts[i] = static_cast<std::int32_t>(t);
      ends[i] = static_cast<std::int32_t>(std::min(top, t + 1 + static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(top / 16)))));
    }
    CoverageTally one;
    one.run_end_s = static_cast<std::int64_t>(rng.below(static_cast<std::uint64_t>(top)));
    one.gap_count = 2;
    one.max_gap_s = 5;
    CoverageTally batch = one;
    for (std::size_t i = 0; i < n; ++i) one.take(starts[i], ends[i]);
    tally_periods(batch, starts, ends);
    SCOPED_TRACE("trial " + std::to_string(trial) + ", " + std::to_string(n) + " periods");
    EXPECT_EQ(batch.run_end_s, one.run_end_s);
    EXPECT_EQ(batch.gap_count, one.gap_count);
    EXPECT_EQ(batch.gap_s, one.gap_s);
    EXPECT_EQ(batch.max_gap_s, one.max_gap_s);
    EXPECT_EQ(batch.sensor_s, one.sensor_s);
  }
}

TEST(CoverageByCell, BadListsAddNothing) {
  CoverageSorter sorter;
  CoverageByCell by_cell;
  sorter.sort(std::vector<CoverageSeconds>{{0, 0, 10}}, by_cell);
  EXPECT_THROW(sorter.sort(std::vector<CoverageSeconds>{{0, 0, 10}, {1, -1, 10}}, by_cell), std::invalid_argument);
  EXPECT_TRUE(by_cell.empty());
  EXPECT_THROW(sorter.sort(std::vector<CoverageSeconds>{{1, 10, 10}}, by_cell), std::invalid_argument);
  EXPECT_EQ(by_cell.cell_count(), 0U);
  CoverageAccumulator acc(4, 1.0, 2.0);  // 3600 s
  CoverageByCell ok;
  sorter.sort(std::vector<CoverageSeconds>{{3, 5, 3600}, {0, 0, 10}}, ok);
  sorter.sort(std::vector<CoverageSeconds>{{4, 0, 10}}, by_cell);
  EXPECT_THROW(acc.add_replication(ok, by_cell), std::out_of_range);
  sorter.sort(std::vector<CoverageSeconds>{{1, 0, 3601}}, by_cell);
  EXPECT_THROW(acc.add_replication(by_cell), std::invalid_argument);
  EXPECT_EQ(acc.replications(), 0);
  EXPECT_EQ(acc.covered_cells(), 0U);
  // A cell's first start before its current run, in an open replication: the cells before it
  // added, the replication left open.
  acc.add_seconds(std::vector<CoverageSeconds>{{3, 100, 200}});
  sorter.sort(std::vector<CoverageSeconds>{{0, 0, 10}, {3, 50, 60}}, by_cell);
  EXPECT_THROW(acc.add_replication(by_cell), std::invalid_argument);
  EXPECT_TRUE(acc.in_replication());
  acc.finish();
  EXPECT_EQ(acc.covered_seconds(0), 10);
  EXPECT_EQ(acc.covered_seconds(3), 100);
  // Nothing covered: a replication all the same.
  acc.add_replication(CoverageByCell());
  EXPECT_EQ(acc.replications(), 2);
  EXPECT_EQ(acc.gap_count(2), 2);
  acc.add_replication(ok);
  EXPECT_EQ(acc.covered_seconds(3), 100 + 3595);
  EXPECT_EQ(acc.max_gap_seconds(3), 3600);
  EXPECT_EQ(acc.gap_count(0), 3);  // each replication: the gap after [0, 10)
}

// --- hand cases: window [0, 10 h) unless said, one replication ---

struct Expected {
  double covered_h;
  double sensor_h;
  std::int64_t hits;
  std::int64_t gap_count;
  double gap_sum_h;
  double gap_max_h;
};

void expect_hand(const CoverageAccumulator& acc, std::size_t cell, const Expected& e) {
  EXPECT_EQ(acc.covered_seconds(cell), std::llround(e.covered_h * 3600));
  EXPECT_EQ(acc.sensor_seconds(cell), std::llround(e.sensor_h * 3600));
  EXPECT_EQ(acc.hits(cell), e.hits);
  EXPECT_EQ(acc.gap_count(cell), e.gap_count);
  EXPECT_EQ(acc.gap_seconds(cell), std::llround(e.gap_sum_h * 3600));
  EXPECT_EQ(acc.max_gap_seconds(cell), std::llround(e.gap_max_h * 3600));
}

TEST(CoverageHand, OverlappingNestedAndTouching) {
  CoverageAccumulator acc(6, 0.0, 10.0);
  // 0 overlapping: [1,3) u [2,5) = [1,5); gaps [0,1) and [5,10).
  acc.add(0, 1.0, 3.0);
  acc.add(0, 2.0, 5.0);
  // 1 nested: [1,6) holds [2,3); gaps [0,1), [6,10).
  acc.add(1, 1.0, 6.0);
  acc.add(1, 2.0, 3.0);
  // 2 touching across the whole window: no gap at all.
  acc.add(2, 0.0, 2.0);
  acc.add(2, 2.0, 4.0);
  acc.add(2, 4.0, 10.0);
  // 3 touching then a gap: [1,3) and [5,6); gaps [0,1), [3,5), [6,10).
  acc.add(3, 1.0, 2.0);
  acc.add(3, 2.0, 3.0);
  acc.add(3, 5.0, 6.0);
  // 4 never covered: one gap, the window. 5: equal starts, the shorter first; a zero-length
  // interval and one shorter than half a second round to nothing and do not count.
  acc.add(5, 7.0, 7.5);
  acc.add(5, 7.0, 8.0);
  acc.add(5, 8.5, 8.5);
  acc.add(5, 9.0, 9.0 + 0.4 / 3600.0);
  acc.finish();

  expect_hand(acc, 0, {4.0, 5.0, 2, 2, 6.0, 5.0});
  expect_hand(acc, 1, {5.0, 6.0, 2, 2, 5.0, 4.0});
  expect_hand(acc, 2, {10.0, 10.0, 3, 0, 0.0, 0.0});
  expect_hand(acc, 3, {3.0, 3.0, 3, 3, 7.0, 4.0});
  expect_hand(acc, 4, {0.0, 0.0, 0, 1, 10.0, 10.0});
  expect_hand(acc, 5, {1.0, 1.5, 2, 2, 9.0, 7.0});
}

TEST(CoverageHand, ClipsToTheWindow) {
  CoverageAccumulator acc(3, 10.0, 20.0);
  // 0: [2,5) before and [25,30) after the window are ignored; [8,12) straddles the start and
  // leaves [10,12) (no leading gap); [19,23) straddles the end and leaves [19,20).
  acc.add(0, 2.0, 5.0);
  acc.add(0, 8.0, 12.0);
  acc.add(0, 19.0, 23.0);
  acc.add(0, 25.0, 30.0);
  // 1: one interval beyond both ends covers the window.
  acc.add(1, 0.0, 100.0);
  // 2: ends exactly at the window start and starts exactly at its end: nothing.
  acc.add(2, 5.0, 10.0);
  acc.add(2, 20.0, 21.0);
  acc.finish();
  expect_hand(acc, 0, {3.0, 3.0, 2, 1, 7.0, 7.0});
  expect_hand(acc, 1, {10.0, 10.0, 1, 0, 0.0, 0.0});
  expect_hand(acc, 2, {0.0, 0.0, 0, 1, 10.0, 10.0});
}

TEST(CoverageHand, WholeSecondsAreStdLlround) {
  // Halves, the doubles either side of them, and large times, each way.
  std::vector<double> seconds{0.0, 0.5, 1.5, 2.5, 0.49999999999999994, 1e6 + 0.5, 4503599627370495.5, 9.0e15,
                              std::nextafter(0.5, 1.0), std::nextafter(2.5, 0.0), 123456.49999999999};
  RandomStream rng(kSeed, 2, 0, StreamPurpose::kTest);
  for (int k = 0; k < 1000; ++k) seconds.push_back(1e7 * (rng.uniform() - 0.5));
  for (const double s : seconds) {
    for (const double x : {s, -s}) {
      EXPECT_EQ(CoverageAccumulator::to_seconds(x / 3600.0), std::llround(x / 3600.0 * 3600.0)) << x;
    }
  }
}

TEST(CoverageHand, RoundsToWholeSeconds) {
  EXPECT_EQ(CoverageAccumulator::to_seconds(1.0), 3600);
  EXPECT_EQ(CoverageAccumulator::to_seconds(1.25), 4500);
  EXPECT_EQ(CoverageAccumulator::to_seconds(-0.5), -1800);
  EXPECT_EQ(CoverageAccumulator::to_seconds(0.4 / 3600.0), 0);
  EXPECT_EQ(CoverageAccumulator::to_seconds(2.6 / 3600.0), 3);
  EXPECT_EQ(CoverageAccumulator::to_seconds(-2.6 / 3600.0), -3);
  // [1 h + 0.6 s, 1 h + 2.4 s) is [3601 s, 3602 s): one second.
  CoverageAccumulator acc(1, 0.0, 2.0);
  acc.add(0, 1.0 + 0.6 / 3600.0, 1.0 + 2.4 / 3600.0);
  acc.finish();
  EXPECT_EQ(acc.covered_seconds(0), 1);
  // Gaps [0, 3601) and [3602, 7200): 3601 s and 3598 s.
  EXPECT_EQ(acc.gap_count(0), 2);
  EXPECT_EQ(acc.gap_seconds(0), 3601 + 3598);
  EXPECT_EQ(acc.max_gap_seconds(0), 3601);
}

TEST(CoverageHand, StartOrderContract) {
  CoverageAccumulator acc(2, 0.0, 10.0);
  acc.add(0, 5.0, 6.0);
  EXPECT_THROW(acc.add(0, 1.0, 2.0), std::invalid_argument);  // before the run [5,6)
  acc.add(1, 1.0, 2.0);                                        // other cells are independent
  // Cell 1: [1,2) then [4,5) closes the run at 2; a start at 1.5 would need the closed run.
  acc.add(1, 4.0, 5.0);
  EXPECT_THROW(acc.add(1, 1.5, 3.0), std::invalid_argument);
  // A start out of order but inside the current run [4,5) keeps the union exact and is taken.
  acc.add(1, 4.5, 7.0);
  acc.add(1, 4.2, 4.4);
  EXPECT_THROW(acc.add(1, 3.9, 4.1), std::invalid_argument);
  acc.finish();
  // Cell 0: [5,6) only (the rejected interval left no trace). Cell 1: [1,2) u [4,7).
  expect_hand(acc, 0, {1.0, 1.0, 1, 2, 9.0, 5.0});
  expect_hand(acc, 1, {4.0, 1.0 + 1.0 + 2.5 + 0.2, 4, 3, 6.0, 3.0});
}

TEST(CoverageHand, RejectsBadInput) {
  EXPECT_THROW(CoverageAccumulator(1, 5.0, 5.0), std::invalid_argument);
  EXPECT_THROW(CoverageAccumulator(1, 5.0, 4.0), std::invalid_argument);
  EXPECT_THROW(CoverageAccumulator(1, 0.0, 24.0 * 366.0 * 70.0), std::invalid_argument);
  CoverageAccumulator acc(2, 0.0, 10.0);
  EXPECT_THROW(acc.add(2, 1.0, 2.0), std::out_of_range);
  EXPECT_THROW(acc.add(0, 3.0, 2.0), std::invalid_argument);
  EXPECT_THROW(acc.add(0, std::nan(""), 2.0), std::invalid_argument);
  EXPECT_THROW(acc.add(0, 1.0, HUGE_VAL), std::invalid_argument);
  std::vector<CoverageInterval> batch{{0, 1.0, 2.0}, {1, std::nan(""), 2.0}};
  EXPECT_THROW(acc.add_batch(batch), std::invalid_argument);
  const std::vector<std::uint8_t> sea(2, 1);
  EXPECT_THROW((void)acc.maps(sea), std::logic_error);  // no finished replication
  acc.finish();
  EXPECT_THROW((void)acc.maps(std::vector<std::uint8_t>(3, 1)), std::invalid_argument);
}

TEST(CoverageHand, BatchWithABadCellAddsNothing) {
  CoverageAccumulator acc(2, 0.0, 10.0);
  std::vector<CoverageInterval> batch{{0, 1.0, 2.0}, {2, 1.0, 2.0}};
  EXPECT_THROW(acc.add_batch(batch), std::out_of_range);
  EXPECT_FALSE(acc.in_replication());
  EXPECT_EQ(acc.covered_cells(), 0u);
}

// Only cells reached within the window hold a state; the others read as never covered, and a
// cell covered in some replications only has a whole-window gap in each of the others.
TEST(CoverageHand, CellsOutsideEveryIntervalHoldNoState) {
  CoverageAccumulator acc(1000, 0.0, 10.0);
  acc.add(7, 2.0, 3.0);
  acc.add(8, 11.0, 12.0);  // after the window: no state
  acc.finish();
  acc.finish();  // a replication that covers nothing
  EXPECT_EQ(acc.covered_cells(), 1u);
  expect_hand(acc, 7, {1.0, 1.0, 1, 3, 19.0, 10.0});
  expect_hand(acc, 8, {0.0, 0.0, 0, 2, 20.0, 10.0});
  expect_hand(acc, 999, {0.0, 0.0, 0, 2, 20.0, 10.0});
  CoverageAccumulator other(1000, 0.0, 10.0);
  other.add(7, 0.0, 10.0);
  other.finish();
  acc.merge(other);
  expect_hand(acc, 7, {11.0, 11.0, 2, 3, 19.0, 10.0});
  EXPECT_EQ(acc.replications(), 3);
}

// --- merging ---

TEST(CoverageMerge, AnyOrderGivesTheSameIntegersAsOneAccumulator) {
  constexpr std::size_t kCells = 9;
  constexpr std::size_t kReplications = 4;
  const std::int64_t ws = 7200;
  const std::int64_t we = 7200 + 500;
  RandomStream rng(kSeed, 1, 0, StreamPurpose::kTest);
  CoverageAccumulator all(kCells, h(ws), h(we));
  std::vector<CoverageAccumulator> reps;
  std::vector<Truth> truth(kCells);
  for (std::size_t r = 0; r < kReplications; ++r) {
    auto intervals = random_replication(rng, kCells, ws, we);
    std::vector<CoverageInterval> pool;
    for (std::size_t c = 0; c < kCells; ++c) {
      accumulate(truth[c], brute_force(intervals[c], ws, we));
      for (const Secs& iv : intervals[c]) pool.push_back({c, h(iv.start), h(iv.end)});
    }
    std::vector<CoverageInterval> copy = pool;
    all.add_batch(pool);
    all.finish();
    reps.emplace_back(kCells, h(ws), h(we));
    reps.back().add_batch(copy);
    reps.back().finish();
  }
  for (std::size_t c = 0; c < kCells; ++c) expect_matches(all, c, truth[c]);

  std::array<std::size_t, kReplications> order{0, 1, 2, 3};
  int permutations = 0;
  do {
    CoverageAccumulator merged(kCells, h(ws), h(we));
    for (const std::size_t r : order) merged.merge(reps[r]);
    EXPECT_TRUE(merged == all) << "order " << order[0] << order[1] << order[2] << order[3];
    ++permutations;
  } while (std::next_permutation(order.begin(), order.end()));
  EXPECT_EQ(permutations, 24);

  // As a tree, and into a default-constructed accumulator.
  CoverageAccumulator left = reps[2];
  left.merge(reps[0]);
  CoverageAccumulator right = reps[1];
  right.merge(reps[3]);
  CoverageAccumulator tree;
  tree.merge(right);
  tree.merge(left);
  EXPECT_TRUE(tree == all);
  EXPECT_EQ(tree.replications(), 4);
}

TEST(CoverageMerge, SumsAndTakesTheLongestGap) {
  CoverageAccumulator a(1, 0.0, 10.0);
  a.add(0, 1.0, 5.0);  // gaps 1 h and 5 h
  a.finish();
  CoverageAccumulator b(1, 0.0, 10.0);
  b.add(0, 0.0, 2.0);  // [0,2) u [3,3.5): gaps 1 h and 6.5 h
  b.add(0, 3.0, 3.0 + 0.5);
  b.add(0, 3.0, 3.0);
  b.finish();
  a.merge(b);
  EXPECT_EQ(a.replications(), 2);
  expect_hand(a, 0, {6.5, 6.5, 3, 4, 13.5, 6.5});
}

TEST(CoverageMerge, RefusesMismatchOrUnfinished) {
  CoverageAccumulator a(2, 0.0, 10.0);
  EXPECT_THROW(a.merge(CoverageAccumulator(3, 0.0, 10.0)), std::invalid_argument);
  EXPECT_THROW(a.merge(CoverageAccumulator(2, 1.0, 10.0)), std::invalid_argument);
  EXPECT_THROW(a.merge(CoverageAccumulator(2, 0.0, 11.0)), std::invalid_argument);
  CoverageAccumulator b(2, 0.0, 10.0);
  b.add(0, 1.0, 2.0);
  EXPECT_TRUE(b.in_replication());
  EXPECT_THROW(a.merge(b), std::logic_error);
  EXPECT_THROW(b.merge(a), std::logic_error);
  b.finish();
  EXPECT_FALSE(b.in_replication());
  a.merge(b);
  EXPECT_EQ(a.covered_seconds(0), 3600);
}

// --- output maps ---

TEST(CoverageMaps, FromHandNumbersNaNOnLand) {
  // Window [0, 10 h), two replications; cell 0 is land.
  CoverageAccumulator acc(4, 0.0, 10.0);
  // Replication 1.
  acc.add(0, 0.0, 10.0);
  acc.add(1, 1.0, 3.0);  // cell 1: [1,4) u [6,7) = 4 h; gaps 1, 2, 3 h; sensors 2 + 2 + 1 = 5 h
  acc.add(1, 2.0, 4.0);
  acc.add(1, 6.0, 7.0);
  // cell 2: nothing, one gap of 10 h
  acc.add(3, 0.0, 10.0);  // cell 3: two sensors, 10 + 5 h, no gap
  acc.add(3, 0.0, 5.0);
  acc.finish();
  // Replication 2.
  acc.add(1, 0.0, 10.0);  // cell 1: 10 h, no gap
  acc.add(2, 5.0, 10.0);  // cell 2: 5 h, one gap of 5 h
  acc.add(3, 0.0, 5.0);   // cell 3: again 5 + 10 h
  acc.add(3, 0.0, 10.0);
  acc.finish();

  const std::vector<std::uint8_t> sea{0, 1, 1, 1};
  const CoverageMaps m = acc.maps(sea);
  ASSERT_EQ(m.covered_fraction.size(), 4U);
  EXPECT_TRUE(std::isnan(m.covered_fraction[0]));
  EXPECT_TRUE(std::isnan(m.mean_gap_h[0]));
  EXPECT_TRUE(std::isnan(m.max_gap_h[0]));
  EXPECT_TRUE(std::isnan(m.mean_sensors[0]));
  // Cell 1: covered 14 of 20 h; gaps 1 + 2 + 3 = 6 h over 3; longest 3 h; sensors 15 of 20 h.
  EXPECT_FLOAT_EQ(m.covered_fraction[1], 0.7F);
  EXPECT_FLOAT_EQ(m.mean_gap_h[1], 2.0F);
  EXPECT_FLOAT_EQ(m.max_gap_h[1], 3.0F);
  EXPECT_FLOAT_EQ(m.mean_sensors[1], 0.75F);
  // Cell 2: covered 5 of 20 h; gaps 10 + 5 h over 2; longest 10 h.
  EXPECT_FLOAT_EQ(m.covered_fraction[2], 0.25F);
  EXPECT_FLOAT_EQ(m.mean_gap_h[2], 7.5F);
  EXPECT_FLOAT_EQ(m.max_gap_h[2], 10.0F);
  EXPECT_FLOAT_EQ(m.mean_sensors[2], 0.25F);
  // Cell 3: always covered, 1.5 sensors on average, no gap (mean and longest 0).
  EXPECT_FLOAT_EQ(m.covered_fraction[3], 1.0F);
  EXPECT_FLOAT_EQ(m.mean_gap_h[3], 0.0F);
  EXPECT_FLOAT_EQ(m.max_gap_h[3], 0.0F);
  EXPECT_FLOAT_EQ(m.mean_sensors[3], 1.5F);
}

}  // namespace
}  // namespace mdasim

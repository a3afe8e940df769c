// The ISR targets by grid cell (metrics/target_maps.hpp): hand-counted targets, detections and
// times to detection per cell, exact merges, NaN where nothing is known.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "metrics/target_maps.hpp"

namespace mdasim {
namespace {

TargetRecord record(GeoPoint at, double appear_h, double detected_h) {
  TargetRecord r;
  r.appear_position = at;
  r.appear_h = appear_h;
  r.detected = !std::isnan(detected_h);
  r.detected_h = detected_h;
  return r;
}

TEST(TargetMaps, CountsDetectionsAndTimesPerCell) {
  const Grid grid(100.0, 0.0, 103.0, 2.0, 1.0);  // 3 x 2 cells of 1 degree from (100, 0)
  const std::vector<std::uint8_t> sea{1, 1, 1, 1, 1, 0};
  const double never = TargetRecord::kNever;
  // Cell (0, 0): three targets, two seen after 1 h and 2.5 h. Cell (1, 1): one, never seen.
  // One outside the grid: not counted.
  const std::vector<TargetRecord> one{record({100.5, 0.5}, 10.0, 11.0), record({100.2, 0.9}, 20.0, 22.5),
                                      record({100.7, 0.1}, 30.0, never), record({101.5, 1.5}, 5.0, never),
                                      record({150.0, 0.5}, 5.0, 6.0)};
  const std::vector<TargetRecord> two{record({100.5, 0.5}, 10.0, 10.5)};
  TargetMapAccumulator a(grid.size());
  a.add_replication(grid, one);
  TargetMapAccumulator b(grid.size());
  b.add_replication(grid, two);
  TargetMapAccumulator ab;
  ab.merge(a);
  ab.merge(b);
  TargetMapAccumulator ba;
  ba.merge(b);
  ba.merge(a);
  EXPECT_EQ(ab, ba);
  EXPECT_EQ(ab.replications(), 2);
  const std::size_t c00 = grid.index(0, 0);
  EXPECT_EQ(ab.appeared(c00), 4);
  EXPECT_EQ(ab.detected(c00), 3);
  EXPECT_EQ(ab.detect_seconds(c00), 3600 + 9000 + 1800);
  const TargetMaps m = ab.maps(sea);
  EXPECT_FLOAT_EQ(m.targets_per_replication[c00], 2.0F);
  EXPECT_FLOAT_EQ(m.detected_fraction[c00], 0.75F);
  EXPECT_FLOAT_EQ(m.mean_time_to_detect_h[c00], static_cast<float>((1.0 + 2.5 + 0.5) / 3.0));
  const std::size_t c11 = grid.index(1, 1);
  EXPECT_FLOAT_EQ(m.detected_fraction[c11], 0.0F);
  EXPECT_TRUE(std::isnan(m.mean_time_to_detect_h[c11]));  // none detected
  const std::size_t c01 = grid.index(0, 1);
  EXPECT_FLOAT_EQ(m.targets_per_replication[c01], 0.0F);
  EXPECT_TRUE(std::isnan(m.detected_fraction[c01]));  // none appeared
  EXPECT_TRUE(std::isnan(m.targets_per_replication[grid.index(1, 2)]));  // land
}

TEST(TargetMaps, RefusesWhatItCannotMean) {
  TargetMapAccumulator empty(4);
  const std::vector<std::uint8_t> sea(4, 1);
  EXPECT_THROW((void)empty.maps(sea), std::logic_error);
  TargetMapAccumulator other(5);
  EXPECT_THROW(empty.merge(other), std::invalid_argument);
}

}  // namespace
}  // namespace mdasim

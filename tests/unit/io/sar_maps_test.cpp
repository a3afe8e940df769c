// The SAR map layers: observed response and incident counts per cell from hand-made records,
// and the analytic layers passed through unchanged.
#include <gtest/gtest.h>

#include <cmath>

#include "io/sar_maps.hpp"
#include "model/response_field.hpp"
#include "../model/small_world.hpp"

namespace mdasim {
namespace {

IncidentRecord reached(GeoPoint p, double alerted_h, double response_h) {
  IncidentRecord r;
  r.position = p;
  r.alerted_h = alerted_h;
  r.on_scene_h = alerted_h + response_h;
  return r;
}

TEST(SarMaps, ObservedResponseAndCountsPerCell) {
  const auto& world = test::small_world();
  const SarSetup setup(world.scenario, world.geography);
  // Two replications: in the cell of (101.05, 2.05) responses of 2 h and 4 h, then 6 h and one
  // incident never reached; one incident elsewhere.
  std::vector<SarReplicationResult> results(2);
  results[0].incidents = {reached({101.04, 2.06}, 10.0, 2.0), reached({101.06, 2.04}, 20.0, 4.0),
                          reached({102.55, 1.05}, 30.0, 3.0)};
  results[1].incidents = {reached({101.05, 2.05}, 10.0, 6.0)};
  IncidentRecord never;
  never.position = {101.01, 2.01};
  never.alerted_h = 40.0;
  results[1].incidents.push_back(never);

  SarRunTotals totals(world.scenario, setup.units().size(), world.geography.grid());
  for (const SarReplicationResult& r : results) totals.add(r);
  const auto layers = sar_map_layers(setup, totals);
  ASSERT_EQ(layers.size(), 4u);
  EXPECT_EQ(layers[2].name, "observed_response_h");
  EXPECT_EQ(layers[3].name, "incidents_per_replication");
  const Grid& grid = world.geography.grid();
  const std::size_t cell = grid.index(20, 10);
  EXPECT_FLOAT_EQ(layers[2].values[cell], 4.0f);   // (2 + 4 + 6) / 3
  EXPECT_FLOAT_EQ(layers[3].values[cell], 2.0f);   // 4 incidents over 2 replications
  const std::size_t other = grid.index(10, 25);
  EXPECT_FLOAT_EQ(layers[2].values[other], 3.0f);
  EXPECT_FLOAT_EQ(layers[3].values[other], 0.5f);
  const std::size_t empty = grid.index(30, 20);  // at sea, no incident
  EXPECT_TRUE(std::isnan(layers[2].values[empty]));
  EXPECT_FLOAT_EQ(layers[3].values[empty], 0.0f);
  const std::size_t land = grid.index(20, 2);
  EXPECT_TRUE(std::isnan(layers[3].values[land]));

  // The analytic layers are the response field for the class's 1 h minimum search.
  const ResponseField field = analytic_response_field(setup, {kNoIndex, 1.0, 1});
  EXPECT_EQ(layers[0].values[cell], field.expected_response_h[cell]);
  EXPECT_EQ(layers[1].values[cell], field.p_none[cell]);
}

}  // namespace
}  // namespace mdasim

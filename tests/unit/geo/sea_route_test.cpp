// Routes over water: by hand on synthetic islands (lengths add up, never below the geodesic, the
// same both ways between ports), and on the baseline the same distance as the simulation gives
// its vessels (SarSetup::sea_distance_nm), and Manila to Cebu by the passage through the
// Philippine islands rather than round Samar.
#include "geo/sea_route.hpp"

#include <cmath>
#include <cstdint>
#include <numeric>

#include <gtest/gtest.h>

#include "baseline_geography.hpp"
#include "geo/geodesy.hpp"
#include "model/sar_setup.hpp"
#include "synthetic_sea.hpp"

namespace mdasim {
namespace {

TEST(SeaRoute, LegsAddUpAndTheRouteGoesRoundAnIsland) {
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 0.5, 101.6, 2.5}});
  const GeoPoint a{100.5, 1.5};
  const GeoPoint b{102.1, 1.5};
  const SeaDistanceField field = sea_field_from(w.sea, a);
  const auto r = sea_route(w.sea, field, a, b);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->path.front().lon_deg, a.lon_deg);
  EXPECT_EQ(r->path.back().lon_deg, b.lon_deg);
  ASSERT_EQ(r->leg_nm.size() + 1, r->path.size());
  EXPECT_NEAR(std::accumulate(r->leg_nm.begin(), r->leg_nm.end(), 0.0), r->length_nm, 1e-9);
  // Round the island's end (1 degree from the straight line at 1.5 N): well over the geodesic.
  EXPECT_GT(r->length_nm, 1.25 * geodesic_nm(a, b));
  // Every point of the path but the ends is a sea cell's centre, out of the island.
  for (std::size_t i = 1; i + 1 < r->path.size(); ++i) EXPECT_FALSE(w.land.contains(r->path[i]));
  // In open water the grid's 16 moves are within 2.75% of the geodesic.
  const GeoPoint c{100.5, 0.2};
  const auto open = sea_route(w.sea, field, a, c);
  ASSERT_TRUE(open.has_value());
  EXPECT_GE(open->length_nm, geodesic_nm(a, c) * 0.995);
  EXPECT_LE(open->length_nm, geodesic_nm(a, c) * 1.0275 + 0.1 * 60.0);
}

TEST(SeaRoute, BetweenPortsInLandCellsTheSameBothWays) {
  const test::SyntheticSea w = test::synthetic_sea({{100.3, 0.3, 100.7, 0.7}, {102.2, 2.2, 102.6, 2.6}});
  const GeoPoint a{100.45, 0.45};
  const GeoPoint b{102.35, 2.35};
  ASSERT_TRUE(w.land.contains(a) && w.land.contains(b));
  const auto ab = sea_route(w.sea, sea_field_from(w.sea, a), a, b);
  const auto ba = sea_route(w.sea, sea_field_from(w.sea, b), b, a);
  ASSERT_TRUE(ab && ba);
  EXPECT_NEAR(ab->length_nm, ba->length_nm, 1e-9 * ab->length_nm);
}

TEST(SeaRoute, ClosedWaterIsNotReached) {
  // A ring of land round a lagoon.
  const test::SyntheticSea w = test::synthetic_sea({{101.0, 1.0, 102.0, 1.2}, {101.0, 1.8, 102.0, 2.0},
                                                   {101.0, 1.2, 101.2, 1.8}, {101.8, 1.2, 102.0, 1.8}});
  const GeoPoint lagoon{101.5, 1.5};
  const GeoPoint out{100.5, 0.5};
  EXPECT_FALSE(sea_route(w.sea, sea_field_from(w.sea, out), out, lagoon).has_value());
}

// Points in sea cells of the baseline, drawn deterministically.
std::vector<GeoPoint> sea_cell_points(const Geography& g, std::size_t n) {
  std::vector<GeoPoint> out;
  std::uint64_t s = 2718281828u;
  auto next = [&] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  };
  while (out.size() < n) {
    const GeoPoint p{90.0 + 45.0 * next(), -12.0 + 37.0 * next()};
    const auto cell = g.grid().cell_of(p);
    if (cell && g.sea.is_sea(*cell) && !g.is_land(p)) out.push_back(p);
  }
  return out;
}

TEST(SeaRoute, IsTheDistanceTheSimulationGivesItsVessels) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const SarSetup setup(b->scenario, b->geography);
  const std::vector<GeoPoint> points = sea_cell_points(b->geography, 40);
  std::vector<bool> seen(setup.sea_fields().size(), false);
  std::size_t compared = 0;
  for (const SarUnit& unit : setup.units()) {
    if (!unit.surface || seen[static_cast<std::size_t>(unit.sea_field)]) continue;
    seen[static_cast<std::size_t>(unit.sea_field)] = true;
    const SeaDistanceField field = sea_field_from(b->geography.sea, unit.base_position);
    for (const GeoPoint& p : points) {
      const double simulated = setup.sea_distance_nm(unit, p);
      const auto r = sea_route(b->geography.sea, field, unit.base_position, p);
      if (!std::isfinite(simulated)) {
        EXPECT_FALSE(r.has_value());
        continue;
      }
      ASSERT_TRUE(r.has_value());
      // The simulation keeps its fields in single precision.
      EXPECT_NEAR(r->length_nm, simulated, 1e-6 * simulated + 1e-4) << unit.name << " to " << p.lon_deg << "," << p.lat_deg;
      ++compared;
    }
  }
  EXPECT_GT(compared, 100u);
}

TEST(SeaRoute, ManilaToCebuThroughTheIslands) {
  const auto* b = test::baseline_geography();
  ASSERT_NE(b, nullptr);
  const Geography& g = b->geography;
  // From Manila Bay (at sea) to off Cebu: the lanes went round Samar (741 nm); the passage
  // through the islands is about 400 nm.
  const GeoPoint bay{120.75, 14.5};
  const GeoPoint cebu{123.95, 10.3};
  const auto r = sea_route(g.sea, sea_field_from(g.sea, bay), bay, cebu);
  ASSERT_TRUE(r.has_value());
  EXPECT_GE(r->length_nm, geodesic_nm(bay, cebu));
  EXPECT_LT(r->length_nm, 420.0);
  // Port to port (Port of Manila, Wikipedia; Cebu, GlobalSecurity.org port guide): the Manila
  // South Harbor distance table gives Cebu City 392 nm.
  const GeoPoint manila{120.95444, 14.59667};
  const GeoPoint cebu_port{123.91667, 10.33333};
  const auto ports = sea_route(g.sea, sea_field_from(g.sea, manila), manila, cebu_port);
  ASSERT_TRUE(ports.has_value());
  EXPECT_NEAR(ports->length_nm, 392.0, 0.1 * 392.0);
}

}  // namespace
}  // namespace mdasim

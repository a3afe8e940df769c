// The grid-indexed point-in-polygon test agrees exactly with a brute-force even-odd test over
// all polygons, on synthetic shapes (holes, islands in holes, shared edges, points near edges)
// and on the shipped Natural Earth land.
#include "geo/polygon_index.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#include <gtest/gtest.h>

#include "geo/geojson.hpp"
#include "../scenario/test_paths.hpp"

namespace mdasim {
namespace {

// Even-odd over every polygon; `boxes` (west, south, east, north per polygon) only skip
// polygons that cannot hold p.
using Box = std::array<double, 4>;
std::vector<Box> bounding_boxes(const std::vector<PolygonRings>& polygons) {
  std::vector<Box> out;
  for (const PolygonRings& poly : polygons) {
    Box b{1e9, 1e9, -1e9, -1e9};
    for (const GeoPoint& q : poly[0]) {
      b = {std::min(b[0], q.lon_deg), std::min(b[1], q.lat_deg), std::max(b[2], q.lon_deg), std::max(b[3], q.lat_deg)};
    }
    out.push_back(b);
  }
  return out;
}

int brute_force(const std::vector<PolygonRings>& polygons, const std::vector<Box>& boxes, const GeoPoint& p) {
  for (std::size_t id = 0; id < polygons.size(); ++id) {
    const Box& b = boxes[id];
    if (p.lon_deg < b[0] || p.lon_deg > b[2] || p.lat_deg < b[1] || p.lat_deg > b[3]) continue;
    bool inside = false;
    for (const auto& ring : polygons[id]) {
      for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint& a = ring[i];
        const GeoPoint& c = ring[j];
        if ((a.lat_deg > p.lat_deg) != (c.lat_deg > p.lat_deg) &&
            p.lon_deg < (c.lon_deg - a.lon_deg) * (p.lat_deg - a.lat_deg) / (c.lat_deg - a.lat_deg) + a.lon_deg) {
          inside = !inside;
        }
      }
    }
    if (inside) return static_cast<int>(id);
  }
  return -1;
}

class SplitMix {
 public:
  explicit SplitMix(std::uint64_t s) : s_(s) {}
  double uniform(double lo, double hi) {
    std::uint64_t z = (s_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    return lo + (hi - lo) * static_cast<double>(z >> 11) / 9007199254740992.0;
  }

 private:
  std::uint64_t s_;
};

TEST(PolygonIndex, SquareWithHoleAndIslandInTheHole) {
  const std::vector<PolygonRings> polygons{
      {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{3, 3}, {3, 7}, {7, 7}, {7, 3}}},  // square with a hole
      {{{4, 4}, {6, 4}, {6, 6}, {4, 6}}},                                         // island in the hole
      {{{12, 0}, {14, 1}, {13, 5}}},                                              // a triangle
  };
  const PolygonIndex index(polygons, 0.7);
  EXPECT_EQ(index.locate({1, 1}), 0);
  EXPECT_EQ(index.locate({3.5, 3.5}), -1);  // in the hole
  EXPECT_EQ(index.locate({5, 5}), 1);       // on the island
  EXPECT_EQ(index.locate({13, 2}), 2);
  EXPECT_EQ(index.locate({11, 5}), -1);
  EXPECT_EQ(index.locate({-50, 5}), -1);  // outside the indexed box
  SplitMix rng(7);
  for (int i = 0; i < 20000; ++i) {
    const GeoPoint p{rng.uniform(-1, 15), rng.uniform(-1, 11)};
    ASSERT_EQ(index.locate(p), brute_force(polygons, bounding_boxes(polygons), p)) << p.lon_deg << ", " << p.lat_deg;
  }
}

TEST(PolygonIndex, AgreesWithBruteForceOnNaturalEarthLand) {
  Diagnostics d;
  const auto land = read_polygon_layer(test::source_path("scenarios/data/land-10m.geojson"), d);
  ASSERT_TRUE(land.has_value());
  const PolygonIndex index(land->polygons, 0.05);
  const std::vector<Box> boxes = bounding_boxes(land->polygons);
  SplitMix rng(20261125);
  int on_land = 0;
  // Uniform points over the region, and points packed around the Singapore Strait and the
  // Philippine archipelago where most queries take the exact path near a coast.
  const double areas[][4] = {{90, -12, 135, 25}, {103.3, 0.8, 104.6, 1.7}, {119.5, 9.0, 124.5, 13.5}};
  for (const auto& b : areas) {
    for (int i = 0; i < 3000; ++i) {
      const GeoPoint p{rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])};
      const int expected = brute_force(land->polygons, boxes, p);
      ASSERT_EQ(index.locate(p), expected) << p.lon_deg << ", " << p.lat_deg;
      on_land += expected >= 0 ? 1 : 0;
    }
  }
  EXPECT_GT(on_land, 1000);  // the comparison covers both answers
}

}  // namespace
}  // namespace mdasim

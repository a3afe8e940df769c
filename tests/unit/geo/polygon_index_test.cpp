// The grid-indexed point-in-polygon test agrees exactly with a brute-force even-odd test over
// all polygons, on synthetic shapes (holes, islands in holes, shared edges, points near edges)
// and on the shipped Natural Earth land.
#include "geo/polygon_index.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>

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

// The shipped Natural Earth land, indexed at 0.05 degree as the geography does, loaded once.
struct IndexedLand {
  std::vector<PolygonRings> polygons;
  PolygonIndex index;
  std::vector<Box> boxes;
};
const IndexedLand& natural_earth_land() {
  static const IndexedLand land = [] {
    Diagnostics d;
    auto layer = read_polygon_layer(test::source_path("scenarios/data/land-10m.geojson"), d);
    EXPECT_TRUE(layer.has_value());
    IndexedLand out;
    if (layer) out.polygons = std::move(layer->polygons);
    out.index = PolygonIndex(out.polygons, 0.05);
    out.boxes = bounding_boxes(out.polygons);
    return out;
  }();
  return land;
}

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
  const IndexedLand& land = natural_earth_land();
  const PolygonIndex& index = land.index;
  const std::vector<Box>& boxes = land.boxes;
  SplitMix rng(20261125);
  int on_land = 0;
  // Uniform points over the region, and points packed around the Singapore Strait and the
  // Philippine archipelago where most queries take the exact path near a coast.
  const double areas[][4] = {{90, -12, 135, 25}, {103.3, 0.8, 104.6, 1.7}, {119.5, 9.0, 124.5, 13.5}};
  for (const auto& b : areas) {
    for (int i = 0; i < 3000; ++i) {
      const GeoPoint p{rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])};
      const int expected = brute_force(land.polygons, boxes, p);
      ASSERT_EQ(index.locate(p), expected) << p.lon_deg << ", " << p.lat_deg;
      on_land += expected >= 0 ? 1 : 0;
    }
  }
  EXPECT_GT(on_land, 1000);  // the comparison covers both answers
}

TEST(PolygonIndex, ClearanceIsTheChebyshevDistanceToTheNearestCellWithLand) {
  // Two small islands. With the one-cell margin the grid starts at (-0.7, -0.7) plus the nudge,
  // so each island's west and south edges lie just inside the cells west and south of the rest:
  // the first touches cells (rows, cols) 0-1 x 0-1, the second 10-11 x 10-11, of 13 x 13.
  const std::vector<PolygonRings> polygons{
      {{{0.3, 0.3}, {0.6, 0.3}, {0.6, 0.6}, {0.3, 0.6}}},
      {{{10.3, 10.3}, {10.6, 10.3}, {10.6, 10.6}, {10.3, 10.6}}},
  };
  const PolygonIndex index(polygons, 1.0);
  const Grid& g = index.grid();
  ASSERT_EQ(g.cols(), 13);
  ASSERT_EQ(g.rows(), 13);
  EXPECT_EQ(index.clearance(g.index(0, 0)), 0);
  EXPECT_EQ(index.clearance(g.index(1, 1)), 0);
  EXPECT_EQ(index.clearance(g.index(11, 10)), 0);
  EXPECT_EQ(index.clearance(g.index(2, 2)), 1);
  EXPECT_EQ(index.clearance(g.index(6, 6)), 4);   // 5 from the first island, 4 from the second
  EXPECT_EQ(index.clearance(g.index(1, 12)), 9);  // max(9, 1) from the second, 11 from the first
  EXPECT_EQ(index.clearance(g.index(4, 2)), 3);
  EXPECT_EQ(index.clearance(g.index(12, 0)), 10);
  // From the centre of cell (6, 6): 3 cells away is known clear, 4 (the second island's cell
  // on the diagonal) is not, nor is anything from a cell with land or from outside the grid.
  const GeoPoint centre = g.center(g.index(6, 6));
  EXPECT_TRUE(index.segment_clear(centre, {centre.lon_deg + 3.0, centre.lat_deg - 3.0}));
  EXPECT_TRUE(index.segment_clear(centre, {centre.lon_deg - 3.4, centre.lat_deg}));
  EXPECT_FALSE(index.segment_clear(centre, {centre.lon_deg + 4.0, centre.lat_deg + 4.0}));
  EXPECT_FALSE(index.segment_clear(centre, {centre.lon_deg, centre.lat_deg - 4.0}));
  EXPECT_FALSE(index.segment_clear({0.1, 0.1}, {0.2, 0.1}));    // from the first island's cell
  EXPECT_FALSE(index.segment_clear({-30.0, 5.0}, {-30.0, 5.1}));  // outside the index
}

TEST(PolygonIndex, SegmentsKnownClearMissTheNaturalEarthLand) {
  const IndexedLand& land = natural_earth_land();
  const PolygonIndex& index = land.index;
  const std::vector<Box>& boxes = land.boxes;
  SplitMix rng(20261130);
  int clear = 0;
  int near_land = 0;
  // Segments up to 0.3 degree long around the Riau and Lingga islands and over the open
  // South China Sea; every one said clear has none of 32 points along it on land.
  const double areas[][4] = {{103.0, -1.0, 105.5, 1.5}, {110.0, 8.0, 116.0, 14.0}};
  for (const auto& b : areas) {
    for (int i = 0; i < 1500; ++i) {
      const GeoPoint a{rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])};
      const GeoPoint e{a.lon_deg + rng.uniform(-0.3, 0.3), a.lat_deg + rng.uniform(-0.3, 0.3)};
      if (!index.segment_clear(a, e)) {
        ++near_land;
        continue;
      }
      ++clear;
      for (int k = 0; k <= 32; ++k) {
        const double f = k / 32.0;
        const GeoPoint p{a.lon_deg + f * (e.lon_deg - a.lon_deg), a.lat_deg + f * (e.lat_deg - a.lat_deg)};
        ASSERT_EQ(brute_force(land.polygons, boxes, p), -1) << a.lon_deg << ", " << a.lat_deg;
      }
    }
  }
  EXPECT_GT(clear, 800);      // the open sea is mostly known clear
  EXPECT_GT(near_land, 800);  // and the archipelago mostly not
}

// Does segment p-q meet any edge of any polygon, or start inside one? By brute force.
bool brute_force_touches(const std::vector<PolygonRings>& polygons, const std::vector<Box>& boxes, const GeoPoint& p,
                         const GeoPoint& q) {
  if (brute_force(polygons, boxes, p) >= 0) return true;
  const auto orient = [](const GeoPoint& a, const GeoPoint& b, const GeoPoint& c) {
    return (b.lon_deg - a.lon_deg) * (c.lat_deg - a.lat_deg) - (b.lat_deg - a.lat_deg) * (c.lon_deg - a.lon_deg);
  };
  for (std::size_t id = 0; id < polygons.size(); ++id) {
    const Box& b = boxes[id];
    if (std::max(p.lon_deg, q.lon_deg) < b[0] || std::min(p.lon_deg, q.lon_deg) > b[2] ||
        std::max(p.lat_deg, q.lat_deg) < b[1] || std::min(p.lat_deg, q.lat_deg) > b[3]) {
      continue;
    }
    for (const auto& ring : polygons[id]) {
      for (std::size_t i = 0; i < ring.size(); ++i) {
        const GeoPoint& a = ring[i];
        const GeoPoint& c = ring[(i + 1) % ring.size()];
        const double d1 = orient(a, c, p);
        const double d2 = orient(a, c, q);
        const double d3 = orient(p, q, a);
        const double d4 = orient(p, q, c);
        if (((d1 < 0) != (d2 < 0) || d1 == 0 || d2 == 0) && ((d3 < 0) != (d4 < 0) || d3 == 0 || d4 == 0)) return true;
      }
    }
  }
  return false;
}

TEST(PolygonIndex, TouchesSegmentAgreesWithBruteForceOnNaturalEarthLand) {
  const IndexedLand& land = natural_earth_land();
  const PolygonIndex& index = land.index;
  const std::vector<Box>& boxes = land.boxes;
  SplitMix rng(30112026);
  int touching = 0;
  int clear = 0;
  // Segments up to 0.4 degree long among the Riau and Lingga islands, the Singapore Strait and
  // the Philippine archipelago, where they often clip a coast.
  const double areas[][4] = {{103.3, 0.8, 104.6, 1.7}, {103.0, -1.0, 105.5, 1.5}, {119.5, 9.0, 124.5, 13.5}};
  for (const auto& b : areas) {
    for (int i = 0; i < 700; ++i) {
      const GeoPoint p{rng.uniform(b[0], b[2]), rng.uniform(b[1], b[3])};
      const GeoPoint q{p.lon_deg + rng.uniform(-0.4, 0.4), p.lat_deg + rng.uniform(-0.4, 0.4)};
      const bool expected = brute_force_touches(land.polygons, boxes, p, q);
      ASSERT_EQ(index.touches_segment(p, q), expected) << p.lon_deg << ", " << p.lat_deg << " to " << q.lon_deg << ", " << q.lat_deg;
      (expected ? touching : clear) += 1;
      // The first touch: none when there is none; else land a hair beyond it (or at it), sea
      // just before it.
      const std::optional<double> first = index.first_touch(p, q);
      ASSERT_EQ(first.has_value(), expected);
      if (!first || *first == 0.0) continue;
      const auto at = [&](double f) { return GeoPoint{p.lon_deg + f * (q.lon_deg - p.lon_deg), p.lat_deg + f * (q.lat_deg - p.lat_deg)}; };
      EXPECT_EQ(brute_force(land.polygons, boxes, at(*first - 1e-7)), -1);
      EXPECT_TRUE(brute_force_touches(land.polygons, boxes, p, at(std::min(1.0, *first + 1e-7))));
    }
  }
  EXPECT_GT(touching, 300);  // both answers are compared
  EXPECT_GT(clear, 300);
  // A segment from an island's interior to the open sea, and one wholly inside land.
  EXPECT_TRUE(index.touches_segment({103.9, 1.35}, {104.5, 1.0}));  // from Singapore island
  EXPECT_TRUE(index.touches_segment({101.0, 4.0}, {101.2, 4.1}));   // within the Malay Peninsula
}

}  // namespace
}  // namespace mdasim

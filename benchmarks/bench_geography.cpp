// Cost of the geography layer on the shipped ASEAN baseline: point-in-land queries, over-water
// distance fields from the ports, lane routes, building the geography itself, and the geodesic
// direct problem (exact, along one geodesic, and for short legs).
// Results and the command that produced them: benchmarks/README.md.
#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <GeographicLib/Geodesic.hpp>

#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
#include "geo/lane_route.hpp"
#include "geo/sea_distance.hpp"
#include "scenario/load.hpp"
#include "baseline_scenario.hpp"
#include "process_usage.hpp"

namespace {

// SplitMix64 (Steele, Lea and Flood 2014): a tiny deterministic generator, so the query points
// are the same on every machine and standard library.
class SplitMix64 {
 public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // Uniform in [0, 1), from the top 53 bits.
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  double uniform(double lo, double hi) { return lo + (hi - lo) * unit(); }

 private:
  std::uint64_t state_;
};

struct Box {
  double lon_min, lat_min, lon_max, lat_max;
};

std::vector<mdasim::GeoPoint> random_points(const Box& box, std::size_t n, std::uint64_t seed) {
  SplitMix64 rng(seed);
  std::vector<mdasim::GeoPoint> points(n);
  for (mdasim::GeoPoint& p : points) {
    p.lon_deg = rng.uniform(box.lon_min, box.lon_max);
    p.lat_deg = rng.uniform(box.lat_min, box.lat_max);
  }
  return points;
}

using mdasim::bench::baseline;
using mdasim::bench::peak_rss_kb;

// The baseline's geography with the grid at `cell_deg`, built once per process and kept.
const mdasim::Geography* geography(double cell_deg) {
  static std::map<double, std::unique_ptr<mdasim::Geography>> cache;
  auto it = cache.find(cell_deg);
  if (it == cache.end()) {
    mdasim::Scenario s = baseline();
    s.region.cell_deg = cell_deg;
    mdasim::Diagnostics diagnostics;
    std::optional<mdasim::Geography> geo = mdasim::build_geography(s, diagnostics);
    if (!geo) {
      diagnostics.print(std::cerr);
      cache.emplace(cell_deg, nullptr);
      return nullptr;
    }
    it = cache.emplace(cell_deg, std::make_unique<mdasim::Geography>(std::move(*geo))).first;
  }
  return it->second.get();
}

Box region_box() {
  const mdasim::Region& r = baseline().region;
  return {r.lon_min_deg, r.lat_min_deg, r.lon_max_deg, r.lat_max_deg};
}

// 1. Point-in-land queries over a fixed set of points in `box`.
constexpr std::size_t kQueryPoints = std::size_t{1} << 16;

void BM_PointInLand(benchmark::State& state, Box box) {
  const mdasim::Geography* geo = geography(baseline().region.cell_deg);
  if (geo == nullptr) {
    state.SkipWithError("the baseline's geography failed to build");
    return;
  }
  const std::vector<mdasim::GeoPoint> points = random_points(box, kQueryPoints, 0x6D646173696DULL);
  // How many points are on land, and how many fall in an index cell with edges (the exact test).
  std::size_t on_land = 0;
  std::size_t exact = 0;
  std::size_t exact_edges = 0;  // edges tested by the exact-path queries
  for (const mdasim::GeoPoint& p : points) {
    on_land += geo->land.contains(p) ? 1U : 0U;
    if (const auto cell = geo->land.grid().cell_of(p)) {
      const auto n = geo->land.cell_edges_end(*cell) - geo->land.cell_edges_begin(*cell);
      exact += n > 0 ? 1U : 0U;
      exact_edges += static_cast<std::size_t>(n);
    }
  }
  for (auto _ : state) {
    std::size_t hits = 0;
    for (const mdasim::GeoPoint& p : points) hits += geo->land.contains(p) ? 1U : 0U;
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(points.size()));
  const double n = static_cast<double>(points.size());
  state.counters["land_frac"] = static_cast<double>(on_land) / n;
  state.counters["exact_frac"] = static_cast<double>(exact) / n;
  state.counters["edges_per_exact"] = exact > 0 ? static_cast<double>(exact_edges) / static_cast<double>(exact) : 0.0;
  state.counters["index_cells"] = static_cast<double>(geo->land.grid().size());
}
BENCHMARK_CAPTURE(BM_PointInLand, region, region_box());
// Near coasts most queries land in index cells that hold edges, so they take the exact test.
BENCHMARK_CAPTURE(BM_PointInLand, singapore_strait, Box{103.5, 1.0, 104.5, 1.5});
BENCHMARK_CAPTURE(BM_PointInLand, philippines, Box{117.0, 5.0, 127.0, 19.0});

// 2. The over-water distance field over the whole region from all the scenario's ports.
void BM_SeaDistanceField(benchmark::State& state, double cell_deg) {
  const mdasim::Geography* geo = geography(cell_deg);
  if (geo == nullptr) {
    state.SkipWithError("the baseline's geography failed to build at this cell size");
    return;
  }
  const double rss_after_build = peak_rss_kb();
  std::vector<mdasim::SeaSource> sources;
  for (const mdasim::Base& b : baseline().bases) {
    if (b.kind == mdasim::BaseKind::kPort) sources.push_back({b.position});
  }
  std::size_t field_bytes = 0;
  std::size_t unreachable_count = 0;
  for (auto _ : state) {
    std::vector<std::size_t> unreachable;
    mdasim::SeaDistanceField field = mdasim::sea_distance_field(geo->sea, sources, &unreachable);
    benchmark::DoNotOptimize(field.distance_nm.data());
    field_bytes = field.distance_nm.capacity() * sizeof(double) + field.nearest_source.capacity() * sizeof(int);
    unreachable_count = unreachable.size();
  }
  state.counters["grid_cells"] = static_cast<double>(geo->grid().size());
  state.counters["sea_cells"] = static_cast<double>(geo->sea.sea_cell_count());
  state.counters["ports"] = static_cast<double>(sources.size());
  state.counters["ports_unreached"] = static_cast<double>(unreachable_count);
  state.counters["field_bytes"] = benchmark::Counter(static_cast<double>(field_bytes), benchmark::Counter::kDefaults,
                                                     benchmark::Counter::kIs1024);
  // Process-wide and never decreasing: includes everything built before (other geographies).
  state.counters["peak_rss_kB"] = rss_after_build;
}
BENCHMARK_CAPTURE(BM_SeaDistanceField, cell_0.1deg, 0.1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_SeaDistanceField, cell_0.05deg, 0.05)->Unit(benchmark::kMillisecond);

// 3. Lane routes (LaneRouter: over-water access legs, joins between parts) between random pairs
// of sea points whose route exists (decided here, untimed).
constexpr std::size_t kRoutePairs = 128;

void BM_LaneRoute(benchmark::State& state) {
  const mdasim::Geography* geo = geography(baseline().region.cell_deg);
  if (geo == nullptr) {
    state.SkipWithError("the baseline's geography failed to build");
    return;
  }
  const Box box = region_box();
  const mdasim::LaneRouter router(geo->lanes, geo->sea, geo->land);  // the joins, once, untimed
  SplitMix64 rng(0x726F757465ULL);
  auto sea_point = [&] {
    for (;;) {
      const mdasim::GeoPoint p{rng.uniform(box.lon_min, box.lon_max), rng.uniform(box.lat_min, box.lat_max)};
      if (!geo->land.contains(p)) return p;
    }
  };
  std::vector<std::pair<mdasim::GeoPoint, mdasim::GeoPoint>> pairs;
  std::size_t rejected = 0;
  double total_nm = 0.0;
  while (pairs.size() < kRoutePairs && rejected < 100 * kRoutePairs) {
    const mdasim::GeoPoint a = sea_point();
    const mdasim::GeoPoint b = sea_point();
    const mdasim::LaneRouter::RouteResult r = router.route(a, b);
    if (r.route) {
      pairs.emplace_back(a, b);
      total_nm += r.route->total_nm();
    } else {
      ++rejected;
    }
  }
  if (pairs.size() < kRoutePairs) {
    state.SkipWithError("too few sea point pairs with a route");
    return;
  }
  for (auto _ : state) {
    for (const auto& [a, b] : pairs) {
      mdasim::LaneRouter::RouteResult r = router.route(a, b);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(pairs.size()));
  state.counters["lane_vertices"] = static_cast<double>(geo->lanes.vertex_count());
  state.counters["lane_edges"] = static_cast<double>(geo->lanes.edges().size());
  state.counters["pairs_rejected"] = static_cast<double>(rejected);
  state.counters["mean_route_nm"] = total_nm / static_cast<double>(pairs.size());
}
BENCHMARK(BM_LaneRoute)->Unit(benchmark::kMicrosecond);

// 4. Building the geography at the baseline's 0.1 deg: reading the GeoJSON files, the land
// index, the sea mask, the lane network, responsible states and the scenario checks.
void BM_BuildGeography(benchmark::State& state) {
  const mdasim::Scenario& s = baseline();
  for (auto _ : state) {
    mdasim::Diagnostics diagnostics;
    std::optional<mdasim::Geography> geo = mdasim::build_geography(s, diagnostics);
    if (!geo) {
      state.SkipWithError("the baseline's geography failed to build");
      break;
    }
    benchmark::DoNotOptimize(geo);
  }
}
BENCHMARK(BM_BuildGeography)->Unit(benchmark::kMillisecond)->Iterations(3);

// 5. The direct problem for 4,096 legs of 2 nm (a loiter leg of the baseline's fishers) from
// points of the region on random azimuths: GeographicLib's (geodesic_destination), the short-leg
// Runge-Kutta step (short_geodesic_destination); and 4,096 points 30 nm apart along one geodesic
// (GeodesicRay::at, the waypoints of a straight course).
enum class Direct { kExact, kShortLeg, kRay };

void BM_GeodesicDestination(benchmark::State& state, Direct how) {
  constexpr std::size_t kLegs = 4096;
  const std::vector<mdasim::GeoPoint> starts = random_points(region_box(), kLegs, 0x646972656374ULL);
  std::vector<double> azimuths;
  for (const mdasim::GeoPoint& p : random_points({0.0, 0.0, 360.0, 1.0}, kLegs, 0x617A696D757468ULL)) {
    azimuths.push_back(p.lon_deg);
  }
  const mdasim::GeodesicRay ray(starts.front(), azimuths.front());
  for (auto _ : state) {
    double sum = 0.0;
    for (std::size_t i = 0; i < kLegs; ++i) {
      mdasim::GeoPoint p;
      if (how == Direct::kExact) {
        p = mdasim::geodesic_destination(starts[i], azimuths[i], 2.0);
      } else if (how == Direct::kShortLeg) {
        p = mdasim::short_geodesic_destination(starts[i], azimuths[i], 2.0);
      } else {
        p = ray.at(30.0 * static_cast<double>(i % 64));
      }
      sum += p.lat_deg;
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kLegs));
}
BENCHMARK_CAPTURE(BM_GeodesicDestination, exact, Direct::kExact)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GeodesicDestination, short_leg, Direct::kShortLeg)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GeodesicDestination, ray, Direct::kRay)->Unit(benchmark::kMicrosecond);

// 6. The inverse problem's distance for 4,096 pairs of points of the region (a SAR dispatch
// asks for a few hundred per replication): GeographicLib's Geodesic::Inverse, geodesic_nm
// (geodesic_inverse.hpp), and geodesic_nm between points prepared beforehand.
enum class Inverse { kGeographicLib, kGeodesicNm, kPrepared };

void BM_GeodesicInverse(benchmark::State& state, Inverse how) {
  constexpr std::size_t kPairs = 4096;
  const std::vector<mdasim::GeoPoint> from = random_points(region_box(), kPairs, 0x66726F6DULL);
  const std::vector<mdasim::GeoPoint> to = random_points(region_box(), kPairs, 0x746FULL);
  std::vector<mdasim::PreparedPoint> from_prepared;
  std::vector<mdasim::PreparedPoint> to_prepared;
  for (std::size_t i = 0; i < kPairs; ++i) {
    from_prepared.push_back(mdasim::prepare_point(from[i]));
    to_prepared.push_back(mdasim::prepare_point(to[i]));
  }
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  for (auto _ : state) {
    double sum = 0.0;
    for (std::size_t i = 0; i < kPairs; ++i) {
      if (how == Inverse::kGeographicLib) {
        double s12_m = 0.0;
        wgs84.Inverse(from[i].lat_deg, from[i].lon_deg, to[i].lat_deg, to[i].lon_deg, s12_m);
        sum += s12_m;
      } else if (how == Inverse::kGeodesicNm) {
        sum += mdasim::geodesic_nm(from[i], to[i]);
      } else {
        sum += mdasim::geodesic_nm(from_prepared[i], to_prepared[i]);
      }
    }
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(kPairs));
}
BENCHMARK_CAPTURE(BM_GeodesicInverse, geographiclib, Inverse::kGeographicLib)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GeodesicInverse, geodesic_nm, Inverse::kGeodesicNm)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_GeodesicInverse, prepared, Inverse::kPrepared)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();

// Validation case: distances. The engine's geodesics against published values on WGS84, and
// its over-water distance fields against the geodesic bounds on the baseline's real geography.
//
// Expected values:
//   geodesics   JFK (40:38:23N 073:46:44W) to Singapore Changi (01:21:33N 103:59:22E):
//               15347628 m (GeographicLib's GeodSolve(1) manual, EXAMPLES, to the metre); the
//               WGS84 quarter meridian 10001965.729 m; one degree of the equator a pi / 180 =
//               111319.491 m (a = 6378137 m);
//   over water  the distance D from a point at sea to every sea cell is a chain of geodesic legs,
//               so D >= g, the geodesic distance from the point to the cell's centre; the chain
//               starts with the access leg a from the point to its own cell's centre, and where
//               every cell within R of the point is sea (open water) the rest exceeds g_c, the
//               geodesic from that centre, by at most the worst case e of the 16-move grid
//               metric: D <= a + (1 + e) g_c. On cells cos(lat) as wide as they are tall, e is the
//               largest over adjacent moves u, v of (s |u| + (1 - s) |v|) / |s u + (1 - s) v| - 1,
//               computed here for the highest latitude of the disc: 2.75% on square cells (the
//               equator), 3.03% at 19 degrees.
// Checks: each published geodesic within 0.5 m; no sea cell below its geodesic (beyond float
// storage, 1e-6 relative); no open-water cell above its bound; the largest excess (D - a) / g_c
// - 1 observed beyond 60 nm, at most e.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "geo/geodesy.hpp"
#include "geo/sea_distance.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

double dms(double d, double m, double s) { return d + m / 60.0 + s / 3600.0; }

// The 16-move metric's worst relative excess over the straight distance on cells `aspect` as
// wide as they are tall: between each pair of adjacent moves, sampled finely.
double grid_metric_worst_excess(double aspect) {
  const int moves[][2] = {{1, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 1}, {-1, 2}, {-1, 1}, {-2, 1}, {-1, 0}};
  double worst = 0.0;
  for (std::size_t k = 0; k + 1 < std::size(moves); ++k) {
    const double ux = moves[k][0] * aspect, uy = moves[k][1];
    const double vx = moves[k + 1][0] * aspect, vy = moves[k + 1][1];
    const double nu = std::hypot(ux, uy), nv = std::hypot(vx, vy);
    for (int i = 1; i < 20000; ++i) {
      const double s = i / 20000.0;
      worst = std::max(worst, (s * nu + (1.0 - s) * nv) / std::hypot(s * ux + (1.0 - s) * vx, s * uy + (1.0 - s) * vy));
    }
  }
  return worst - 1.0;
}

constexpr double kOpenWaterRadiusNm = 240.0;
const GeoPoint kSource{114.5, 15.0};  // the South China Sea's deep basin, 311 nm from the nearest land cell

}  // namespace

CaseResult distances_case() {
  CaseResult out;
  out.id = "distances";
  out.title = "Geodesic and over-water distances";
  out.formula = "published WGS84 geodesics; g <= D <= a + (1 + e) g_c in open water, e the 16-move grid metric's "
                "worst case on cells cos(lat) wide";
  out.parameters = "JFK to Changi, the quarter meridian, one degree of the equator; over-water field of the "
                   "baseline's 0.1 degree grid from 114.5E 15.0N, open-water bound within " +
                   digits4(kOpenWaterRadiusNm) + " nm";
  out.scenarios = {"scenarios/asean-baseline.yaml"};

  const GeoPoint jfk{-dms(73, 46, 44), dms(40, 38, 23)};
  const GeoPoint changi{dms(103, 59, 22), dms(1, 21, 33)};
  const struct {
    const char* what;
    GeoPoint a, b;
    double metres;
  } published[] = {
      {"JFK to Singapore Changi (GeodSolve manual)", jfk, changi, 15347628.0},
      {"quarter meridian", {120.0, 0.0}, {120.0, 90.0}, 10001965.729},
      {"one degree of the equator", {100.0, 0.0}, {101.0, 0.0}, 6378137.0 * 3.14159265358979323846 / 180.0},
  };
  for (const auto& p : published) {
    const double m = geodesic_nm(p.a, p.b) * 1852.0;
    Check c = bound_check(std::string("error of the geodesic, m: ") + p.what + " (" + digits4(p.metres) + " m)",
                          "at most 0.5 m", std::abs(m - p.metres), 0.5);
    out.checks.push_back(c);
  }

  std::optional<Loaded> w = load_repository_scenario("scenarios/asean-baseline.yaml", out.problem);
  if (!w) return out;
  const SeaGrid& sea = w->geography.sea;
  const Grid& grid = sea.grid();
  const SeaDistanceField field = sea_distance_field(sea, {SeaSource{kSource}});
  const std::optional<std::size_t> own = grid.cell_of(kSource);
  if (!own || !sea.is_sea(*own)) {
    out.problem = "the source point is not in a sea cell";
    return out;
  }
  const GeoPoint own_centre = grid.center(*own);
  const double highest_lat_deg = std::abs(kSource.lat_deg) + kOpenWaterRadiusNm / 60.0 + grid.cell_deg();
  const double e = grid_metric_worst_excess(std::cos(highest_lat_deg * 3.14159265358979323846 / 180.0));
  const double access_nm = geodesic_nm(kSource, own_centre);
  std::size_t reached = 0;
  std::size_t below = 0;
  std::size_t open = 0;
  std::size_t above = 0;
  std::size_t land_inside = 0;
  double worst_excess = 0.0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const double g = geodesic_nm(kSource, grid.center(i));
    if (g < kOpenWaterRadiusNm + 10.0 && !sea.is_sea(i)) ++land_inside;
    if (!sea.is_sea(i) || !std::isfinite(field.distance_nm[i])) continue;
    ++reached;
    const double d = field.distance_nm[i];
    if (d < g * (1.0 - 1e-6)) ++below;
    if (g <= kOpenWaterRadiusNm) {
      ++open;
      const double g_c = geodesic_nm(own_centre, grid.center(i));
      if (d > access_nm + (1.0 + e) * g_c + 1e-6 * d) ++above;
      if (g_c > 60.0) worst_excess = std::max(worst_excess, (d - access_nm) / g_c - 1.0);
    }
  }
  if (land_inside > 0) {
    out.problem = std::to_string(land_inside) + " land cells within " + digits4(kOpenWaterRadiusNm + 10.0) +
                  " nm of the source: not open water";
  }
  out.checks.push_back(bound_check("sea cells (of " + std::to_string(reached) +
                                       " reached) whose over-water distance is below the geodesic",
                                   "none", static_cast<double>(below), 0.0));
  out.checks.push_back(bound_check("open-water cells (of " + std::to_string(open) + ") above a + (1 + e) g_c, a = " +
                                       digits4(access_nm) + " nm, e = " + digits4(e),
                                   "none", static_cast<double>(above), 0.0));
  out.checks.push_back(bound_check("largest relative excess (D - a) / g_c - 1 in open water beyond 60 nm",
                                   "at most e, the metric's worst case at " + digits4(highest_lat_deg) +
                                       " degrees of latitude",
                                   worst_excess, e));
  return out;
}

}  // namespace mdasim::validation

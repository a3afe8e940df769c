// Validation case: a fixed radar's time-averaged coverage equals its availability over its
// footprint, the sea cells whose centre lies within its radar horizon. Scenario
// tests/validation/scenarios/radar-availability.yaml run through VariantSimulation and its map
// layers, as `mdasim run` writes them, with 60 seeds of one 199-day window each.
//
// Expected values:
//   footprint  horizon d = 4.12 (sqrt(100 m) + sqrt(2 m)) km = 47.0266 km = 25.3923 nm (below the
//              40 nm range), cell centres measured by geodesic distance on WGS84 (GeographicLib);
//   coverage   availability a = 0.7 inside, exactly 0 outside.
// Checks: in every run every sea cell inside the horizon has the same covered fraction (the
// radar's time up in that window) and every one outside has 0; over the seeds the mean of that
// fraction has a 95% interval containing 0.7, half-width below 0.02.
#include <cmath>
#include <string>
#include <vector>

#include <GeographicLib/Geodesic.hpp>

#include "run/variant_run.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr double kAvailability = 0.7;
constexpr double kHorizonNm = 4.12 * (10.0 + 1.4142135623730951) * 1000.0 / 1852.0;  // sqrt 100, sqrt 2
constexpr double kSiteLon = 100.5;
constexpr double kSiteLat = 2.0;
constexpr std::uint64_t kSeeds = 60;

}  // namespace

CaseResult radar_coverage_case() {
  CaseResult out;
  out.id = "radar-coverage";
  out.title = "A coastal radar's coverage over its horizon footprint";
  out.formula = "covered fraction = a within d = 4.12 (sqrt(h_antenna_m) + sqrt(h_target_m)) km of the radar "
                "(capped by its range), 0 beyond";
  out.parameters = "antenna 100 m, target 2 m: d = 25.392 nm (range 40 nm); availability a = 0.7 (outages "
                   "exponential, mean 24 h); 60 seeds of one 199-day window";
  out.scenarios = {"tests/validation/scenarios/radar-availability.yaml"};
  std::optional<Loaded> w = load_case("radar-availability.yaml", out.problem);
  if (!w) return out;
  const Grid& grid = w->geography.grid();
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  std::vector<double> distance_nm(grid.size(), 0.0);
  std::size_t inside = 0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const GeoPoint p = grid.center(i);
    double d_m = 0.0;
    wgs84.Inverse(kSiteLat, kSiteLon, p.lat_deg, p.lon_deg, d_m);
    distance_nm[i] = d_m / 1852.0;
    if (w->geography.sea.is_sea(i) && distance_nm[i] < kHorizonNm) ++inside;
  }

  std::vector<double> up_fractions;
  std::size_t unequal_inside = 0;
  std::size_t covered_outside = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    VariantSimulation simulation(w->scenario, w->geography, 1);
    const VariantResults results = simulation.run({seed, 1}, 1, {});
    const std::vector<MapLayer> layers = simulation.map_layers(results, 1);
    const MapLayer* radar = find_layer(layers, "radar_covered_fraction");
    if (radar == nullptr) {
      out.problem = "no radar_covered_fraction layer";
      return out;
    }
    double up = kNaN;
    for (std::size_t i = 0; i < grid.size(); ++i) {
      if (!w->geography.sea.is_sea(i)) continue;
      const double v = radar->values[i];
      if (distance_nm[i] < kHorizonNm - 1e-6) {
        if (std::isnan(up)) up = v;
        if (v != up) ++unequal_inside;
      } else if (distance_nm[i] > kHorizonNm + 1e-6 && v != 0.0) {
        ++covered_outside;
      }
    }
    up_fractions.push_back(up);
  }
  out.checks.push_back(bound_check("sea cells inside the horizon (" + std::to_string(inside) +
                                       ") covered less or more than the others, over all runs",
                                   "none", static_cast<double>(unequal_inside), 0.0));
  out.checks.push_back(bound_check("sea cells beyond the horizon with any coverage, over all runs", "none",
                                   static_cast<double>(covered_outside), 0.0));
  out.checks.push_back(interval_check("covered fraction inside the horizon", kAvailability,
                                      mean_with_ci(up_fractions), 0.02));
  if (inside < 20) out.problem = "only " + std::to_string(inside) + " sea cells inside the horizon";
  return out;
}

}  // namespace mdasim::validation

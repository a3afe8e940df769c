// Validation case: one patrol with access duration a every period P leaves a mean revisit gap
// of P - a. Scenario tests/validation/scenarios/patrol-revisit.yaml (three station patrols far
// apart, one aircraft each) run through VariantSimulation and read off its map layers
// patrol_covered_fraction, patrol_mean_revisit_gap_h and patrol_max_revisit_gap_h, as a user's
// heatmap shows them, with 100 seeds of one 364-day window each.
//
// The model, as the engine has it (model/patrol_setup.hpp, model/sar_replication.cpp,
// model/patrol_coverage.hpp, metrics/coverage.hpp):
//   schedule   sorties every P = 168 / n h (n sorties a week) from a phase U P, U uniform on the
//              patrol's own stream; each is flown by the patrol's unit if it is free and up. Here
//              the unit is never down (mission capable 100%) and home again, turned round, long
//              before the next sortie (2 transits + a + turnaround < P), so every sortie flies.
//   access     a cell is covered while the unit is on station (not in transit) within the
//              coverage radius of the cell's centre: for the lowest search object (here the only
//              one) a definite-range sensor's min(W/2, range). A station holds at one point, so
//              the cells whose centre lies within the radius of it are covered for the whole time
//              on station a (not capped: the endurance leaves more), once every P, and no other
//              cell ever.
//   counting   whole seconds; the measured window's two ends count as gap boundaries.
//   layers     one coverage accumulator for all patrols together (their union), so the stations
//              lie far apart (no cell within reach of two); over several replications a layer's
//              mean gap is total gap / total gap count, not the mean of the replications' means,
//              so each seed runs one replication and the case averages the per-seed values. The
//              engine decides "within the radius" in a flat frame around each grid row; the case
//              measures geodesically and wants no cell centre within 0.05 nm of the radius, where
//              the two could differ.
// Expected values: the window [warm-up, end) holds m = T / P whole periods (T = 364 d, a
// multiple of every P; warm-up 7 d >= every P, so the pattern is periodic across the window's
// start). Whatever the phase, it then holds exactly m a h of coverage and m (P - a) h of gap: the
// covered fraction is a / P in every run, and the longest gap P - a (m >= 2, so one whole gap
// lies inside). The window opens in a gap with probability 1 - a/P and then also closes in one
// (same phase, m periods later): that gap is cut in two, m + 1 gaps; otherwise m. So the map's
// mean gap in one replication is Z = m (P - a) / (m + K), K ~ Bernoulli(1 - a/P), and
//   E[Z] = (P - a) [a/P + (1 - a/P) m / (m + 1)],
// a little below P - a. The layers are single-precision floats: a value v read off them is within
// v 2^-24 of the engine's double, allowed for on top of the 1 s of rounding to whole seconds.
// Checks, per patrol: over the seeds, the mean of the station cell's mean gap has a 95% t interval
// containing E[Z], half-width below 0.5% of P - a; in every run every cell within the radius has
// longest gap P - a and covered fraction a / P, to 1 s. And no cell beyond every radius is ever
// covered.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <GeographicLib/Geodesic.hpp>

#include "run/variant_run.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr std::uint64_t kSeeds = 100;
constexpr double kHoursPerWeek = 168.0;
constexpr double kToleranceOfGap = 0.005;         // half-width accepted, as a fraction of P - a
constexpr double kFloatRounding = 0x1.0p-24;      // relative rounding of a float layer's value
constexpr double kAmbiguousNm = 0.05;             // cell centres this close to the radius: none wanted

// One patrol's numbers (hours) and its cells.
struct Station {
  std::string name;
  GeoPoint point;
  double period_h = 0.0;  // P
  double access_h = 0.0;  // a
  double periods = 0.0;   // m, whole periods in the window
  std::size_t cell = 0;   // the cell the station point lies in (its centre)
  std::vector<std::size_t> inside;  // sea cells whose centre lies within the radius
  std::vector<double> mean_gaps_h;  // per seed, the station cell's
  std::size_t max_gap_off = 0;      // runs x cells inside whose longest gap is not P - a
  std::size_t fraction_off = 0;     // runs x cells inside whose covered fraction is not a / P
  [[nodiscard]] double gap_h() const { return period_h - access_h; }
  [[nodiscard]] double expected_mean_gap_h() const {
    const double p_covered = access_h / period_h;
    return gap_h() * (p_covered + (1.0 - p_covered) * periods / (periods + 1.0));
  }
};

// Whether `value_s` (seconds, read off a float layer) is within 1 s of `expected_s`, with the
// float's rounding of a value that size on top.
bool within_a_second(double value_s, double expected_s) {
  return std::abs(value_s - expected_s) <= 1.0 + std::abs(expected_s) * kFloatRounding;
}

}  // namespace

CaseResult patrol_revisit_case() {
  CaseResult out;
  out.id = "patrol-revisit";
  out.title = "A station patrol's revisit gap";
  out.formula = "a sortie every P = 168/n h covering a h: mean gap P - a, longest P - a, covered fraction a/P; "
                "over a window of m whole periods the map's mean gap has expectation "
                "(P - a) [a/P + (1 - a/P) m/(m + 1)], as the window's ends cut the gap they fall in "
                "(probability 1 - a/P) in two";
  out.scenarios = {"tests/validation/scenarios/patrol-revisit.yaml"};
  std::optional<Loaded> w = load_case("patrol-revisit.yaml", out.problem);
  if (!w) return out;
  const Scenario& sc = w->scenario;
  const Grid& grid = w->geography.grid();
  const double window_h = sc.run.duration_h - sc.run.warmup_h;

  // The coverage radius: the one asset type's one definite-range sensor, min(W/2, range).
  if (sc.asset_types.size() != 1 || sc.search_objects.size() != 1 || sc.asset_types.front().sensors.size() != 1 ||
      sc.asset_types.front().sensors.front().sweep_widths.size() != 1 ||
      sc.asset_types.front().sensors.front().detection != DetectionModel::kDefiniteRange ||
      !(sc.asset_types.front().sensors.front().range_nm > 0.0)) {
    out.problem = "the case expects one asset type with one definite-range sensor, and one search object";
    return out;
  }
  const AssetType& type = sc.asset_types.front();
  const double half_width_nm = type.sensors.front().sweep_widths.front().width_nm / 2.0;
  const double range_nm = type.sensors.front().range_nm;
  const double radius_nm = std::min(half_width_nm, range_nm);

  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  const auto distance_nm = [&](const GeoPoint& a, const GeoPoint& b) {
    double d_m = 0.0;
    wgs84.Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, d_m);
    return d_m / 1852.0;
  };
  std::vector<Station> stations;
  for (const Patrol& p : sc.patrols) {
    Station st;
    st.name = p.name;
    st.point = p.point;
    st.period_h = kHoursPerWeek / p.sorties_per_week;
    st.access_h = p.time_on_station_h.value_or(0.0);
    st.periods = std::round(window_h / st.period_h);
    // The premises of the derivation, from the scenario's numbers.
    const Asset* asset = nullptr;
    for (const Asset& a : sc.assets) {
      if (a.patrol == p.name) asset = &a;
    }
    if (p.pattern != PatrolPattern::kStation || asset == nullptr || asset->count != 1 || asset->sar ||
        !(st.access_h > 0.0)) {
      out.problem = p.name + ": the case expects a station with a time on station, flown by one ISR-only unit";
      return out;
    }
    const double transit_h = distance_nm(sc.bases[static_cast<std::size_t>(asset->base_index)].position, p.point) /
                             type.cruise_speed_kt;
    if (std::abs(st.periods * st.period_h - window_h) > 1e-9 || st.periods < 2.0 || sc.run.warmup_h < st.period_h ||
        !(2.0 * transit_h + st.access_h + type.turnaround_h < st.period_h) ||
        !(2.0 * transit_h + st.access_h < type.endurance_h) || type.mission_capable_rate < 1.0) {
      out.problem = p.name + ": the window must hold 2 or more whole periods after a warm-up of one, and the unit "
                             "must be always up, free before each sortie and with endurance for the whole station";
      return out;
    }
    const std::optional<std::size_t> cell = grid.cell_of(p.point);
    if (!cell || distance_nm(grid.center(*cell), p.point) > 1e-6) {
      out.problem = p.name + ": the station must lie at a cell centre";
      return out;
    }
    st.cell = *cell;
    stations.push_back(std::move(st));
  }
  if (stations.empty()) {
    out.problem = "no patrol";
    return out;
  }

  // Every sea cell: inside the radius of some station, or beyond that of all.
  std::vector<std::uint8_t> beyond(grid.size(), 0);
  std::size_t beyond_count = 0;
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if (!w->geography.sea.is_sea(i)) continue;
    bool inside_any = false;
    for (Station& st : stations) {
      const double d = distance_nm(st.point, grid.center(i));
      if (std::abs(d - radius_nm) < kAmbiguousNm) {
        out.problem = "a cell centre lies within " + fixed(kAmbiguousNm, 2) + " nm of the radius of " + st.name;
        return out;
      }
      if (d < radius_nm) {
        st.inside.push_back(i);
        inside_any = true;
      }
    }
    if (!inside_any) {
      beyond[i] = 1;
      ++beyond_count;
    }
  }

  std::size_t covered_beyond = 0;
  for (std::uint64_t seed = 1; seed <= kSeeds; ++seed) {
    VariantSimulation simulation(sc, w->geography, 1);
    const VariantResults results = simulation.run({seed, 1}, 1, {});
    const std::vector<MapLayer> layers = simulation.map_layers(results, 1);
    const MapLayer* fraction = find_layer(layers, "patrol_covered_fraction");
    const MapLayer* mean_gap = find_layer(layers, "patrol_mean_revisit_gap_h");
    const MapLayer* max_gap = find_layer(layers, "patrol_max_revisit_gap_h");
    if (fraction == nullptr || mean_gap == nullptr || max_gap == nullptr) {
      out.problem = "no patrol_covered_fraction, patrol_mean_revisit_gap_h or patrol_max_revisit_gap_h layer";
      return out;
    }
    for (Station& st : stations) {
      st.mean_gaps_h.push_back(mean_gap->values[st.cell]);
      for (const std::size_t i : st.inside) {
        if (!within_a_second(max_gap->values[i] * 3600.0, st.gap_h() * 3600.0)) ++st.max_gap_off;
        if (!within_a_second(fraction->values[i] * window_h * 3600.0, st.periods * st.access_h * 3600.0)) {
          ++st.fraction_off;
        }
      }
    }
    for (std::size_t i = 0; i < grid.size(); ++i) {
      if (beyond[i] != 0 && fraction->values[i] != 0.0F) ++covered_beyond;
    }
  }

  std::string parameters = std::to_string(stations.size()) + " station patrols, one aircraft each (always up, " +
                           "free before every sortie): ";
  for (std::size_t k = 0; k < stations.size(); ++k) {
    const Station& st = stations[k];
    parameters += (k > 0 ? "; " : "") + st.name + " P = " + fixed(st.period_h, 0) + " h, a = " +
                  fixed(st.access_h, 0) + " h, m = " + fixed(st.periods, 0);
    const std::string head = st.name + " (P = " + fixed(st.period_h, 0) + " h, a = " + fixed(st.access_h, 0) +
                             " h): ";
    const std::string cells = std::to_string(st.inside.size()) + " cells within " + fixed(radius_nm, 0) + " nm";
    out.checks.push_back(interval_check(head + "mean revisit gap of the station cell, h (P - a = " +
                                            fixed(st.gap_h(), 0) + " h, less the cut at the window's ends)",
                                        st.expected_mean_gap_h(), mean_with_ci(st.mean_gaps_h),
                                        kToleranceOfGap * st.gap_h()));
    out.checks.push_back(bound_check(head + "runs x " + cells + " whose longest gap is not P - a = " +
                                         fixed(st.gap_h(), 0) + " h",
                                     "none (to 1 s)", static_cast<double>(st.max_gap_off), 0.0));
    out.checks.push_back(bound_check(head + "runs x " + cells + " whose covered fraction is not a/P = " +
                                         digits4(st.access_h / st.period_h),
                                     "none (to 1 s of the window)", static_cast<double>(st.fraction_off), 0.0));
  }
  parameters += "; coverage radius min(W/2, range) = min(" + fixed(half_width_nm, 0) + " nm, " +
                fixed(range_nm, 0) + " nm) = " + fixed(radius_nm, 0) + " nm on a 0.1 degree grid; " +
                "window T = " + fixed(window_h, 0) + " h (" + fixed(window_h / 24.0, 0) + " d) after a " +
                fixed(sc.run.warmup_h / 24.0, 0) + " d warm-up; " + std::to_string(kSeeds) +
                " seeds of one replication";
  out.parameters = std::move(parameters);
  out.checks.push_back(bound_check("sea cells (" + std::to_string(beyond_count) + ") farther than " +
                                       fixed(radius_nm, 0) + " nm from every station covered at all, over all runs",
                                   "none", static_cast<double>(covered_beyond), 0.0));
  return out;
}

}  // namespace mdasim::validation

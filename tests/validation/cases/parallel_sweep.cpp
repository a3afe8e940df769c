// Validation case: the parallel-track sweep. Scenario tests/validation/scenarios/parallel-sweep.yaml
// (8 replications of a year, seed 21): one aircraft flies the IAMSAR parallel sweep of a box
// once a day, and its two sensors (definite range and inverse cube, range R = 20 nm) search for
// stationary targets of eight classes, each class a search object of its own sweep width W. The
// replications run as VariantSimulation runs them (run_sar_replication for the sorties, then
// run_isr_replication for the targets), keeping the target records.
//
// Expected values. The targets lie uniformly in an inner square spanning 12 whole track
// spacings S across the tracks and more than R + S inside the box on every side, and each stays
// exactly one sortie period P: the sensor's detection hazard at a fixed place is periodic with
// period P, and every sortie's pass of every track draws its own threshold, so over any stay of
// length P a target meets each track exactly once (parts of two sorties' passes making one whole
// pass). For a target at lateral distance d_j from track j:
//   definite range (cookie cutter of radius W/2):  detected iff min_j d_j <= W/2, so
//     POD = min(1, W/S);
//   inverse cube, range R: a pass at lateral range d <= R accumulates the hazard of its chord
//     inside R, (W^2 / (4 pi d^2)) sqrt(1 - d^2 / R^2) (engine/model/mobile_detection.hpp), so
//     p(y) = 1 - exp(-sum_j (W^2 / (4 pi d_j^2)) sqrt(1 - d_j^2 / R^2)), averaged over the
//     targets' band (midpoint rule, 20,000 points). As R -> infinity this is Koopman's
//     POD = erf(sqrt(pi) W / (2S)); at R = 20 nm the cap lowers it by up to 0.011 (shown).
// The tracks' latitudes are the route's own (model/patrol_route.hpp), and distances across them
// use the flat frame's scale at the band's centre (model/target_detection.hpp's LocalFrame), as
// the detection does.
// Checks, per class: the analytic value lies in the 95% Wilson interval of the fraction
// detected among the targets that left before the run's end, half-width below 0.01. And the
// set-up that the closed forms assume: the band spans 12 spacings (to 0.01 nm), the sortie flies
// every leg and connector once and no more than one cycle of the route, and no sortie is missed.
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "geo/local_frame.hpp"
#include "model/isr_replication.hpp"
#include "model/patrol_route.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr std::size_t kReplications = 8;
constexpr double kBandSouthDeg = 1.6;  // the targets' square (tests/validation/scenarios/parallel-sweep.yaml)
constexpr double kBandNorthDeg = 2.4;
constexpr double kBandWestDeg = 101.6;
constexpr double kBandEastDeg = 102.4;
constexpr int kBandSpacings = 12;
constexpr int kQuadraturePoints = 20000;

// The fraction of the band [y_south, y_north] (nm) within `half_width` of a track at y_j.
double definite_range_pod(const std::vector<double>& tracks_nm, double y_south, double y_north, double half_width) {
  double covered = 0.0;
  const double h = (y_north - y_south) / kQuadraturePoints;
  for (int i = 0; i < kQuadraturePoints; ++i) {
    const double y = y_south + (i + 0.5) * h;
    double nearest = std::numeric_limits<double>::infinity();
    for (double t : tracks_nm) nearest = std::min(nearest, std::abs(y - t));
    covered += nearest <= half_width ? 1.0 : 0.0;
  }
  return covered / kQuadraturePoints;
}

// The inverse-cube detection probability averaged over the band: the hazards of every track's
// capped pass summed.
double inverse_cube_pod(const std::vector<double>& tracks_nm, double y_south, double y_north, double width_nm,
                        double range_nm) {
  double sum = 0.0;
  const double h = (y_north - y_south) / kQuadraturePoints;
  for (int i = 0; i < kQuadraturePoints; ++i) {
    const double y = y_south + (i + 0.5) * h;
    double hazard = 0.0;
    for (double t : tracks_nm) {
      const double d = std::abs(y - t);
      if (d >= range_nm) continue;
      hazard += width_nm * width_nm / (4.0 * kPi * d * d) * std::sqrt(1.0 - d * d / (range_nm * range_nm));
    }
    sum += 1.0 - std::exp(-hazard);
  }
  return sum / kQuadraturePoints;
}

// Tracks every `spacing` from far below to far above [0, spacing): an unbounded sweep, for the
// plot's capped curve.
std::vector<double> lattice(double spacing_nm, double range_nm) {
  std::vector<double> out;
  const int n = static_cast<int>(std::ceil(range_nm / spacing_nm)) + 2;
  for (int j = -n; j <= n + 1; ++j) out.push_back(j * spacing_nm);
  return out;
}

struct ClassSensor {
  double width_nm = 0.0;
  double range_nm = 0.0;
  DetectionModel law = DetectionModel::kInverseCube;
  bool found = false;
};

// The sweeping asset's sensor with a sweep width for `search_object` (the scenario gives each
// object to exactly one sensor).
ClassSensor sensor_for(const AssetType& type, const std::string& search_object) {
  ClassSensor out;
  for (const Sensor& s : type.sensors) {
    for (const SweepWidth& w : s.sweep_widths) {
      if (w.search_object != search_object) continue;
      out = {w.width_nm, s.range_nm, s.detection, true};
    }
  }
  return out;
}

}  // namespace

CaseResult parallel_sweep_case() {
  CaseResult out;
  out.id = "parallel-sweep";
  out.title = "Parallel-track sweep with definite-range and inverse-cube sensors";
  out.formula = "definite range: POD = min(1, W/S); inverse cube: POD = erf(sqrt(pi) W / (2S)) for unlimited range, "
                "and for range R the band average of 1 - exp(-sum_j W^2/(4 pi d_j^2) sqrt(1 - d_j^2/R^2))";
  out.parameters = "S = 3.9804 nm (12 spacings in 0.8 degrees of latitude at 2N), east-west tracks, search speed "
                   "240 kt, one sweep a day; definite range W = 1, 2, 3 and 5 nm; inverse cube W = 1, 2, 4 and 6 nm, "
                   "range R = 20 nm; stationary targets, 40 a day per class for exactly one day each, uniform in "
                   "the inner square; 8 replications of a 364-day window, seed 21";
  out.scenarios = {"tests/validation/scenarios/parallel-sweep.yaml"};
  std::optional<Loaded> w = load_case("parallel-sweep.yaml", out.problem);
  if (!w) return out;
  const Scenario& sc = w->scenario;
  if (sc.patrols.size() != 1 || sc.assets.size() != 1) {
    out.problem = "expected one patrol flown by one asset";
    return out;
  }
  const Patrol& patrol = sc.patrols.front();
  const AssetType& type = sc.asset_types[static_cast<std::size_t>(sc.assets.front().type_index)];
  const double spacing_nm = patrol.track_spacing_nm;
  const double period_h = 168.0 / patrol.sorties_per_week;

  // The route's tracks, across the band in the frame at its centre.
  const PatrolRoute route = patrol_route(patrol);
  const LocalFrame frame(GeoPoint{0.5 * (kBandWestDeg + kBandEastDeg), 0.5 * (kBandSouthDeg + kBandNorthDeg)});
  std::vector<double> tracks_nm;
  double legs_and_connectors_nm = route.cumulative_nm.back();
  for (const GeoPoint& p : route.points) {
    const double y = frame.y_nm(p);
    if (tracks_nm.empty() || std::abs(tracks_nm.back() - y) > 1e-9) tracks_nm.push_back(y);
  }
  const double band_south_nm = frame.y_nm(GeoPoint{kBandWestDeg, kBandSouthDeg});
  const double band_north_nm = frame.y_nm(GeoPoint{kBandWestDeg, kBandNorthDeg});
  const double on_station_nm = patrol.time_on_station_h.value_or(0.0) * type.search_speed_kt;
  out.checks.push_back(bound_check("band width minus 12 track spacings (nm, absolute)", "at most 0.01 nm",
                                   std::abs(band_north_nm - band_south_nm - kBandSpacings * spacing_nm), 0.01));
  out.checks.push_back(bound_check("legs and connectors minus the distance flown on station (nm)",
                                   "at most 0: every leg is flown", legs_and_connectors_nm - on_station_nm, 0.0));
  out.checks.push_back(bound_check("distance flown on station minus one cycle of the route (nm)",
                                   "at most 0: no leg is flown twice", on_station_nm - route.cycle_nm, 0.0));

  // The replications, as VariantSimulation runs them, keeping the target records.
  const SarSetup sar(sc, w->geography, 2);
  const PatrolSetup patrols(sc, w->geography, sar);
  const IsrSetup isr(sc, w->geography, sar, &patrols);
  const std::size_t classes = sc.target_classes.size();
  std::vector<std::size_t> trials(classes, 0), detected(classes, 0);
  std::int64_t missed_sorties = 0;
  for (std::size_t r = 0; r < kReplications; ++r) {
    const ReplicationKey key{sc.run.seed, 0, r};
    const SarReplicationResult sorties = run_sar_replication(sar, &patrols, key);
    for (const PatrolRecord& p : sorties.patrols) missed_sorties += p.planned - p.flown;
    const IsrReplicationResult targets = run_isr_replication(isr, key, sorties.sorties);
    for (const TargetRecord& t : targets.records) {
      if (t.leave_h > sc.run.duration_h) continue;  // its stay runs past the last sortie
      const auto k = static_cast<std::size_t>(t.class_index);
      ++trials[k];
      if (t.detected) ++detected[k];
    }
  }
  out.checks.push_back(bound_check("sorties missed", "none", static_cast<double>(missed_sorties), 0.0));

  CasePlot plot;
  plot.title = "Parallel sweep: probability of detection against W/S";
  plot.x_label = "sweep width over track spacing, W/S";
  plot.y_label = "probability of detection";
  plot.file_stem = "validation-parallel-sweep";
  PlotSeries definite{"definite range, simulated (95% interval)", {}, {}, {}, {}};
  PlotSeries inverse{"inverse cube, simulated (95% interval)", {}, {}, {}, {}};
  double range_nm = 0.0;
  for (std::size_t k = 0; k < classes; ++k) {
    const TargetClass& cls = sc.target_classes[k];
    const ClassSensor s = sensor_for(type, cls.search_object);
    if (!s.found || trials[k] == 0 || cls.dwell.kind != Distribution::Kind::kFixed ||
        std::abs(cls.dwell.a - period_h) > 1e-9) {
      out.problem = "target class " + cls.name + ": no sensor, no targets, or a stay other than the sortie period";
      return out;
    }
    const double ratio = s.width_nm / spacing_nm;
    const Estimate simulated = proportion_with_ci(detected[k], trials[k]);
    const std::string targets = std::to_string(trials[k]) + " targets";
    PlotSeries& series = s.law == DetectionModel::kDefiniteRange ? definite : inverse;
    if (s.law == DetectionModel::kDefiniteRange) {
      const double analytic =
          definite_range_pod(tracks_nm, band_south_nm, band_north_nm, std::min(0.5 * s.width_nm, s.range_nm));
      out.checks.push_back(interval_check("definite range, W = " + fixed(s.width_nm, 0) + " nm, W/S = " +
                                              fixed(ratio, 4) + ": min(1, W/S) = " + fixed(std::min(1.0, ratio), 4) +
                                              " (" + targets + ")",
                                          analytic, simulated, 0.01));
    } else {
      range_nm = s.range_nm;
      const double ideal = std::erf(std::sqrt(kPi) * s.width_nm / (2.0 * spacing_nm));
      const double analytic = inverse_cube_pod(tracks_nm, band_south_nm, band_north_nm, s.width_nm, s.range_nm);
      out.checks.push_back(interval_check("inverse cube, W = " + fixed(s.width_nm, 0) + " nm, W/S = " +
                                              fixed(ratio, 4) + ": erf(sqrt(pi) W/(2S)) = " + fixed(ideal, 4) +
                                              ", capped at R = " + fixed(s.range_nm, 0) + " nm (" + targets + ")",
                                          analytic, simulated, 0.01));
    }
    series.x.push_back(ratio);
    series.y.push_back(simulated.mean);
    series.y_low.push_back(simulated.ci_low);
    series.y_high.push_back(simulated.ci_high);
  }

  PlotCurve cookie{"min(1, W/S)", {}, {}, false};
  PlotCurve koopman{"erf(sqrt(pi) W / (2S))", {}, {}, false};
  PlotCurve capped{"inverse cube capped at R = " + fixed(range_nm, 0) + " nm", {}, {}, true};
  const std::vector<double> unbounded = lattice(spacing_nm, range_nm);
  for (int i = 0; i <= 90; ++i) {
    const double ratio = 0.02 * i;  // 1 among the samples: min(1, W/S) keeps its corner
    cookie.x.push_back(ratio);
    cookie.y.push_back(std::min(1.0, ratio));
    koopman.x.push_back(ratio);
    koopman.y.push_back(std::erf(std::sqrt(kPi) * ratio / 2.0));
    capped.x.push_back(ratio);
    capped.y.push_back(i == 0 ? 0.0 : inverse_cube_pod(unbounded, 0.0, spacing_nm, ratio * spacing_nm, range_nm));
  }
  plot.curves = {std::move(cookie), std::move(koopman), std::move(capped)};
  plot.series = {std::move(definite), std::move(inverse)};
  out.plot = std::move(plot);
  return out;
}

}  // namespace mdasim::validation

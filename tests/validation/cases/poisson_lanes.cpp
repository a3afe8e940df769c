// Validation case: incidents arrive as a Poisson process (the count in the measured window has
// mean and variance rate x window) and are placed along the lanes in proportion to traffic
// weight x length. Scenario tests/validation/scenarios/poisson-lanes.yaml, 200 replications,
// seed 11, run through VariantSimulation as `mdasim run` runs a scenario.
//
// Expected values:
//   count      lambda = 2000/yr x 672 h / 8760 h = 153.42466 per replication (mean and variance);
//   placement  the south lane (weight 3) and the north lane (weight 1), each cut into equal
//              lengths of longitude, get shares w L / sum(w L), with L the geodesic length of
//              the lane on WGS84 (GeographicLib, independently of the engine's lane network).
// Checks: the mean's 95% interval contains lambda, half-width below 2% of it; the dispersion
// statistic (n - 1) s^2 / lambda lies between the 0.5% and 99.5% quantiles of chi-square with
// n - 1 degrees of freedom; every incident lies on a lane; Pearson's chi-square of the counts by
// lane piece against the expected shares lies below the 99.9% quantile of chi-square with
// (pieces - 1) degrees of freedom.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <GeographicLib/Geodesic.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include "run/variant_run.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr double kRatePerH = 2000.0 / 8760.0;
constexpr double kWindowH = 28.0 * 24.0;
constexpr std::size_t kReplications = 200;

struct Lane {
  double lat_deg, lon_west_deg, lon_east_deg, weight;
  int pieces;
};
constexpr Lane kLanes[] = {{1.0, 100.8, 103.2, 3.0, 4}, {3.0, 101.0, 102.2, 1.0, 2}};

// The lane piece an incident lies on (lanes in order, pieces west to east), or nothing.
std::optional<std::size_t> piece_of(const GeoPoint& p) {
  std::size_t first = 0;
  for (const Lane& lane : kLanes) {
    // A geodesic this short near the equator stays within 1e-4 degree of its parallel.
    if (std::abs(p.lat_deg - lane.lat_deg) < 1e-3 && p.lon_deg >= lane.lon_west_deg - 1e-9 &&
        p.lon_deg <= lane.lon_east_deg + 1e-9) {
      const double t = (p.lon_deg - lane.lon_west_deg) / (lane.lon_east_deg - lane.lon_west_deg);
      return first + static_cast<std::size_t>(std::clamp(static_cast<int>(t * lane.pieces), 0, lane.pieces - 1));
    }
    first += static_cast<std::size_t>(lane.pieces);
  }
  return std::nullopt;
}

}  // namespace

CaseResult poisson_lanes_case() {
  CaseResult out;
  out.id = "poisson-lanes";
  out.title = "Poisson incident counts and their placement along the lanes";
  out.formula = "N ~ Poisson(lambda), lambda = rate x window, so E[N] = Var[N] = lambda; a lane piece of traffic "
                "weight w and geodesic length L gets the share w L / sum(w L)";
  out.parameters = "rate 2000/yr, window 672 h (30 d run, 2 d warm-up): lambda = 153.42; south lane lat 1, lon "
                   "100.8-103.2, weight 3, in 4 pieces; north lane lat 3, lon 101.0-102.2, weight 1, in 2 pieces; " +
                   std::to_string(kReplications) + " replications, seed 11";
  out.scenarios = {"tests/validation/scenarios/poisson-lanes.yaml"};
  std::optional<Loaded> w = load_case("poisson-lanes.yaml", out.problem);
  if (!w) return out;
  VariantSimulation simulation(w->scenario, w->geography, 2);
  const RunWithRecords run = run_keeping_records(simulation, {w->scenario.run.seed, kReplications}, 2);

  const double lambda = kRatePerH * kWindowH;
  std::vector<double> counts;
  for (const SarReplicationResult& r : run.records) counts.push_back(static_cast<double>(r.incidents.size()));
  const Estimate e = mean_with_ci(counts);
  out.checks.push_back(interval_check("mean incidents per replication", lambda, e, 0.02 * lambda));
  const double n = static_cast<double>(counts.size());
  const double dispersion = (n - 1.0) * e.sd * e.sd / lambda;
  const boost::math::chi_squared dispersion_law(n - 1.0);
  const double low = boost::math::quantile(dispersion_law, 0.005);
  const double high = boost::math::quantile(dispersion_law, 0.995);
  Check variance = bound_check("dispersion (n - 1) s^2 / lambda (variance " + digits4(e.sd * e.sd) + ")",
                               "between the 0.5% and 99.5% quantiles of chi-square(n - 1): " + digits4(low) +
                                   " to " + digits4(high),
                               dispersion, high);
  variance.passed = low <= dispersion && dispersion <= high;
  out.checks.push_back(variance);

  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  std::vector<double> expected;
  for (const Lane& lane : kLanes) {
    double length_m = 0.0;
    wgs84.Inverse(lane.lat_deg, lane.lon_west_deg, lane.lat_deg, lane.lon_east_deg, length_m);
    for (int k = 0; k < lane.pieces; ++k) expected.push_back(lane.weight * length_m / lane.pieces);
  }
  double total_weight = 0.0;
  for (double x : expected) total_weight += x;
  std::vector<double> observed(expected.size(), 0.0);
  std::size_t incidents = 0;
  std::size_t off_lanes = 0;
  for (const SarReplicationResult& r : run.records) {
    for (const IncidentRecord& inc : r.incidents) {
      ++incidents;
      if (const std::optional<std::size_t> piece = piece_of(inc.position)) {
        observed[*piece] += 1.0;
      } else {
        ++off_lanes;
      }
    }
  }
  out.checks.push_back(bound_check("incidents off the lanes, of " + std::to_string(incidents), "none",
                                   static_cast<double>(off_lanes), 0.0));
  double chi_square = 0.0;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const double expect = static_cast<double>(incidents - off_lanes) * expected[i] / total_weight;
    chi_square += (observed[i] - expect) * (observed[i] - expect) / expect;
  }
  const boost::math::chi_squared placement_law(static_cast<double>(expected.size() - 1));
  out.checks.push_back(bound_check("Pearson chi-square of the counts in the 6 lane pieces",
                                   "below the 99.9% quantile of chi-square(5)", chi_square,
                                   boost::math::quantile(placement_law, 0.999)));
  double south = 0.0;
  for (int k = 0; k < kLanes[0].pieces; ++k) south += observed[static_cast<std::size_t>(k)];
  double south_expected = 0.0;
  for (int k = 0; k < kLanes[0].pieces; ++k) south_expected += expected[static_cast<std::size_t>(k)] / total_weight;
  out.checks.push_back(interval_check("share of incidents on the south lane", south_expected,
                                      proportion_with_ci(static_cast<std::size_t>(south), incidents), 0.01));
  return out;
}

}  // namespace mdasim::validation

// Validation case: the SAR model as an M/M/c queue, checked against Erlang C at two loads.
// Scenario tests/validation/scenarios/mmc.yaml (light load) and its option mmc-heavy.yaml (heavy
// load), each run through VariantSimulation as `mdasim run` runs them, 100 replications of a
// 365-day window.
//
// The queue: incidents arrive as a Poisson stream of rate lambda within 0.005 degrees of one
// airfield holding c = 3 aircraft that are always up, with zero readiness, turnaround, alerting
// and centre processing. A unit's service is its search: with no drift the time to find is
// exponential of rate mu = W V / (pi E0^2) (engine/model/search.hpp), W = 2 nm, V = 150 kt,
// E0 = 10 nm, so 1/mu = pi/3 h. Transit is at most 0.42 nm at 2000 kt, 0.0002 h each way (0.02%
// of a mean service): its effect on the values below is far inside their intervals. Incidents
// wait in order of arrival for the first unit to become free, and none is suspended (survival
// mean 10^6 h). With offered load A = lambda / mu and utilisation rho = A / c < 1, Erlang's
// formula gives
//   P(wait) = C(c, A) = [A^c / c! * c / (c - A)] / [sum_{k<c} A^k / k! + A^c / c! * c / (c - A)]
//   E[wait] = C(c, A) / (c mu - lambda)
// (Erlang 1917; e.g. Gross and Harris, Fundamentals of Queueing Theory, section 2.3).
// Checks, per load: the probability of waiting (a unit dispatched later than the incident was
// ready), the mean wait (ready to dispatch) and the units' utilisation (busy time over the
// window), each the mean of the 100 replications' values with its 95% Student-t interval
// (waits are correlated within a replication, so the replication is the unit of the estimate);
// and, over every incident of both loads, the mean search time against 1/mu (the heavy load runs
// its own seed, so the searches of the two loads are independent draws and may be pooled).
#include <cmath>
#include <string>
#include <vector>

#include "metrics/erlang_c.hpp"
#include "run/variant_run.hpp"
#include "validation_case.hpp"

namespace mdasim::validation {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr int kServers = 3;
constexpr double kSweepWidthNm = 2.0;
constexpr double kSearchSpeedKt = 150.0;
constexpr double kPositionErrorNm = 10.0;
constexpr std::size_t kReplications = 100;

struct LoadEstimates {
  std::vector<double> waited_fraction, mean_wait_h, utilisation;
  std::size_t never_dispatched = 0;
  std::size_t not_found = 0;
  std::vector<double> search_h;  // every search, first unit's arrival to the find
};

void add(const std::vector<SarReplicationResult>& records, LoadEstimates& e) {
  for (const SarReplicationResult& r : records) {
    std::size_t waited = 0;
    std::size_t dispatched = 0;
    double wait_sum_h = 0.0;
    for (const IncidentRecord& inc : r.incidents) {
      if (std::isnan(inc.dispatched_h)) {
        ++e.never_dispatched;
        continue;
      }
      ++dispatched;
      wait_sum_h += inc.wait_h();
      if (inc.wait_h() > 0.0) ++waited;
      if (inc.outcome != IncidentOutcome::kFound) {
        ++e.not_found;
        continue;
      }
      e.search_h.push_back(inc.found_h - inc.on_scene_h);
    }
    if (dispatched == 0) continue;
    e.waited_fraction.push_back(static_cast<double>(waited) / static_cast<double>(dispatched));
    e.mean_wait_h.push_back(wait_sum_h / static_cast<double>(dispatched));
    const double window_h = r.window_end_h - r.window_start_h;
    double busy_h = 0.0;
    for (const UnitRecord& u : r.units) busy_h += u.busy_h;
    e.utilisation.push_back(busy_h / (window_h * static_cast<double>(r.units.size())));
  }
}

}  // namespace

CaseResult mm_c_queue_case() {
  CaseResult out;
  out.id = "mm-c-queue";
  out.title = "Units at one base as an M/M/c queue (Erlang C)";
  out.formula = "P(wait) = C(c, A) = [A^c/c! c/(c - A)] / [sum_{k<c} A^k/k! + A^c/c! c/(c - A)], "
                "E[wait] = C(c, A) / (c mu - lambda), utilisation rho = A / c, A = lambda / mu; "
                "service = search time, exponential of rate mu = W V / (pi E0^2)";
  out.parameters = "c = 3 aircraft, always up, zero readiness and turnaround, incidents within 0.42 nm of the "
                   "airfield (transit at most 0.0002 h); W = 2 nm, V = 150 kt, E0 = 10 nm, no drift: 1/mu = pi/3 h "
                   "= 1.0472 h; lambda = 36/d (light, seed 11) and 54/d (heavy, seed 12); 100 replications of a "
                   "365-day window";
  out.scenarios = {"tests/validation/scenarios/mmc.yaml", "tests/validation/scenarios/mmc-heavy.yaml"};
  const double mu_per_h = kSweepWidthNm * kSearchSpeedKt / (kPi * kPositionErrorNm * kPositionErrorNm);

  struct Load {
    const char* file;
    const char* name;
  };
  const Load loads[] = {{"mmc.yaml", "light"}, {"mmc-heavy.yaml", "heavy"}};
  LoadEstimates all;  // the searches and the faults of both loads
  for (const Load& load : loads) {
    std::optional<Loaded> w = load_case(load.file, out.problem);
    if (!w) return out;
    if (w->scenario.incident_classes.size() != 1) {
      out.problem = std::string(load.file) + ": expected one incident class";
      return out;
    }
    const double lambda_per_h = w->scenario.incident_classes.front().rate_per_h;
    const double offered = lambda_per_h / mu_per_h;
    const double p_wait = erlang_c_wait_probability(kServers, offered);
    const double mean_wait_h = erlang_c_mean_wait_h(kServers, lambda_per_h, mu_per_h);
    const double rho = offered / kServers;

    VariantSimulation simulation(w->scenario, w->geography, 2);
    const RunWithRecords run = run_keeping_records(simulation, {w->scenario.run.seed, kReplications}, 2);
    LoadEstimates e;
    add(run.records, e);
    if (e.waited_fraction.size() != kReplications) {
      out.problem = std::string(load.file) + ": a replication dispatched no incident";
      return out;
    }
    const std::string label = std::string(load.name) + " load (lambda = " + fixed(lambda_per_h * 24.0, 0) +
                              "/d, A = " + fixed(offered, 4) + ", rho = " + fixed(rho, 4) + ")";
    out.checks.push_back(interval_check("probability of waiting, " + label, p_wait, mean_with_ci(e.waited_fraction),
                                        0.01));
    out.checks.push_back(interval_check("mean wait (h), " + label, mean_wait_h, mean_with_ci(e.mean_wait_h),
                                        0.05 * mean_wait_h));
    out.checks.push_back(interval_check("utilisation of the units, " + label, rho, mean_with_ci(e.utilisation), 0.005));
    all.search_h.insert(all.search_h.end(), e.search_h.begin(), e.search_h.end());
    all.never_dispatched += e.never_dispatched;
    all.not_found += e.not_found;
  }
  // The searches are independent exponential draws: a t interval over all of them.
  out.checks.push_back(interval_check("mean search (service) time (h), " + std::to_string(all.search_h.size()) +
                                          " searches",
                                      1.0 / mu_per_h, mean_with_ci(all.search_h), 0.005));
  out.checks.push_back(bound_check("incidents never dispatched or not found", "none",
                                   static_cast<double>(all.never_dispatched + all.not_found), 0.0));
  return out;
}

}  // namespace mdasim::validation

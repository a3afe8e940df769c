// mdasim's side of the comparison with the SimPy peers (benchmarks/run-peers.sh,
// benchmarks/peers/README.md): the engine itself on one thread, timed around the simulation only,
// printing one JSON object.
//
//   mmc <scenario>: the M/M/c queue of tests/validation/scenarios/mmc-heavy.yaml, replications
//     keyed (seed, 0, r) as `mdasim run` keys them; customers (incidents in the measured window)
//     per second of whole replications (drawing the incidents, then simulating them: what
//     run_sar_replication(setup, key) does) and of the simulation alone; the probability of
//     waiting and the mean wait with 95% intervals over replications, next to Erlang C.
//   mmc-kernel: the same queue written directly on the event kernel (mmc_kernel.hpp: an
//     EventQueue and two random streams, no SAR engine), SimPy's like-for-like peer; the same
//     figures for whole replications, keyed (seed, 0, r).
//   sar <scenario>: replications per second of run_sar_replication (SAR model alone) on the
//     incidents draw_sar_incidents gives for replications 0..R-1, drawn before the clock starts;
//     the same incidents benchmarks/peer_export gives the SimPy model.
//
//   peer_mdasim mmc tests/validation/scenarios/mmc-heavy.yaml --replications 100
//   peer_mdasim mmc-kernel --replications 1000
//   peer_mdasim sar benchmarks/peers/sar-reduced.yaml --replications 20 --min-time 2
#include <CLI/CLI.hpp>

#include <cmath>
#include <cstdint>
#include <iostream>
#include <numbers>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json_number.hpp"
#include "metrics/erlang_c.hpp"
#include "metrics/statistics.hpp"
#include "mmc_kernel.hpp"
#include "model/sar_incidents.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "peer_scenario.hpp"

namespace {

using nlohmann::ordered_json;
using namespace mdasim;

ordered_json estimate_json(const Estimate& e) {
  return {{"mean", json_number(e.mean)}, {"ci_low", json_number(e.ci_low)}, {"ci_high", json_number(e.ci_high)},
          {"n", e.n}};
}

bool inside(const Estimate& e, double value) { return e.ci_low <= value && value <= e.ci_high; }

// The M/M/c reading of a scenario (tests/validation/scenarios/mmc.yaml): one incident class, its
// units all of one type; the service rate is the random-search detection rate W V / (pi E0^2)
// (no drift, engine/model/search.hpp). Empty `problem` when the scenario reads as such a queue.
struct Queue {
  int servers = 0;
  double arrivals_per_h = 0.0;
  double service_per_h = 0.0;
  std::string problem;
};

Queue mmc_queue(const SarSetup& setup) {
  Queue q;
  const Scenario& sc = setup.scenario();
  if (sc.incident_classes.size() != 1 || setup.units().empty()) {
    q.problem = "expected one incident class and some SAR units";
    return q;
  }
  const IncidentClass& cls = sc.incident_classes.front();
  const SarUnit& first = setup.units().front();
  for (const SarUnit& u : setup.units()) {
    if (u.type_index != first.type_index) q.problem = "expected every unit of one asset type";
  }
  if (cls.drift_error_kt != 0.0) q.problem = "expected no drift (an exponential search time)";
  const double sweep_nm = setup.sweep_width_nm(first.type_index, cls.search_object_index);
  q.servers = static_cast<int>(setup.units().size());
  q.arrivals_per_h = cls.rate_per_h;
  q.service_per_h = sweep_nm * first.search_speed_kt / (std::numbers::pi * cls.position_error_nm * cls.position_error_nm);
  if (q.arrivals_per_h >= q.servers * q.service_per_h) q.problem = "the queue is unstable (lambda >= c mu)";
  return q;
}

// What both M/M/c modes measure over their replications: the customers arriving in the measured
// window, the seconds their replications took, and each replication's fraction of them who waited
// and their mean wait.
struct MmcRun {
  std::uint64_t customers = 0;
  double wall_s = 0.0;
  double cpu_s = 0.0;
  std::vector<double> waited_fraction;
  std::vector<double> mean_wait_h;

  void add_replication(std::uint64_t counted, std::uint64_t waited, double wait_sum_h) {
    if (counted == 0) return;
    waited_fraction.push_back(static_cast<double>(waited) / static_cast<double>(counted));
    mean_wait_h.push_back(wait_sum_h / static_cast<double>(counted));
  }
};

// The JSON both M/M/c modes print (read by benchmarks/peers/report.py): the queue, the speed in
// customers per wall and CPU second, and P(wait) and the mean wait, means over replications with
// 95% Student-t intervals, next to Erlang C.
ordered_json mmc_json(const char* model, const Queue& q, std::uint64_t replications, const MmcRun& run) {
  const double offered = q.arrivals_per_h / q.service_per_h;
  const double p_wait = erlang_c_wait_probability(q.servers, offered);
  const double wait_h = erlang_c_mean_wait_h(q.servers, q.arrivals_per_h, q.service_per_h);
  const Estimate p_est = mean_with_ci(run.waited_fraction);
  const Estimate w_est = mean_with_ci(run.mean_wait_h);
  const auto n = static_cast<double>(run.customers);
  ordered_json out;
  out["model"] = model;
  out["servers"] = q.servers;
  out["lambda_per_h"] = q.arrivals_per_h;
  out["mean_service_h"] = 1.0 / q.service_per_h;
  out["replications"] = replications;
  out["customers"] = run.customers;
  out["wall_s"] = run.wall_s;
  out["cpu_s"] = run.cpu_s;
  out["customers_per_s"] = n / run.wall_s;
  out["customers_per_cpu_s"] = n / run.cpu_s;
  out["p_wait"] = estimate_json(p_est);
  out["p_wait_erlang_c"] = p_wait;
  out["p_wait_agrees"] = inside(p_est, p_wait);
  out["mean_wait_h"] = estimate_json(w_est);
  out["mean_wait_erlang_c_h"] = wait_h;
  out["mean_wait_agrees"] = inside(w_est, wait_h);
  return out;
}

int run_mmc(const peers::LoadedScenario& loaded, std::uint64_t replications) {
  const SarSetup setup(loaded.scenario, loaded.geography, 1);
  const Queue q = mmc_queue(setup);
  if (!q.problem.empty()) {
    std::cerr << "peer_mdasim mmc: " << loaded.scenario.source_path << ": " << q.problem << "\n";
    return 2;
  }
  MmcRun run;  // whole replications: drawing the incidents and simulating them
  double simulation_wall_s = 0.0;
  double simulation_cpu_s = 0.0;
  for (std::uint64_t r = 0; r < replications; ++r) {
    // What run_sar_replication(setup, key) does, in its two steps, each timed.
    const ReplicationKey key{loaded.scenario.run.seed, 0, r};
    const peers::SectionClock draw_clock;
    std::vector<SarIncident> incidents = draw_sar_incidents(setup, key);
    run.wall_s += draw_clock.wall_s();
    run.cpu_s += draw_clock.cpu_s();
    const peers::SectionClock clock;
    const SarReplicationResult result = run_sar_replication(setup, key, std::move(incidents));
    simulation_wall_s += clock.wall_s();
    simulation_cpu_s += clock.cpu_s();
    std::uint64_t dispatched = 0;
    std::uint64_t waited = 0;
    double wait_sum_h = 0.0;
    for (const IncidentRecord& inc : result.incidents) {
      if (std::isnan(inc.dispatched_h)) continue;
      ++dispatched;
      wait_sum_h += inc.wait_h();
      if (inc.wait_h() > 0.0) ++waited;
    }
    run.customers += result.incidents.size();
    run.add_replication(dispatched, waited, wait_sum_h);
  }
  run.wall_s += simulation_wall_s;
  run.cpu_s += simulation_cpu_s;
  ordered_json out = mmc_json("mmc", q, replications, run);
  // The simulation alone, incidents drawn before its clock starts.
  const auto n = static_cast<double>(run.customers);
  out["simulation_wall_s"] = simulation_wall_s;
  out["simulation_cpu_s"] = simulation_cpu_s;
  out["simulation_customers_per_s"] = n / simulation_wall_s;
  out["simulation_customers_per_cpu_s"] = n / simulation_cpu_s;
  std::cout << out.dump() << "\n";
  return 0;
}

// The queue of mmc_kernel.hpp on the event kernel alone; each replication timed whole (setting up
// its streams and queue, drawing and simulating), as mmc_simpy.py times building and running its
// simulation.
int run_mmc_kernel(std::uint64_t replications, std::uint64_t seed) {
  const bench::MmcQueue model;
  const Queue q{model.servers, model.arrivals_per_h, 1.0 / model.mean_service_h, ""};
  MmcRun run;
  std::uint64_t events = 0;
  for (std::uint64_t r = 0; r < replications; ++r) {
    const peers::SectionClock clock;
    const bench::MmcTally tally = bench::run_mmc_replication(model, seed, r);
    run.wall_s += clock.wall_s();
    run.cpu_s += clock.cpu_s();
    run.customers += tally.customers;
    events += tally.events;
    run.add_replication(tally.customers, tally.waited, tally.wait_sum_h);
  }
  ordered_json out = mmc_json("mmc-kernel", q, replications, run);
  out["seed"] = seed;
  out["events"] = events;
  std::cout << out.dump() << "\n";
  return 0;
}

int run_sar(const peers::LoadedScenario& loaded, std::uint64_t replications, double min_time_s) {
  const SarSetup setup(loaded.scenario, loaded.geography, 1);
  if (const std::string why = peers::simpy_peer_unsupported(setup); !why.empty()) {
    std::cerr << "peer_mdasim sar: " << loaded.scenario.source_path << ": " << why << "\n";
    return 2;
  }
  const std::uint64_t seed = loaded.scenario.run.seed;
  std::vector<std::vector<SarIncident>> drawn;
  std::size_t incidents = 0;
  for (std::uint64_t r = 0; r < replications; ++r) {
    drawn.push_back(draw_sar_incidents(setup, {seed, 0, r}));
    incidents += drawn.back().size();
  }
  // Passes over the R replications until min_time_s of simulation; each call takes its own copy
  // of the incidents, made before its clock starts.
  std::uint64_t runs = 0;
  std::uint64_t events = 0;
  double wall_s = 0.0;
  double cpu_s = 0.0;
  do {
    for (std::uint64_t r = 0; r < replications; ++r) {
      std::vector<SarIncident> copy = drawn[r];
      const peers::SectionClock clock;
      const SarReplicationResult result = run_sar_replication(setup, {seed, 0, r}, std::move(copy));
      wall_s += clock.wall_s();
      cpu_s += clock.cpu_s();
      events += result.events;
      ++runs;
    }
  } while (wall_s < min_time_s);
  ordered_json out;
  out["model"] = "sar";
  out["scenario"] = loaded.scenario.name;
  out["units"] = setup.units().size();
  out["replications"] = replications;
  out["incidents_per_replication"] = static_cast<double>(incidents) / static_cast<double>(replications);
  out["events_per_replication"] = static_cast<double>(events) / static_cast<double>(runs);
  out["runs"] = runs;
  out["wall_s"] = wall_s;
  out["cpu_s"] = cpu_s;
  out["replications_per_s"] = static_cast<double>(runs) / wall_s;
  out["replications_per_cpu_s"] = static_cast<double>(runs) / cpu_s;
  std::cout << out.dump() << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"mdasim's side of the SimPy peer comparison (benchmarks/peers/README.md)"};
  app.require_subcommand(1);
  std::string scenario_path;
  std::uint64_t replications = 20;
  std::uint64_t seed = 12;  // mmc-heavy.yaml's seed, and mmc_simpy.py's default
  double min_time_s = 1.0;
  CLI::App* mmc = app.add_subcommand("mmc", "M/M/c queue: customers per second and Erlang C agreement");
  mmc->add_option("scenario", scenario_path, "the queue's scenario (e.g. mmc-heavy.yaml)")->required();
  mmc->add_option("--replications,-r", replications, "replications")->check(CLI::Range(2, 100000));
  CLI::App* mmc_kernel =
      app.add_subcommand("mmc-kernel", "the M/M/c queue on the event kernel alone: the same figures, no scenario");
  mmc_kernel->add_option("--replications,-r", replications, "replications")->check(CLI::Range(2, 100000));
  mmc_kernel->add_option("--seed", seed, "the replications' streams are keyed (seed, 0, r)");
  CLI::App* sar = app.add_subcommand("sar", "SAR model: replications per second on pre-drawn incidents");
  sar->add_option("scenario", scenario_path, "scenario (aircraft and helicopters, always up)")->required();
  sar->add_option("--replications,-r", replications, "distinct replications")->check(CLI::PositiveNumber);
  sar->add_option("--min-time", min_time_s, "seconds of simulation at least (passes repeat)")->check(CLI::NonNegativeNumber);
  CLI11_PARSE(app, argc, argv);

  if (mmc_kernel->parsed()) return run_mmc_kernel(replications, seed);
  const auto loaded = peers::load_scenario_with_geography(scenario_path, std::cerr);
  if (!loaded) return 2;
  return mmc->parsed() ? run_mmc(*loaded, replications) : run_sar(*loaded, replications, min_time_s);
}

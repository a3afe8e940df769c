// The macro benchmark: a whole run of a scenario (by default the shipped ASEAN baseline) as
// `mdasim run` simulates it, R replications on T threads through VariantSimulation (the SAR world
// with its patrols, the ISR targets and the coverage fields), timed as a whole, and the process's
// own accounting of what it used. One configuration per process, so that the peak resident set
// (getrusage's ru_maxrss, the process's high-water mark) belongs to that configuration alone.
//
//   macro_baseline [SCENARIO] [--replications R] [--threads T] [--grid DEG] [--json]
//
// Prints: the setup's wall time (loading, geography, the ports' distance fields), the
// replications' wall time, replications per second, SAR-world events handled and events per
// second (both per wall second of the replications), CPU seconds of the whole process over the
// replications' wall time (how many cores the run actually got), and the peak resident set.
// --grid overrides the scenario's grid cell (degrees), e.g. 0.05 for the memory target.
// Results and the commands that produced them: benchmarks/README.md.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "process_usage.hpp"
#include "run/variant_run.hpp"
#include "scenario/load.hpp"

namespace {

struct Options {
  std::string scenario = std::string(MDASIM_SOURCE_DIR) + "/scenarios/asean-baseline.yaml";
  std::size_t replications = 40;
  unsigned threads = 1;
  double grid_deg = 0.0;  // 0: the scenario's own
  bool json = false;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "macro_baseline: error: " << problem << "\n"
            << "usage: macro_baseline [SCENARIO] [--replications R] [--threads T] [--grid DEG] [--json]\n";
  std::exit(2);
}

double positive_number(const std::string& flag, const char* text) {
  char* end = nullptr;
  const double v = std::strtod(text, &end);
  if (end == text || *end != '\0' || !(v > 0.0)) usage(flag + " expects a positive number, not '" + text + "'");
  return v;
}

Options parse(int argc, char** argv) {
  Options o;
  bool scenario_given = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage(a + " expects a value");
      return argv[++i];
    };
    if (a == "--replications") {
      o.replications = static_cast<std::size_t>(positive_number(a, value()));
    } else if (a == "--threads") {
      o.threads = static_cast<unsigned>(positive_number(a, value()));
    } else if (a == "--grid") {
      o.grid_deg = positive_number(a, value());
    } else if (a == "--json") {
      o.json = true;
    } else if (!a.empty() && a[0] != '-' && !scenario_given) {
      o.scenario = a;
      scenario_given = true;
    } else {
      usage("unknown argument '" + a + "'");
    }
  }
  return o;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace mdasim;
  const Options o = parse(argc, argv);
  const auto setup_start = std::chrono::steady_clock::now();
  Diagnostics diagnostics;
  std::optional<Scenario> scenario = load_scenario(o.scenario, diagnostics);
  if (scenario && o.grid_deg > 0.0) scenario->region.cell_deg = o.grid_deg;
  std::optional<Geography> geography;
  if (scenario) geography = build_geography(*scenario, diagnostics);
  if (!scenario || !geography || diagnostics.error_count() > 0) {
    diagnostics.print(std::cerr);
    return 2;
  }
  VariantSimulation simulation(*scenario, *geography, o.threads);
  const double setup_s = seconds_since(setup_start);

  const double cpu_before_s = bench::process_cpu_s();
  const auto run_start = std::chrono::steady_clock::now();
  const VariantResults results = simulation.run({scenario->run.seed, o.replications}, o.threads, {});
  const double run_s = seconds_since(run_start);
  const double cpu_s = bench::process_cpu_s() - cpu_before_s;
  const std::uint64_t events = results.sar.total_events();
  const double peak_mb = bench::peak_rss_kb() / 1024.0;

  const double reps_per_s = static_cast<double>(o.replications) / run_s;
  const double events_per_s = static_cast<double>(events) / run_s;
  if (o.json) {
    std::printf(
        "{\"scenario\": \"%s\", \"grid_deg\": %g, \"threads\": %u, \"replications\": %zu, \"setup_s\": %.4f, "
        "\"run_s\": %.4f, \"replications_per_s\": %.4f, \"events\": %llu, \"events_per_s\": %.1f, "
        "\"cpu_per_wall\": %.3f, \"peak_rss_mb\": %.1f}\n",
        scenario->name.c_str(), scenario->region.cell_deg, o.threads, o.replications, setup_s, run_s, reps_per_s,
        static_cast<unsigned long long>(events), events_per_s, cpu_s / run_s, peak_mb);
  } else {
    std::printf("scenario            %s (grid %g deg)\n", scenario->name.c_str(), scenario->region.cell_deg);
    std::printf("replications        %zu on %u thread(s)\n", o.replications, o.threads);
    std::printf("setup               %.3f s wall (loading, geography, distance fields)\n", setup_s);
    std::printf("replications        %.3f s wall, %.2f replications/s, %.3f s each\n", run_s, reps_per_s,
                run_s / static_cast<double>(o.replications));
    std::printf("events              %llu (SAR world), %.3g per second\n", static_cast<unsigned long long>(events),
                events_per_s);
    std::printf("cores used          %.2f (process CPU / wall during the replications)\n", cpu_s / run_s);
    std::printf("peak memory         %.1f MB (resident, getrusage)\n", peak_mb);
  }
  return 0;
}

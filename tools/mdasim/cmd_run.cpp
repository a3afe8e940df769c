// `mdasim run SCENARIO.yaml [-o OUT.h5] [--replications N] [--seed S] [--threads T] [--json FILE]`:
// run the SAR simulation of one scenario (or option) for N replications, print the measures with
// their 95% intervals, and optionally write the results file and a JSON summary. The outputs
// depend on the scenario, seed and replications only, never on the thread count.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

#include "commands.hpp"
#include "core/printable.hpp"
#include "interrupt.hpp"
#include "io/incidents_table.hpp"
#include "io/results_file.hpp"
#include "progress.hpp"
#include "run_options.hpp"
#include "run/variant_run.hpp"

namespace mdasim::cli {
namespace {

namespace fs = std::filesystem;

// Loads, simulates, prints and writes; returns the exit status. Throws Interrupted on Ctrl-C.
int run_sar(const std::string& path, const RunSettingsRequest& request, const InterruptGuard& interrupt) {
  const std::optional<LoadedScenario> loaded = load_for_simulation(path);
  if (!loaded) return kExitBadInput;
  const Scenario& scenario = loaded->scenario;
  if (!outputs_clear_of_inputs(request, input_files(scenario), "mdasim run")) return kExitBadInput;
  interrupt.throw_if_interrupted();

  // The ports' distance fields are computed on the run's threads (they do not depend on it).
  VariantSimulation simulation(scenario, loaded->geography, static_cast<unsigned>(request.threads));
  const std::uint64_t count = request.replications.value_or(static_cast<std::uint64_t>(scenario.run.replications));
  const SarRunInfo info{request.seed.value_or(scenario.run.seed), static_cast<std::size_t>(count)};
  const auto threads = static_cast<unsigned>(std::min<std::uint64_t>(request.threads, count));
  interrupt.throw_if_interrupted();

  const std::string variant = variant_name(scenario);
  try {
    // The results file is open from the start: each replication's incidents go to it as the run
    // goes on (io/incidents_table.hpp), so memory does not grow with the replications.
    RunOutputs outputs(request);
    std::optional<IncidentsTable> incidents;
    if (ResultsFile* file = outputs.file()) {
      write_sar_run_attributes(*file, scenario, info);
      incidents.emplace(*file, variant, simulation.setup());
    }
    VariantResults results;
    {
      ProgressBar bar(std::cerr, stderr_is_terminal(), "replications");
      results = simulation.run(
          info, threads, interrupt.flag(),  // replications stop within milliseconds of Ctrl-C
          [&bar](std::size_t done, std::size_t total) { bar.update(done, total); },
          [&incidents](const SarReplicationResult& sar, const IsrReplicationResult&) {
            if (incidents) incidents->append(sar);
          });
    }
    interrupt.throw_if_interrupted();

    std::cout << "Scenario " << scenario.name << " (" << path << ")\n"
              << "  SAR run: " << info.replications << (info.replications == 1 ? " replication of " : " replications of ")
              << hours_text(scenario.run.duration_h) << " (" << hours_text(scenario.run.warmup_h) << " warm-up), seed "
              << info.seed << ", " << threads << (threads == 1 ? " thread" : " threads") << ", "
              << seconds_text(results.elapsed_s) << "\n\n";
    print_sar_summary(std::cout, scenario, results.sar_summary);
    print_patrol_summary(std::cout, scenario, results.sar);
    print_isr_summary(std::cout, scenario, results.isr_summary);
    std::cout.flush();

    if (ResultsFile* file = outputs.file()) simulation.write(*file, variant, results, static_cast<unsigned>(request.threads));
    outputs.commit(request.json.empty() ? std::string()
                                        : sar_summary_json(scenario, variant, results.info, results.sar_summary) + "\n",
                   interrupt);
  } catch (const Interrupted&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;  // reported by main
  } catch (const std::exception& e) {
    std::cerr << "mdasim run: error: " << printable(e.what()) << '\n';
    return kExitFailure;
  }
  if (!request.output.empty()) std::cout << "\nResults written to " << request.output << " (group " << variant << ")\n";
  if (!request.json.empty()) {
    std::cout << (request.output.empty() ? "\n" : "") << "JSON summary written to " << request.json << '\n';
  }
  return kExitOk;
}

}  // namespace

void add_run_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::string scenario;
    RunFlags flags;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("run", "Run the SAR simulation of a scenario and summarise it");
  cmd->add_option("SCENARIO", options->scenario, "Scenario or option file (YAML) with geodata")
      ->required()
      ->type_name("FILE");
  options->flags.add_to(*cmd, "Write the results file (HDF5) here; without it no results file is written");
  cmd->footer(
      "Examples:\n"
      "  mdasim run scenarios/asean-baseline.yaml --replications 20\n"
      "  mdasim run scenarios/asean-baseline.yaml -o baseline.h5 --json baseline.json\n\n"
      "Prints the SAR measures (means over replications with 95% intervals) and a line per incident\n"
      "class. The results file holds the tables under the group 'baseline' (or the option's name\n"
      "for an option file); it is written under a temporary name and renamed when complete.\n"
      "Results are the same, bit for bit, for any --threads.\n"
      "A progress bar is shown on stderr when it is a terminal. Ctrl-C stops the run (no output\n"
      "file is left) with exit status 130.\n"
      "Exit status: 0 success, 1 failure while running or writing, 2 bad input or options,\n"
      "130 interrupted. Errors go to stderr as file:line:col: error: message.");
  cmd->callback([options, &run] {
    run = [options]() -> int {
      // Options first: nothing is loaded for a run that cannot start.
      const std::optional<RunSettingsRequest> request = check_run_flags(options->flags, "mdasim run");
      if (!request) return kExitBadInput;
      const InterruptGuard interrupt;
      try {
        return run_sar(options->scenario, *request, interrupt);
      } catch (const Interrupted&) {
        std::cerr << "mdasim run: interrupted; no results written\n";
        return kExitInterrupted;
      }
    };
  });
}

}  // namespace mdasim::cli

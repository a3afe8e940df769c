// `mdasim run SCENARIO.yaml [-o OUT.h5] [--replications N] [--seed S] [--threads T] [--json FILE]`:
// run the SAR simulation of one scenario (or option) for N replications, print the measures with
// their 95% intervals, and optionally write the results file and a JSON summary. The outputs
// depend on the scenario, seed and replications only, never on the thread count.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "interrupt.hpp"
#include "io/results_file.hpp"
#include "io/isr_results.hpp"
#include "io/map_layers.hpp"
#include "io/sar_maps.hpp"
#include "io/sar_results.hpp"
#include "model/isr_replication.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "progress.hpp"
#include "run/isr_fields.hpp"
#include "run/replication_runner.hpp"
#include "scenario/load.hpp"

namespace mdasim::cli {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t kMaxReplications = 1'000'000;  // as in a scenario's run section
constexpr std::uint64_t kMaxThreads = 1024;

// A whole number in [min, max] written in decimal digits only, or nothing.
std::optional<std::uint64_t> parse_count(const std::string& text, std::uint64_t min, std::uint64_t max) {
  std::uint64_t value = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value < min || value > max) return std::nullopt;
  return value;
}

// Why `path` cannot be written as an output file (empty if it can, as far as can be told
// before writing): its folder must exist and be writable, and it must not be a folder.
std::string output_problem(const std::string& option, const std::string& path) {
  std::error_code ec;
  const fs::path target(path);
  if (fs::is_directory(target, ec)) return option + " '" + path + "' is a folder; expected a file name";
  fs::path folder = target.parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::is_directory(folder, ec))
    return option + " '" + path + "': the folder '" + folder.string() + "' does not exist";
  if (access(folder.c_str(), W_OK | X_OK) != 0) {
    return option + " '" + path + "': the folder '" + folder.string() + "' is not writable";
  }
  return "";
}

// Writes `text` to `<path>.tmp-<pid>`, returning that name; throws std::runtime_error on failure
// (and removes what it wrote).
fs::path write_temp_text(const std::string& path, const std::string& text) {
  const fs::path temp = path + ".tmp-" + std::to_string(getpid());
  std::ofstream out(temp, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out.fail()) return temp;
  std::error_code ignored;
  fs::remove(temp, ignored);
  throw std::runtime_error("cannot write '" + path + "'");
}

// The results-file group of the run: "baseline" for a scenario, the option's name for an option.
std::string variant_name(const Scenario& scenario) {
  if (!scenario.option || scenario.option->name.empty()) return "baseline";
  std::string name = scenario.option->name;
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  return name == "." || name == ".." ? "option" : name;
}

std::string hours_text(double h) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%g h", h);
  return buf;
}

std::string seconds_text(double s) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.1f s", s);
  return buf;
}

// What the command line asks for, checked before anything is loaded.
struct RunRequest {
  std::string scenario;
  std::string output;  // empty: no results file
  std::string json;    // empty: no JSON summary
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  std::uint64_t threads = 1;
};

// Writes the JSON under a temporary name, commits the results file, then renames the JSON, so
// that a failure leaves neither at its target path. Throws on failure (Interrupted if Ctrl-C
// came before the commit).
void write_outputs(const RunRequest& request, const SarSetup& setup, const IsrFields& coverage,
                   const SarRunInfo& info, const std::vector<SarReplicationResult>& results, const SarSummary& summary,
                   const IsrSummary& isr_summary,
                   const std::string& variant, const InterruptGuard& interrupt) {
  const Scenario& scenario = setup.scenario();
  std::optional<fs::path> json_temp;
  if (!request.json.empty()) {
    json_temp = write_temp_text(request.json, sar_summary_json(scenario, variant, info, summary) + "\n");
  }
  try {
    if (!request.output.empty()) {
      ResultsFile file(request.output);
      write_sar_run_attributes(file, scenario, info);
      write_sar_results(file, variant, setup, results, summary);
      write_isr_summary(file, variant, scenario, isr_summary);
      std::vector<MapLayer> layers = sar_map_layers(setup, results, static_cast<unsigned>(request.threads));
      for (MapLayer& layer : coverage.layers()) layers.push_back(std::move(layer));
      write_map_layers(file, variant, setup.geography().grid(), layers);
      interrupt.throw_if_interrupted();
      file.commit();
    }
    if (json_temp) fs::rename(*json_temp, request.json);
  } catch (...) {
    std::error_code ignored;
    if (json_temp) fs::remove(*json_temp, ignored);
    throw;
  }
}

// Loads, simulates, prints and writes; returns the exit status. Throws Interrupted on Ctrl-C.
int run_sar(const RunRequest& request, const InterruptGuard& interrupt) {
  Diagnostics diagnostics;
  const std::optional<Scenario> scenario = load_scenario(request.scenario, diagnostics);
  if (!scenario) {
    diagnostics.print(std::cerr);
    return kExitBadInput;
  }
  if (scenario->geodata.land_path.empty()) {
    diagnostics.print(std::cerr);
    std::cerr << request.scenario << ": error: scenario '" << scenario->name
              << "' has no geodata; the simulation needs at least the land file (geodata: land: FILE.geojson)\n";
    return kExitBadInput;
  }
  const std::optional<Geography> geo = build_geography(*scenario, diagnostics);
  diagnostics.print(std::cerr);  // warnings too
  if (!geo) return kExitBadInput;
  interrupt.throw_if_interrupted();

  // The ports' distance fields are computed on the run's threads (they do not depend on it).
  const SarSetup setup(*scenario, *geo, static_cast<unsigned>(request.threads));
  const std::uint64_t count = request.replications.value_or(static_cast<std::uint64_t>(scenario->run.replications));
  const SarRunInfo info{request.seed.value_or(scenario->run.seed), static_cast<std::size_t>(count)};
  const auto threads = static_cast<unsigned>(std::min<std::uint64_t>(request.threads, count));
  interrupt.throw_if_interrupted();

  const PatrolSetup patrols(*scenario, *geo, setup);
  IsrFields coverage(*scenario, *geo, patrols);
  const IsrSetup isr(*scenario, *geo, setup, &patrols);
  std::vector<std::vector<TargetClassMetrics>> isr_reps(info.replications);
  const auto start = std::chrono::steady_clock::now();
  std::vector<SarReplicationResult> results;
  {
    ProgressBar bar(std::cerr, stderr_is_terminal(), "replications");
    results = run_replications<SarReplicationResult>(
        info.replications, threads,
        [&](std::size_t r) {
          interrupt.throw_if_interrupted();  // no new replication once Ctrl-C is pressed
          const ReplicationKey key{info.seed, 0, r};
          SarReplicationResult result = run_sar_replication(setup, &patrols, key);
          IsrReplicationResult targets = run_isr_replication(isr, key, result.sorties);
          coverage.add_replication(key, result.sorties, targets.records);
          isr_reps[r] = std::move(targets.metrics);  // each replication its own slot
          return result;
        },
        [&bar](std::size_t done, std::size_t total) { bar.update(done, total); });
  }
  const double elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  interrupt.throw_if_interrupted();

  const SarSummary summary = summarise_sar(*scenario, results);
  const IsrSummary isr_summary = summarise_isr(isr_reps);
  const std::string variant = variant_name(*scenario);
  std::cout << "Scenario " << scenario->name << " (" << request.scenario << ")\n"
            << "  SAR run: " << info.replications << (info.replications == 1 ? " replication of " : " replications of ")
            << hours_text(scenario->run.duration_h) << " (" << hours_text(scenario->run.warmup_h) << " warm-up), seed "
            << info.seed << ", " << threads << (threads == 1 ? " thread" : " threads") << ", "
            << seconds_text(elapsed_s) << "\n\n";
  print_sar_summary(std::cout, *scenario, summary);
  print_patrol_summary(std::cout, *scenario, results);
  print_isr_summary(std::cout, *scenario, isr_summary);
  std::cout.flush();

  try {
    write_outputs(request, setup, coverage, info, results, summary, isr_summary, variant, interrupt);
  } catch (const Interrupted&) {
    throw;
  } catch (const std::exception& e) {
    std::cerr << "mdasim run: error: " << e.what() << '\n';
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
    std::string output;
    std::string json;
    std::string replications;
    std::string seed;
    std::string threads;
    CLI::Option* replications_given = nullptr;
    CLI::Option* seed_given = nullptr;
    CLI::Option* threads_given = nullptr;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("run", "Run the SAR simulation of a scenario and summarise it");
  cmd->add_option("SCENARIO", options->scenario, "Scenario or option file (YAML) with geodata")
      ->required()
      ->type_name("FILE");
  cmd->add_option("-o,--output", options->output,
                  "Write the results file (HDF5) here; without it no results file is written")
      ->type_name("OUT.h5");
  options->replications_given =
      cmd->add_option("--replications", options->replications,
                      "Number of replications, 1 to 1000000 (default: the scenario's run.replications)")
          ->type_name("N");
  options->seed_given =
      cmd->add_option("--seed", options->seed, "Random seed, a whole number >= 0 (default: the scenario's run.seed)")
          ->type_name("S");
  options->threads_given =
      cmd->add_option("--threads", options->threads, "Threads to run replications on, 1 to 1024 (default: all cores)")
          ->type_name("T");
  cmd->add_option("--json", options->json, "Also write a JSON summary (one object, stable keys) here")
      ->type_name("FILE");
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
      const auto fail_usage = [](const std::string& message) {
        std::cerr << "mdasim run: error: " << message << '\n';
        return kExitBadInput;
      };
      // Options first: nothing is loaded for a run that cannot start.
      RunRequest request{options->scenario, options->output, options->json, {}, {}, default_thread_count()};
      if (options->replications_given->count() > 0) {
        request.replications = parse_count(options->replications, 1, kMaxReplications);
        if (!request.replications) {
          return fail_usage("--replications '" + options->replications + "' is not a whole number from 1 to " +
                            std::to_string(kMaxReplications));
        }
      }
      if (options->seed_given->count() > 0) {
        request.seed = parse_count(options->seed, 0, UINT64_MAX);
        if (!request.seed) {
          return fail_usage("--seed '" + options->seed + "' is not a whole number from 0 to 2^64 - 1");
        }
      }
      if (options->threads_given->count() > 0) {
        const std::optional<std::uint64_t> threads = parse_count(options->threads, 1, kMaxThreads);
        if (!threads) {
          return fail_usage("--threads '" + options->threads + "' is not a whole number from 1 to " +
                            std::to_string(kMaxThreads));
        }
        request.threads = *threads;
      }
      for (const auto& [option, path] : {std::pair{"-o", request.output}, std::pair{"--json", request.json}}) {
        if (path.empty()) continue;
        if (const std::string problem = output_problem(option, path); !problem.empty()) return fail_usage(problem);
      }
      if (!request.output.empty() && !request.json.empty() &&
          fs::absolute(request.output).lexically_normal() == fs::absolute(request.json).lexically_normal()) {
        return fail_usage("-o and --json name the same file '" + request.output + "'");
      }
      const InterruptGuard interrupt;
      try {
        return run_sar(request, interrupt);
      } catch (const Interrupted&) {
        std::cerr << "mdasim run: interrupted; no results written\n";
        return kExitInterrupted;
      }
    };
  });
}

}  // namespace mdasim::cli

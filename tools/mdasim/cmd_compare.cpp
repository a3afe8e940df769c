// `mdasim compare BASE.yaml OPTION.yaml... [-o OUT.h5] [--replications N] [--seed S] [--threads T]
// [--json FILE]`: runs the baseline and every option over the same replications on common random
// numbers (engine/run/variant_run.hpp), and reports for every measure each side's mean, the
// paired difference and relative change with their 95% intervals, the change per US$ million of
// the option's cost and a verdict (engine/run/option_comparison.hpp). The results file holds one
// group per variant, as `mdasim run` writes it, and the table comparison/paired_differences.
//
// Every file is loaded and checked before anything runs: each option must be an option file
// whose base is BASE, with a name of its own, and must keep the baseline's measured window
// (run.duration and run.warmup), since replications are paired. Variants run one after the
// other, each on all the threads, and only one variant's setups are held at a time.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "core/printable.hpp"
#include "interrupt.hpp"
#include "io/comparison_results.hpp"
#include "io/incidents_table.hpp"
#include "io/results_file.hpp"
#include "progress.hpp"
#include "run/option_comparison.hpp"
#include "run/variant_run.hpp"
#include "run_options.hpp"
#include "scenario/load.hpp"

namespace mdasim::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kCommand = "mdasim compare";

// Loads every file without building geography, and checks that the options fit the baseline.
// Prints every problem; returns the scenarios (baseline first) or nothing.
std::optional<std::vector<Scenario>> load_variants(const std::string& base_path, const std::vector<std::string>& option_paths) {
  Diagnostics diagnostics;
  std::vector<Scenario> out;
  bool ok = true;
  std::optional<Scenario> base = load_scenario(base_path, diagnostics);
  if (base && base->option) {
    diagnostics.error(base->option->where, "'" + base_path +
                                               "' is an option file; the first file of a comparison is its baseline "
                                               "scenario (this option's base is '" + base->option->base_path + "')");
    base.reset();
  }
  ok = ok && base.has_value();
  std::map<std::string, std::string> variant_files{{"baseline", base_path}};
  for (const std::string& path : option_paths) {
    std::optional<Scenario> s = load_scenario(path, diagnostics);
    if (!s) {
      ok = false;
      continue;
    }
    if (!s->option) {
      diagnostics.error(SourceLocation{std::make_shared<const std::string>(path), 1, 1},
                        "not an option file (it has no 'option' section); every file after the baseline is an option "
                        "whose base is '" + base_path + "'");
      ok = false;
      continue;
    }
    const OptionInfo& option = *s->option;
    if (!same_file(option.base_path, base_path)) {
      diagnostics.error(option.fields.of("base", option.where), "this option's base is '" + option.base_path +
                                                      "', not the baseline of this comparison '" + base_path + "'");
      ok = false;
    }
    const std::string variant = variant_name(*s);
    if (variant == "comparison") {
      diagnostics.error(option.fields.of("name", option.where), "an option may not be named 'comparison' in a comparison (the name "
                                                  "of the group holding the paired differences)");
      ok = false;
    } else if (const auto [it, fresh] = variant_files.emplace(variant, path); !fresh) {
      diagnostics.error(option.fields.of("name", option.where), "the option name '" + option.name + "' is also that of '" +
                                                      it->second + "'; every variant of a comparison needs its own name");
      ok = false;
    }
    if (base && (s->run.duration_h != base->run.duration_h || s->run.warmup_h != base->run.warmup_h)) {
      diagnostics.error(s->run.where, "this option changes the measured window (run.duration " +
                                          hours_text(s->run.duration_h) + ", run.warmup " + hours_text(s->run.warmup_h) +
                                          "; the baseline's: " + hours_text(base->run.duration_h) + ", " +
                                          hours_text(base->run.warmup_h) +
                                          "); a comparison pairs replications over the same window");
      ok = false;
    } else if (base && (s->run.seed != base->run.seed || s->run.replications != base->run.replications)) {
      diagnostics.warning(s->run.where, "this option's run.seed and run.replications are not used: a comparison runs "
                                        "every variant with the baseline's (or --seed and --replications)");
    }
    out.push_back(std::move(*s));
  }
  diagnostics.print(std::cerr);
  if (!ok || diagnostics.has_errors()) return std::nullopt;
  out.insert(out.begin(), std::move(*base));
  return out;
}

void write_variant_attributes(ResultsFile& file, const std::string& variant, const Scenario& scenario) {
  file.set_attribute(variant, "scenario_path", scenario.source_path);
  if (!scenario.option) return;
  file.set_attribute(variant, "option_text", scenario.option_text);
  file.set_attribute(variant, "option_name", scenario.option->name);
  file.set_attribute(variant, "option_description", scenario.option->description);
  file.set_attribute(variant, "cost_musd", scenario.option->cost_musd);
}

int run_compare(const std::string& base_path, const std::vector<std::string>& option_paths,
                const RunSettingsRequest& request, const InterruptGuard& interrupt) {
  std::optional<std::vector<Scenario>> loaded = load_variants(base_path, option_paths);
  if (!loaded) return kExitBadInput;
  const std::vector<Scenario>& scenarios = *loaded;
  const Scenario& baseline = scenarios.front();
  const std::uint64_t count = request.replications.value_or(static_cast<std::uint64_t>(baseline.run.replications));
  const SarRunInfo info{request.seed.value_or(baseline.run.seed), static_cast<std::size_t>(count)};
  const auto threads = static_cast<unsigned>(std::min<std::uint64_t>(request.threads, count));

  std::vector<std::string> inputs;
  for (const Scenario& scenario : scenarios) {
    for (std::string& input : input_files(scenario)) inputs.push_back(std::move(input));
  }
  if (!outputs_clear_of_inputs(request, inputs, kCommand)) return kExitBadInput;
  try {
    // The results file is open from the start: each replication's incidents go to it as the
    // run goes on (io/incidents_table.hpp).
    RunOutputs outputs(request);
    ResultsFile* file = outputs.file();
    if (file) write_sar_run_attributes(*file, baseline, info);
    std::cout << "Comparison of " << scenarios.size() - 1 << (scenarios.size() == 2 ? " option" : " options")
              << " with scenario " << baseline.name << " (" << base_path << ")\n"
              << "  " << info.replications << (info.replications == 1 ? " replication" : " replications")
              << " of " << hours_text(baseline.run.duration_h) << " (" << hours_text(baseline.run.warmup_h)
              << " warm-up) per variant on common random numbers, seed " << info.seed << ", " << threads
              << (threads == 1 ? " thread" : " threads") << "\n";
    std::cout.flush();

    std::vector<MeasureSeries> baseline_series;
    std::vector<OptionComparison> comparisons;
    for (std::size_t v = 0; v < scenarios.size(); ++v) {
      const Scenario& scenario = scenarios[v];
      const std::string variant = variant_name(scenario);
      Diagnostics diagnostics;
      std::optional<Geography> geo = build_geography(scenario, diagnostics);
      diagnostics.print(std::cerr);
      if (!geo) return kExitBadInput;
      interrupt.throw_if_interrupted();
      VariantSimulation simulation(scenario, *geo, static_cast<unsigned>(request.threads));
      std::optional<IncidentsTable> incidents;
      if (file) incidents.emplace(*file, variant, simulation.setup());
      VariantResults results;
      {
        ProgressBar bar(std::cerr, stderr_is_terminal(),
                        variant + " (" + std::to_string(v + 1) + "/" + std::to_string(scenarios.size()) + ")");
        results = simulation.run(
            info, threads, interrupt.flag(), [&bar](std::size_t done, std::size_t total) { bar.update(done, total); },
            [&incidents](const SarReplicationResult& sar, const IsrReplicationResult&) {
              if (incidents) incidents->append(sar);
            });
      }
      interrupt.throw_if_interrupted();
      std::cout << "  " << variant << ": " << seconds_text(results.elapsed_s) << "\n";
      std::cout.flush();
      if (file) {
        simulation.write(*file, variant, results, static_cast<unsigned>(request.threads));
        write_variant_attributes(*file, variant, scenario);
      }
      std::vector<MeasureSeries> series = measure_series(scenario, results);
      if (v == 0) {
        baseline_series = std::move(series);
        continue;
      }
      const OptionInfo& option = *scenario.option;
      std::string description = option.description;  // a folded YAML block ends in a newline
      while (!description.empty() && std::isspace(static_cast<unsigned char>(description.back()))) description.pop_back();
      comparisons.push_back(OptionComparison{variant, option.name, description, scenario.source_path,
                                             option.cost_musd,
                                             compare_measures(baseline_series, series, option.cost_musd)});
    }
    std::cout << '\n';
    print_comparison(std::cout, comparisons);
    std::cout.flush();

    if (file) write_comparison_table(*file, comparisons);
    outputs.commit(request.json.empty() ? std::string() : comparison_json(baseline, info, comparisons) + "\n",
                   interrupt);
    if (!request.output.empty()) {
      std::cout << "\nResults written to " << request.output << " (groups baseline";
      for (const OptionComparison& c : comparisons) std::cout << ", " << c.variant;
      std::cout << "; paired differences in comparison/paired_differences)\n";
    }
  } catch (const Interrupted&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw;  // reported by main
  } catch (const std::exception& e) {
    std::cerr << kCommand << ": error: " << printable(e.what()) << '\n';
    return kExitFailure;
  }
  if (!request.json.empty()) {
    std::cout << (request.output.empty() ? "\n" : "") << "JSON summary written to " << request.json << '\n';
  }
  return kExitOk;
}

}  // namespace

void add_compare_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::string baseline;
    std::vector<std::string> options;
    RunFlags flags;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("compare", "Compare options with their baseline on common random numbers");
  cmd->add_option("BASE", options->baseline, "The baseline scenario (YAML) the options are overlays of")
      ->required()
      ->type_name("BASE.yaml");
  cmd->add_option("OPTION", options->options, "One or more option files whose base is BASE")
      ->required()
      ->type_name("OPTION.yaml...");
  options->flags.add_to(*cmd,
                        "Write the results file (HDF5) here: one group per variant and the paired differences; "
                        "without it no results file is written");
  cmd->footer(
      "Examples:\n"
      "  mdasim compare scenarios/asean-baseline.yaml scenarios/options/tc90-second-transfer.yaml\n"
      "  mdasim compare scenarios/asean-baseline.yaml scenarios/options/*.yaml --replications 40 \\\n"
      "      -o options.h5 --json options.json\n"
      "  mdasim heatmap options.h5 --layer expected_response_h --variant tc90-second-transfer --minus baseline\n\n"
      "Every variant runs the same replications (seed, replication index) so that options that change\n"
      "only what responds see the same incidents and targets; each measure is compared pair by pair:\n"
      "difference = option - baseline with its 95% interval, relative = option / baseline - 1, the\n"
      "difference per US$ million of the option's cost, and a verdict (better, worse, unclear, no\n"
      "change) read from the interval and the measure's direction. The table shows the key measures;\n"
      "--json and -o hold every measure, per incident and target class too.\n"
      "Results are the same, bit for bit, for any --threads. Ctrl-C stops the comparison (no output\n"
      "file is left) with exit status 130.\n"
      "Exit status: 0 success, 1 failure while running or writing, 2 bad input or options,\n"
      "130 interrupted. Errors go to stderr as file:line:col: error: message.");
  cmd->callback([options, &run] {
    run = [options]() -> int {
      const std::optional<RunSettingsRequest> request = check_run_flags(options->flags, kCommand);
      if (!request) return kExitBadInput;
      const InterruptGuard interrupt;
      try {
        return run_compare(options->baseline, options->options, *request, interrupt);
      } catch (const Interrupted&) {
        std::cerr << kCommand << ": interrupted; no results written\n";
        return kExitInterrupted;
      }
    };
  });
}

}  // namespace mdasim::cli

// What `mdasim run` and `mdasim compare` share: the run options (-o, --json, --replications,
// --seed, --threads), checked before anything is loaded; loading a scenario with its geography;
// a variant's group name in the results file; and writing an output beside its target under a
// temporary name, so that a failure never leaves a file that looks complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "geo/geography.hpp"
#include "scenario/scenario.hpp"

namespace mdasim::cli {

// The options as the command line gave them (text), registered on a subcommand.
struct RunFlags {
  std::string output;
  std::string json;
  std::string replications;
  std::string seed;
  std::string threads;
  CLI::Option* replications_given = nullptr;
  CLI::Option* seed_given = nullptr;
  CLI::Option* threads_given = nullptr;

  // Registers -o, --replications, --seed, --threads and --json; `output_help` says what -o writes.
  void add_to(CLI::App& cmd, const std::string& output_help);
};

// The options checked: counts in range, output folders writable, -o and --json different files.
struct RunSettingsRequest {
  std::string output;  // empty: no results file
  std::string json;    // empty: no JSON summary
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  std::uint64_t threads = 1;
};

// The checked options, or nothing after printing "<command>: error: ..." to stderr.
[[nodiscard]] std::optional<RunSettingsRequest> check_run_flags(const RunFlags& flags, const std::string& command);

// A scenario that can be simulated: loaded (with its overlay, for an option) and its geography
// built. Errors and warnings are printed to stderr; nothing is returned after an error.
struct LoadedScenario {
  Scenario scenario;
  Geography geography;
};
[[nodiscard]] std::optional<LoadedScenario> load_for_simulation(const std::string& path);

// The results-file group of a scenario: "baseline" for a scenario, the option's name for an
// option ('/' replaced by '_').
[[nodiscard]] std::string variant_name(const Scenario& scenario);

// Writes `text` to `<path>.tmp-<pid>`, returning that name; throws std::runtime_error on failure
// (and removes what it wrote).
[[nodiscard]] std::filesystem::path write_temp_text(const std::string& path, const std::string& text);

[[nodiscard]] std::string hours_text(double h);      // "24 h"
[[nodiscard]] std::string seconds_text(double s);    // "12.3 s"

}  // namespace mdasim::cli

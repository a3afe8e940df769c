// What `mdasim run` and `mdasim compare` share: the run options (-o, --json, --replications,
// --seed, --threads), checked before anything is loaded; loading a scenario with its geography;
// the check that no output is one of the command's inputs; a variant's group name in the results
// file; and the outputs (results file and JSON summary), written beside their targets under
// temporary names and put in place together, so that a failure never leaves a file that looks
// complete.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "geo/geography.hpp"
#include "core/output_file.hpp"
#include "interrupt.hpp"
#include "io/results_file.hpp"
#include "scenario/scenario.hpp"

namespace mdasim::cli {

// The options as the command line gave them (text), registered on a subcommand.
struct RunFlags {
  std::string output;
  std::string json;
  CLI::Option* output_given = nullptr;
  CLI::Option* json_given = nullptr;
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

// The checked options, or nothing after printing "<command>: error: ..." to stderr: an empty
// file name, an output that is a folder, a device, a FIFO or a socket (core/output_file.hpp), or in
// a folder that does not exist.
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

// The files a scenario's loading read: the scenario (for an option, the option file and its
// base) and its geodata files.
[[nodiscard]] std::vector<std::string> input_files(const Scenario& scenario);

// Whether an output of `request` is one of `inputs` (the same file, or the same path when the
// output does not exist yet); prints "<command>: error: ..." and returns false if so, so that
// a command never overwrites what it reads.
[[nodiscard]] bool outputs_clear_of_inputs(const RunSettingsRequest& request, const std::vector<std::string>& inputs,
                                           const std::string& command);

// A command's outputs: the results file (with -o), open from construction under its temporary
// name, and the JSON summary (with --json), written at commit. Both temporary files are removed
// by a second Ctrl-C (interrupt.hpp) and by the destructor if commit() did not complete.
class RunOutputs {
 public:
  explicit RunOutputs(const RunSettingsRequest& request);  // throws std::runtime_error as ResultsFile
  ~RunOutputs();
  RunOutputs(const RunOutputs&) = delete;
  RunOutputs& operator=(const RunOutputs&) = delete;

  // The results file being written, or null without -o.
  [[nodiscard]] ResultsFile* file() { return file_ ? &*file_ : nullptr; }

  // Writes the JSON summary (`json_text`, with --json) under its temporary name, commits the
  // results file, then renames the JSON into place. Throws Interrupted if a signal came before
  // the results file was committed, std::runtime_error (naming the file and the cause) on an
  // I/O failure; either way neither output is left at its target.
  void commit(const std::string& json_text, const InterruptGuard& interrupt);

 private:
  std::string json_path_;  // empty without --json
  std::optional<ResultsFile> file_;
  std::optional<TemporaryFileWatch> file_watch_;
};

[[nodiscard]] std::string hours_text(double h);      // "24 h"
[[nodiscard]] std::string seconds_text(double s);    // "12.3 s"

}  // namespace mdasim::cli

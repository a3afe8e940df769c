// The options and loading shared by `mdasim run` and `mdasim compare` (see run_options.hpp).
#include "run_options.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <system_error>
#include <tuple>
#include <utility>

#include "core/diagnostics.hpp"
#include "core/printable.hpp"
#include "core/output_file.hpp"
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

}  // namespace

void RunFlags::add_to(CLI::App& cmd, const std::string& output_help) {
  output_given = cmd.add_option("-o,--output", output, output_help)->type_name("OUT.h5");
  replications_given =
      cmd.add_option("--replications", replications,
                     "Number of replications, 1 to 1000000 (default: the scenario's run.replications)")
          ->type_name("N");
  seed_given =
      cmd.add_option("--seed", seed, "Random seed, a whole number >= 0 (default: the scenario's run.seed)")
          ->type_name("S");
  threads_given =
      cmd.add_option("--threads", threads, "Threads to run replications on, 1 to 1024 (default: all cores)")
          ->type_name("T");
  json_given =
      cmd.add_option("--json", json, "Also write a JSON summary (one object, stable keys) here")->type_name("FILE");
}

std::optional<RunSettingsRequest> check_run_flags(const RunFlags& flags, const std::string& command) {
  const auto fail = [&command](const std::string& message) -> std::optional<RunSettingsRequest> {
    std::cerr << command << ": error: " << printable(message) << '\n';
    return std::nullopt;
  };
  RunSettingsRequest request{flags.output, flags.json, {}, {}, default_thread_count()};
  if (flags.replications_given->count() > 0) {
    request.replications = parse_count(flags.replications, 1, kMaxReplications);
    if (!request.replications) {
      return fail("--replications '" + flags.replications + "' is not a whole number from 1 to " +
                  std::to_string(kMaxReplications));
    }
  }
  if (flags.seed_given->count() > 0) {
    request.seed = parse_count(flags.seed, 0, UINT64_MAX);
    if (!request.seed) return fail("--seed '" + flags.seed + "' is not a whole number from 0 to 2^64 - 1");
  }
  if (flags.threads_given->count() > 0) {
    const std::optional<std::uint64_t> threads = parse_count(flags.threads, 1, kMaxThreads);
    if (!threads) {
      return fail("--threads '" + flags.threads + "' is not a whole number from 1 to " + std::to_string(kMaxThreads));
    }
    request.threads = *threads;
  }
  for (const auto& [option, path, given] : {std::tuple{"-o", request.output, flags.output_given->count() > 0},
                                             std::tuple{"--json", request.json, flags.json_given->count() > 0}}) {
    if (given && path.empty()) return fail(std::string(option) + " needs a file name; it was given an empty one");
    if (path.empty()) continue;
    if (const std::string problem = output_target_problem(path); !problem.empty()) {
      return fail(std::string(option) + " '" + path + "'" + problem);
    }
  }
  if (!request.output.empty() && !request.json.empty() && same_file(request.output, request.json)) {
    return fail("-o and --json name the same file '" + request.output + "'");
  }
  return request;
}

std::optional<LoadedScenario> load_for_simulation(const std::string& path) {
  Diagnostics diagnostics;
  std::optional<Scenario> scenario = load_scenario(path, diagnostics);
  if (!scenario) {
    diagnostics.print(std::cerr);
    return std::nullopt;
  }
  if (scenario->geodata.land_path.empty()) {
    // Where the section would go: the scenario's region (the base's, for an option), else the top.
    SourceLocation where = scenario->region.where;
    if (!where.file || where.line == 0) where = SourceLocation{std::make_shared<const std::string>(path), 1, 1};
    diagnostics.error(where, "scenario '" + scenario->name +
                                 "' has no geodata section; the simulation needs at least the land file "
                                 "(geodata: {land: FILE.geojson, lanes: FILE.geojson}); 'mdasim validate' checks a "
                                 "scenario without it");
    diagnostics.print(std::cerr);
    return std::nullopt;
  }
  std::optional<Geography> geo = build_geography(*scenario, diagnostics);
  diagnostics.print(std::cerr);  // warnings too
  if (!geo) return std::nullopt;
  return LoadedScenario{std::move(*scenario), std::move(*geo)};
}

std::string variant_name(const Scenario& scenario) {
  if (!scenario.option || scenario.option->name.empty()) return "baseline";
  std::string name = scenario.option->name;
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  return name == "." || name == ".." ? "option" : name;
}

std::vector<std::string> input_files(const Scenario& scenario) {
  std::vector<std::string> files{scenario.source_path};
  if (scenario.option) files.push_back(scenario.option->base_path);
  for (const std::string* path : {&scenario.geodata.land_path, &scenario.geodata.lanes_path,
                                  &scenario.geodata.countries_path}) {
    if (!path->empty()) files.push_back(*path);
  }
  return files;
}

bool outputs_clear_of_inputs(const RunSettingsRequest& request, const std::vector<std::string>& inputs,
                             const std::string& command) {
  for (const auto& [option, path] : {std::pair{"-o", request.output}, std::pair{"--json", request.json}}) {
    if (path.empty()) continue;
    for (const std::string& input : inputs) {
      if (!same_file(path, input)) continue;
      std::cerr << command << ": error: " << option << " '" << printable(path) << "' is '" << printable(input)
                << "', a file this command reads; writing it would destroy it (choose another output name)\n";
      return false;
    }
  }
  return true;
}

RunOutputs::RunOutputs(const RunSettingsRequest& request) : json_path_(request.json) {
  if (request.output.empty()) return;
  file_.emplace(request.output);
  file_watch_.emplace(file_->temp_path());
}

RunOutputs::~RunOutputs() = default;  // file_'s destructor removes an uncommitted temporary file

void RunOutputs::commit(const std::string& json_text, const InterruptGuard& interrupt) {
  std::optional<fs::path> json_temp;
  std::optional<TemporaryFileWatch> json_watch;
  const fs::path json_target = json_path_.empty() ? fs::path() : resolve_output_target(json_path_);
  try {
    if (!json_path_.empty()) {
      json_temp = temporary_output_name(json_target);
      json_watch.emplace(*json_temp);
      write_temporary_text(*json_temp, json_text, json_path_);
    }
    interrupt.throw_if_interrupted();
    if (file_) file_->commit();
    if (json_temp) rename_into_place(*json_temp, json_target);
  } catch (...) {
    std::error_code ignored;
    if (json_temp) fs::remove(*json_temp, ignored);
    // Both or neither: a results file committed before the JSON failed is taken back.
    if (file_ && json_temp && file_->committed()) fs::remove(file_->path(), ignored);
    throw;
  }
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

}  // namespace mdasim::cli

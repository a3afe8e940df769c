// The options and loading shared by `mdasim run` and `mdasim compare` (see run_options.hpp).
#include "run_options.hpp"

#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <system_error>
#include <utility>

#include "core/diagnostics.hpp"
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

}  // namespace

void RunFlags::add_to(CLI::App& cmd, const std::string& output_help) {
  cmd.add_option("-o,--output", output, output_help)->type_name("OUT.h5");
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
  cmd.add_option("--json", json, "Also write a JSON summary (one object, stable keys) here")->type_name("FILE");
}

std::optional<RunSettingsRequest> check_run_flags(const RunFlags& flags, const std::string& command) {
  const auto fail = [&command](const std::string& message) -> std::optional<RunSettingsRequest> {
    std::cerr << command << ": error: " << message << '\n';
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
  for (const auto& [option, path] : {std::pair{"-o", request.output}, std::pair{"--json", request.json}}) {
    if (path.empty()) continue;
    if (const std::string problem = output_problem(option, path); !problem.empty()) return fail(problem);
  }
  if (!request.output.empty() && !request.json.empty() &&
      fs::absolute(request.output).lexically_normal() == fs::absolute(request.json).lexically_normal()) {
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
    diagnostics.print(std::cerr);
    std::cerr << path << ": error: scenario '" << scenario->name
              << "' has no geodata; the simulation needs at least the land file (geodata: land: FILE.geojson)\n";
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

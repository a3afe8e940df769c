// `mdasim validate SCENARIO.yaml...`: load and check scenario or option files, print a summary
// of what each contains, or every error found as file:line:col. With -q, errors only: the
// warnings are counted on the file's last line but not printed.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "geo/geography_summary.hpp"
#include "model/foreign_coasts.hpp"
#include "model/reach_check.hpp"
#include "model/sensor_summary.hpp"
#include "scenario/load.hpp"
#include "scenario/summary.hpp"

namespace mdasim::cli {
namespace {

// Prints the diagnostics, or with `errors_only` just the errors.
void print_diagnostics(const Diagnostics& diagnostics, bool errors_only, std::ostream& out) {
  if (!errors_only) {
    diagnostics.print(out);
    return;
  }
  Diagnostics errors;
  for (const Diagnostic& d : diagnostics.items()) {
    if (d.severity == Severity::kError) errors.error(d.where, d.message);
  }
  errors.print(out);
  if (diagnostics.error_count() > errors.error_count()) {
    out << "... and " << diagnostics.error_count() - errors.error_count() << " more errors not shown\n";
  }
}

std::string warnings_text(std::size_t n) { return std::to_string(n) + (n == 1 ? " warning" : " warnings"); }

}  // namespace

void add_validate_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::vector<std::string> files;
    bool quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario or option files and summarise them");
  cmd->add_option("SCENARIO", options->files, "Scenario or option files (YAML)")->required();
  cmd->add_flag("-q,--quiet", options->quiet,
                "Print errors only: no summary and no warnings (each file's last line counts the warnings not shown)");
  cmd->footer(
      "Examples:\n"
      "  mdasim validate scenarios/asean-baseline.yaml\n"
      "  mdasim validate -q scenarios/options/*.yaml\n\n"
      "Exit status: 0 when every file is valid, 2 when any has an error.\n"
      "Errors go to stderr as file:line:col: error: message, warnings likewise (not with -q).");
  cmd->callback([options, &run] {
    run = [options] {
      const bool quiet = options->quiet;
      int status = kExitOk;
      for (std::size_t i = 0; i < options->files.size(); ++i) {
        const std::string& file = options->files[i];
        Diagnostics diagnostics;
        const std::optional<Scenario> scenario = load_scenario(file, diagnostics);
        // With geodata, the checks that need the land (ports at the coast, stations at sea) and
        // the warnings that need the sea: what each sensor, patrol and SAR unit can reach, and
        // whose coasts each state's responsible area takes in.
        std::optional<Geography> geo;
        bool geo_failed = false;
        if (scenario && !scenario->geodata.land_path.empty()) {
          geo = build_geography(*scenario, diagnostics);
          geo_failed = !geo;
          if (geo) {
            check_reach(*scenario, *geo, diagnostics);
            check_foreign_coasts(*scenario, *geo, diagnostics);
          }
        }
        print_diagnostics(diagnostics, quiet, std::cerr);
        const std::size_t warnings = diagnostics.warning_count();
        const std::string hidden = quiet && warnings > 0 ? " not shown" : "";
        if (!scenario || geo_failed) {
          std::cerr << file << ": " << diagnostics.error_count() << " error(s), " << warnings << " warning(s)"
                    << hidden << '\n';
          status = kExitBadInput;
          continue;
        }
        if (!quiet) {
          if (i > 0) std::cout << '\n';
          print_summary(*scenario, std::cout);
          print_fixed_sensor_radii(*scenario, std::cout);
          if (geo) print_geography_summary(*scenario, *geo, std::cout);
          std::cout << '\n';
        }
        std::cout << file << ": valid";
        if (warnings > 0) std::cout << " (" << warnings_text(warnings) << hidden << ")";
        std::cout << '\n';
      }
      return status;
    };
  });
}

}  // namespace mdasim::cli

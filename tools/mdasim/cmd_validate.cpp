// `mdasim validate SCENARIO.yaml...`: load and check scenario or option files, print a summary
// of what each contains, or every error found as file:line:col.
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "geo/geography_summary.hpp"
#include "scenario/load.hpp"
#include "scenario/summary.hpp"

namespace mdasim::cli {

void add_validate_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::vector<std::string> files;
    bool quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("validate", "Check scenario or option files and summarise them");
  cmd->add_option("SCENARIO", options->files, "Scenario or option files (YAML)")->required();
  cmd->add_flag("-q,--quiet", options->quiet, "Print only errors and warnings, no summary");
  cmd->footer(
      "Examples:\n"
      "  mdasim validate scenarios/asean-baseline.yaml\n"
      "  mdasim validate -q scenarios/options/*.yaml\n\n"
      "Exit status: 0 when every file is valid, 2 when any has an error.\n"
      "Errors go to stderr as file:line:col: error: message.");
  cmd->callback([options, &run] {
    run = [options] {
      int status = kExitOk;
      for (std::size_t i = 0; i < options->files.size(); ++i) {
        const std::string& file = options->files[i];
        Diagnostics diagnostics;
        const std::optional<Scenario> scenario = load_scenario(file, diagnostics);
        // With geodata, the checks that need the land (ports at the coast, stations at sea).
        std::optional<Geography> geo;
        bool geo_failed = false;
        if (scenario && !scenario->geodata.land_path.empty()) {
          geo = build_geography(*scenario, diagnostics);
          geo_failed = !geo;
        }
        diagnostics.print(std::cerr);
        if (!scenario || geo_failed) {
          std::cerr << file << ": " << diagnostics.error_count() << " error(s), "
                    << diagnostics.warning_count() << " warning(s)\n";
          status = kExitBadInput;
          continue;
        }
        if (!options->quiet) {
          if (i > 0) std::cout << '\n';
          print_summary(*scenario, std::cout);
          if (geo) print_geography_summary(*scenario, *geo, std::cout);
          std::cout << '\n';
        }
        std::cout << file << ": valid";
        if (diagnostics.warning_count() > 0) std::cout << " (" << diagnostics.warning_count() << " warnings)";
        std::cout << '\n';
      }
      return status;
    };
  });
}

}  // namespace mdasim::cli

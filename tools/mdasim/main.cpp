// The mdasim program: subcommands for checking scenarios, running the simulation, comparing
// options with their baseline, routing on the sea lanes, and drawing map layers. Exit statuses
// follow the command-line contract.
#include <algorithm>
#include <exception>
#include <functional>
#include <new>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "core/printable.hpp"
#include "core/suggest.hpp"
#include "mdasim/version.hpp"

int main(int argc, char** argv) {
  using namespace mdasim::cli;
  CLI::App app("mdasim: Monte Carlo simulation of maritime surveillance (ISR) and search and "
               "rescue (SAR) coverage",
               "mdasim");
  app.set_version_flag("--version", std::string("mdasim ") + mdasim::kVersion);
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  mdasim validate scenarios/asean-baseline.yaml   check a scenario and summarise it\n"
      "  mdasim run scenarios/asean-baseline.yaml        simulate SAR responses, summarise them\n"
      "  mdasim compare BASE.yaml OPTION.yaml...          options against their baseline\n"
      "  mdasim route --from 103.9,1.2 --to 120.75,14.5  shortest route on the sea lanes\n"
      "  mdasim heatmap out.h5 --layer expected_response_h   draw a map layer as a PNG\n"
      "  mdasim validate --help                          options of one command\n\n"
      "Exit status: 0 success, 1 failure while running, 2 bad input or usage, 130 interrupted.");
  std::function<int()> run;
  add_validate_command(app, run);
  add_run_command(app, run);
  add_compare_command(app, run);
  add_route_command(app, run);
  add_heatmap_command(app, run);
  // An unknown command gets a suggestion rather than CLI11's "a subcommand is required".
  if (argc > 1 && argv[1][0] != '-') {
    std::vector<std::string> names;
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
      std::cerr << "mdasim: error: unknown command '" << mdasim::printable(argv[1]) << "'"
                << mdasim::did_you_mean(argv[1], names) << "\nRun 'mdasim --help' for the commands.\n";
      return kExitBadInput;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help, --version
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitBadInput;
  }
  try {
    return run ? run() : kExitBadInput;
  } catch (const std::bad_alloc&) {
    std::cerr << "mdasim: error: out of memory: the run needs more memory than the system gave it (fewer "
                 "--threads, a coarser region.cell, or a shorter run.duration need less)\n";
    return kExitFailure;
  } catch (const std::exception& e) {
    std::cerr << "mdasim: error: " << mdasim::printable(e.what()) << '\n';
    return kExitFailure;
  }
}

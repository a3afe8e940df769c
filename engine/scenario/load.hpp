// Loading a scenario or option file into a validated Scenario: the one entry point the
// command-line tools and tests use.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// Loads `path`: a scenario, or an option file applied to its base scenario. Returns the
// validated scenario, or nothing when any error was found; every error and warning is in
// `diagnostics`, each with its file:line:col. An option file's base is found relative to the
// option file; relative geodata paths beside the scenario, else in the folders of shipped data
// (scenario/data_folders.hpp).
[[nodiscard]] std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diagnostics);

// The same, for scenario text in memory; `name` stands for the file in messages, and relative
// paths resolve against its folder.
[[nodiscard]] std::optional<Scenario> load_scenario_text(const std::string& text,
                                                         const std::string& name,
                                                         Diagnostics& diagnostics);

// Both with the folders of shipped data given, instead of shipped_data_folders().
[[nodiscard]] std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diagnostics,
                                                    const std::vector<std::string>& data_folders);
[[nodiscard]] std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& name,
                                                         Diagnostics& diagnostics,
                                                         const std::vector<std::string>& data_folders);

}  // namespace mdasim

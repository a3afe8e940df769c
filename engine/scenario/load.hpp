// Loading a scenario or option file into a validated Scenario: the one entry point the
// command-line tools and tests use.
#pragma once

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// Loads `path`: a scenario, or an option file applied to its base scenario. Returns the
// validated scenario, or nothing when any error was found; every error and warning is in
// `diagnostics`, each with its file:line:col.
[[nodiscard]] std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diagnostics);

// The same, for scenario text in memory (tests); `name` stands for the file in messages, and
// relative paths resolve against its folder.
[[nodiscard]] std::optional<Scenario> load_scenario_text(const std::string& text,
                                                         const std::string& name,
                                                         Diagnostics& diagnostics);

}  // namespace mdasim

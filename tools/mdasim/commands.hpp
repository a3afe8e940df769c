// Subcommands of the mdasim program: each registers its options on the CLI11 app and runs.
// Exit statuses (contract): 0 success, 1 failure while running, 2 bad input or usage,
// 130 interrupted.
#pragma once

#include <functional>

#include <CLI/CLI.hpp>

namespace mdasim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitBadInput = 2;
inline constexpr int kExitInterrupted = 130;

// Adds `validate` to `app`; `run` receives the action to perform once parsing succeeds.
void add_validate_command(CLI::App& app, std::function<int()>& run);
// Adds `route`.
void add_route_command(CLI::App& app, std::function<int()>& run);
// Adds `run` (the SAR simulation of one scenario).
void add_run_command(CLI::App& app, std::function<int()>& run);
// Adds `compare` (options against their baseline on common random numbers).
void add_compare_command(CLI::App& app, std::function<int()>& run);
// Adds `heatmap` (a map layer of a results file drawn as a PNG, or exported as a GeoTIFF).
void add_heatmap_command(CLI::App& app, std::function<int()>& run);

}  // namespace mdasim::cli

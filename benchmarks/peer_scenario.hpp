// What the peer programs (peer_export, peer_mdasim; benchmarks/peers/README.md) share: a scenario
// loaded with its geography as `mdasim run` loads it, the SAR-only model's preconditions the SimPy
// peer relies on, and the clocks of a timed section (wall and the calling thread's CPU).
#pragma once

#include <chrono>
#include <ctime>
#include <optional>
#include <ostream>
#include <string>

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "model/sar_setup.hpp"
#include "scenario/load.hpp"

namespace mdasim::peers {

struct LoadedScenario {
  Scenario scenario;
  Geography geography;
};

// Loads `path` and builds its geography; on any error or warning prints them to `err` and
// returns nothing (a benchmark must run the scenario as written).
inline std::optional<LoadedScenario> load_scenario_with_geography(const std::string& path, std::ostream& err) {
  Diagnostics diagnostics;
  std::optional<Scenario> scenario = load_scenario(path, diagnostics);
  std::optional<Geography> geography;
  if (scenario) geography = build_geography(*scenario, diagnostics);
  if (!scenario || !geography || diagnostics.warning_count() > 0) {
    diagnostics.print(err);
    err << path << ": does not load cleanly\n";
    return std::nullopt;
  }
  return LoadedScenario{std::move(*scenario), std::move(*geography)};
}

// Why the SimPy peer of the SAR model cannot run this setup ("" when it can): it models units
// that fly the geodesic (no vessels over water) and are always up (no outages).
inline std::string simpy_peer_unsupported(const SarSetup& setup) {
  for (const SarUnit& u : setup.units()) {
    if (u.surface) return "unit '" + u.name + "' is a vessel (the peer has aircraft and helicopters only)";
    if (u.mission_capable_rate < 1.0) {
      return "unit '" + u.name + "' has a mission-capable rate below 100% (the peer has no outages)";
    }
  }
  if (setup.units().empty()) return "the scenario has no SAR units";
  return "";
}

// Wall and CPU seconds of the calling thread since construction.
class SectionClock {
 public:
  SectionClock() : wall0_(std::chrono::steady_clock::now()), cpu0_(thread_cpu_s()) {}
  [[nodiscard]] double wall_s() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0_).count();
  }
  [[nodiscard]] double cpu_s() const { return thread_cpu_s() - cpu0_; }

 private:
  static double thread_cpu_s() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
  }
  std::chrono::steady_clock::time_point wall0_;
  double cpu0_;
};

}  // namespace mdasim::peers

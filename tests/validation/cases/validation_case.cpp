// Checks and loading shared by the validation cases (see validation_case.hpp).
#include "validation_case.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <utility>

#include "core/diagnostics.hpp"
#include "scenario/load.hpp"

namespace mdasim::validation {

Check interval_check(std::string what, double analytic, const Estimate& simulated, double tolerance) {
  Check c;
  c.what = std::move(what);
  std::ostringstream criterion;
  criterion << "analytic value inside the 95% interval, half-width below " << digits4(tolerance);
  c.criterion = criterion.str();
  c.analytic = analytic;
  c.simulated = simulated.mean;
  c.ci_low = simulated.ci_low;
  c.ci_high = simulated.ci_high;
  c.tolerance = tolerance;
  c.passed = simulated.ci_low <= analytic && analytic <= simulated.ci_high &&
             (simulated.ci_high - simulated.ci_low) / 2.0 < tolerance;
  return c;
}

Check bound_check(std::string what, std::string criterion, double statistic, double bound) {
  Check c;
  c.what = std::move(what);
  c.criterion = std::move(criterion);
  c.analytic = bound;
  c.simulated = statistic;
  c.passed = statistic <= bound;
  return c;
}

std::string digits4(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4g", v);
  return buf;
}

const MapLayer* find_layer(const std::vector<MapLayer>& layers, const std::string& name) {
  for (const MapLayer& l : layers) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

std::string fixed(double v, int decimals) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

bool CaseResult::passed() const {
  return problem.empty() && !checks.empty() &&
         std::all_of(checks.begin(), checks.end(), [](const Check& c) { return c.passed; });
}

std::optional<Loaded> load_case(const std::string& file, std::string& problem) {
  return load_repository_scenario("tests/validation/scenarios/" + file, problem);
}

std::optional<Loaded> load_repository_scenario(const std::string& relative, std::string& problem) {
  const std::string path = std::string(MDASIM_SOURCE_DIR) + "/" + relative;
  Diagnostics diagnostics;
  std::optional<Scenario> scenario = load_scenario(path, diagnostics);
  std::optional<Geography> geography;
  if (scenario) geography = build_geography(*scenario, diagnostics);
  if (!scenario || !geography || diagnostics.warning_count() > 0) {
    std::ostringstream out;
    diagnostics.print(out);
    problem = path + " does not load cleanly:\n" + out.str();
    return std::nullopt;
  }
  return Loaded{std::move(*scenario), std::move(*geography)};
}

RunWithRecords run_keeping_records(VariantSimulation& simulation, const SarRunInfo& info, unsigned threads) {
  RunWithRecords out;
  out.results = simulation.run(info, threads, nullptr, {}, [&out](const SarReplicationResult& sar, const IsrReplicationResult&) {
    out.records.push_back(sar);
  });
  return out;
}

}  // namespace mdasim::validation

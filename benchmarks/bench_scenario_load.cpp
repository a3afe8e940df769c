// Cost of reading scenarios: unit parsing, and loading and validating the shipped baseline.
#include <benchmark/benchmark.h>

#include <string>

#include "core/units.hpp"
#include "scenario/load.hpp"

namespace {

void BM_ParseQuantity(benchmark::State& state) {
  const std::string inputs[] = {"36h", "2d", "90min", "40nm", "74km", "250kt", "460km/h", "300/yr"};
  const mdasim::Dimension dims[] = {mdasim::Dimension::kDuration, mdasim::Dimension::kDuration,
                                    mdasim::Dimension::kDuration, mdasim::Dimension::kDistance,
                                    mdasim::Dimension::kDistance, mdasim::Dimension::kSpeed,
                                    mdasim::Dimension::kSpeed,    mdasim::Dimension::kRate};
  for (auto _ : state) {
    for (int i = 0; i < 8; ++i) benchmark::DoNotOptimize(mdasim::parse_quantity(inputs[i], dims[i]));
  }
  state.SetItemsProcessed(state.iterations() * 8);
}
BENCHMARK(BM_ParseQuantity);

void BM_LoadBaseline(benchmark::State& state) {
  const std::string path = std::string(MDASIM_SOURCE_DIR) + "/scenarios/asean-baseline.yaml";
  for (auto _ : state) {
    mdasim::Diagnostics diagnostics;
    auto scenario = mdasim::load_scenario(path, diagnostics);
    if (!scenario) state.SkipWithError("baseline failed to load");
    benchmark::DoNotOptimize(scenario);
  }
}
BENCHMARK(BM_LoadBaseline)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();

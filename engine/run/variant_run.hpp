// One variant (a scenario, or an option applied to its base) simulated over a run's
// replications: the SAR incidents and the patrols' sorties, the ISR targets, and the coverage
// fields. Replication r is keyed by (seed, 0, r) whatever the variant, so two variants run with
// the same seed draw their incidents and targets from the same streams: where the variants
// differ only in what responds (assets, bases, sensors, patrols, availability), they see the
// same incidents and targets (common random numbers), and their measures pair replication by
// replication. What `mdasim run` does for its scenario and `mdasim compare` for every variant.
//
// The results are the same, bit for bit, for any thread count (run/replication_runner.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "core/stop_flag.hpp"
#include "geo/geography.hpp"
#include "io/isr_results.hpp"
#include "io/map_layers.hpp"
#include "io/results_file.hpp"
#include "io/sar_results.hpp"
#include "metrics/sar_run_totals.hpp"
#include "model/isr_replication.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_setup.hpp"
#include "run/isr_fields.hpp"
#include "run/replication_runner.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// What a variant's replications gave, reduced as they came (the records of their incidents and
// targets are not kept: a run's memory does not grow with its replications but for the measures
// of each, SarRunTotals, and the ISR measures, 40 bytes per target class and replication).
struct VariantResults {
  SarRunInfo info;
  SarRunTotals sar;                                    // per replication measures, per unit and per cell sums
  std::vector<std::vector<TargetClassMetrics>> isr;    // per replication: per target class, then all
  SarSummary sar_summary;
  IsrSummary isr_summary;
  double elapsed_s = 0.0;  // wall-clock time of the replications (reported, never written)
};

class VariantSimulation {
 public:
  // Builds the variant's setups (the ports' distance fields on `threads` threads). The scenario
  // and geography must outlive the simulation.
  VariantSimulation(const Scenario& scenario, const Geography& geography, unsigned threads);
  VariantSimulation(const VariantSimulation&) = delete;
  VariantSimulation& operator=(const VariantSimulation&) = delete;

  // Runs `info.replications` replications keyed by `info.seed` on `threads` threads, calling
  // `progress` as replications finish, and `observe` (if given) on this thread with each
  // replication's records in replication order: to write its incidents to a results file while
  // the run goes on (io/incidents_table.hpp), or to look at them. Once `stop` (may be null) is
  // raised, replications stop within a few thousand events and run() throws Stopped. The
  // coverage fields accumulate, so call run() once per simulation.
  using ReplicationObserver = std::function<void(const SarReplicationResult& sar, const IsrReplicationResult& isr)>;
  [[nodiscard]] VariantResults run(const SarRunInfo& info, unsigned threads, const StopFlag* stop,
                                   const ProgressCallback& progress = {}, const ReplicationObserver& observe = {});

  // Writes the variant's tables and maps under group `variant` of `file` (docs/results-file.md):
  // the SAR tables, the ISR summary, and the SAR and coverage map layers.
  void write(ResultsFile& file, const std::string& variant, const VariantResults& results, unsigned threads) const;

  // The variant's map layers as write() stores them: the SAR maps of `results`, then the
  // coverage and target maps accumulated by run().
  [[nodiscard]] std::vector<MapLayer> map_layers(const VariantResults& results, unsigned threads) const;

  [[nodiscard]] const Scenario& scenario() const { return setup_.scenario(); }
  [[nodiscard]] const SarSetup& setup() const { return setup_; }

 private:
  const Geography* geography_;
  SarSetup setup_;
  PatrolSetup patrols_;
  IsrFields coverage_;
  IsrSetup isr_;
};

}  // namespace mdasim

// Simulating one variant over a run's replications (see variant_run.hpp).
#include "run/variant_run.hpp"

#include <chrono>
#include <utility>

#include "io/sar_maps.hpp"
#include "model/sar_replication.hpp"

namespace mdasim {

VariantSimulation::VariantSimulation(const Scenario& scenario, const Geography& geography, unsigned threads)
    : geography_(&geography),
      setup_(scenario, geography, threads),
      patrols_(scenario, geography, setup_),
      coverage_(scenario, geography, patrols_),
      isr_(scenario, geography, setup_, &patrols_) {}

VariantResults VariantSimulation::run(const SarRunInfo& info, unsigned threads, const StopFlag* stop,
                                      const ProgressCallback& progress, const ReplicationObserver& observe) {
  struct Records {
    SarReplicationResult sar;
    IsrReplicationResult isr;
  };
  VariantResults out;
  out.info = info;
  out.sar = SarRunTotals(scenario(), setup_.units().size(), geography_->grid());
  out.isr.reserve(info.replications);
  const auto start = std::chrono::steady_clock::now();
  run_replications_in_order<Records>(
      info.replications, threads,
      [&](std::size_t r) {
        throw_if_stopped(stop);
        const ReplicationKey key{info.seed, 0, r};
        Records records;
        records.sar = run_sar_replication(setup_, &patrols_, key, draw_sar_incidents(setup_, key), stop);
        records.isr = run_isr_replication(isr_, key, records.sar.sorties);
        coverage_.add_replication(key, records.sar.sorties, records.isr.records);
        return records;
      },
      [&](std::size_t, Records&& records) {  // in replication order, on this thread
        if (observe) observe(records.sar, records.isr);
        out.sar.add(records.sar);
        out.isr.push_back(std::move(records.isr.metrics));
      },
      progress);
  out.elapsed_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  out.sar_summary = summarise_sar(out.sar);
  out.isr_summary = summarise_isr(out.isr);
  return out;
}

void VariantSimulation::write(ResultsFile& file, const std::string& variant, const VariantResults& results,
                              unsigned threads) const {
  write_sar_results(file, variant, setup_, results.sar, results.sar_summary);
  write_isr_summary(file, variant, scenario(), results.isr_summary);
  write_map_layers(file, variant, geography_->grid(), map_layers(results, threads));
}

std::vector<MapLayer> VariantSimulation::map_layers(const VariantResults& results, unsigned threads) const {
  std::vector<MapLayer> layers = sar_map_layers(setup_, results.sar, threads);
  for (MapLayer& layer : coverage_.layers()) layers.push_back(std::move(layer));
  return layers;
}

}  // namespace mdasim

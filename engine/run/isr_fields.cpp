// The ISR fields over a run's replications (see isr_fields.hpp).
#include "run/isr_fields.hpp"

#include <cstdint>
#include <utility>

#include "io/coverage_layers.hpp"

namespace mdasim {

int coverage_search_object(const Scenario& scenario) {
  int best = kNoIndex;
  for (const TargetClass& c : scenario.target_classes) {
    if (c.search_object_index < 0) continue;
    const auto h = scenario.search_objects[static_cast<std::size_t>(c.search_object_index)].height_m;
    if (best < 0 || h < scenario.search_objects[static_cast<std::size_t>(best)].height_m) best = c.search_object_index;
  }
  return best;
}

IsrFields::IsrFields(const Scenario& scenario, const Geography& geography, const PatrolSetup& patrols)
    : sensors_(scenario, geography, coverage_target_height_m(scenario)),
      patrols_(patrols, geography, coverage_search_object(scenario)),
      geography_(geography),
      radar_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      ais_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      patrol_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      isr_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      targets_(geography.grid().size()) {}

void IsrFields::add_replication(const ReplicationKey& key, const std::vector<PatrolSortie>& sorties,
                                std::span<const TargetRecord> targets) {
  const Scenario& sc = sensors_.scenario();
  const std::size_t cells = geography_.grid().size();
  CoverageAccumulator radar(cells, sc.run.warmup_h, sc.run.duration_h);
  CoverageAccumulator ais(cells, sc.run.warmup_h, sc.run.duration_h);
  CoverageAccumulator patrol(cells, sc.run.warmup_h, sc.run.duration_h);
  CoverageAccumulator isr(cells, sc.run.warmup_h, sc.run.duration_h);
  std::vector<CoverageInterval> either;  // the radars' and the patrols' intervals together
  add_fixed_sensor_coverage(sensors_, key, radar, ais, &either);
  add_patrol_coverage(patrols_, sorties, patrol, &either);
  isr.add_batch(either);
  isr.finish();
  const std::lock_guard<std::mutex> lock(mutex_);
  radar_.merge(radar);
  ais_.merge(ais);
  patrol_.merge(patrol);
  isr_.merge(isr);
  targets_.add_replication(geography_.grid(), targets);  // a few thousand records: straight into the totals
}

std::vector<MapLayer> IsrFields::layers() const {
  const std::vector<std::uint8_t>& sea = geography_.sea.sea();
  std::vector<MapLayer> out = coverage_map_layers("radar", "coastal radar", radar_, sea);
  for (MapLayer& layer : coverage_map_layers("ais", "AIS receiver", ais_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : coverage_map_layers("patrol", "patrol", patrol_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : coverage_map_layers("isr", "coastal radar or patrol", isr_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : target_map_layers(targets_, sea)) out.push_back(std::move(layer));
  return out;
}

}  // namespace mdasim

// The ISR fields over a run's replications (see isr_fields.hpp).
#include "run/isr_fields.hpp"

#include <cstdint>
#include <memory>
#include <utility>

#include "io/coverage_layers.hpp"

namespace mdasim {

IsrFields::IsrFields(const Scenario& scenario, const Geography& geography, const PatrolSetup& patrols)
    : sensors_(scenario, geography, coverage_target_height_m(scenario)),
      patrols_(patrols, geography, coverage_search_object(scenario)),
      geography_(geography),
      radar_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      ais_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      patrol_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      isr_(geography.grid().size(), scenario.run.warmup_h, scenario.run.duration_h),
      targets_(geography.grid().size()) {}

std::unique_ptr<IsrFields::Scratch> IsrFields::take_scratch() {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Scratch> scratch = std::move(idle_.back());
      idle_.pop_back();
      return scratch;
    }
  }
  const Scenario& sc = sensors_.scenario();
  auto scratch = std::make_unique<Scratch>();
  for (CoverageAccumulator* a : scratch->accumulators()) {
    *a = CoverageAccumulator(geography_.grid().size(), sc.run.warmup_h, sc.run.duration_h);
  }
  return scratch;
}

void IsrFields::add_replication(const ReplicationKey& key, const std::vector<PatrolSortie>& sorties,
                                std::span<const TargetRecord> targets) {
  std::unique_ptr<Scratch> s = take_scratch();
  for (CoverageAccumulator* a : s->accumulators()) a->reset();
  fixed_sensor_coverage_seconds(sensors_, key, s->radar, s->radar_cells, s->ais_cells, s->seconds, s->sorter);
  patrol_coverage_seconds(patrols_, sorties, s->patrol, s->patrol_cells, s->patrol_buffers, s->sorter);
  s->radar.add_replication(s->radar_cells);
  s->ais.add_replication(s->ais_cells);
  s->patrol.add_replication(s->patrol_cells);
  s->isr.add_replication(s->radar_cells, s->patrol_cells);
  const std::lock_guard<std::mutex> lock(mutex_);
  radar_.merge(s->radar);
  ais_.merge(s->ais);
  patrol_.merge(s->patrol);
  isr_.merge(s->isr);
  targets_.add_replication(geography_.grid(), targets);  // a few thousand records: straight into the totals
  idle_.push_back(std::move(s));
}

std::vector<MapLayer> IsrFields::layers() const {
  const std::vector<std::uint8_t>& sea = geography_.sea.sea();
  std::vector<MapLayer> out = coverage_map_layers("radar", "coastal radar", "coastal radars", radar_, sea);
  for (MapLayer& layer : coverage_map_layers("ais", "AIS receiver", "AIS receivers", ais_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : coverage_map_layers("patrol", "patrol", "patrols", patrol_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : coverage_map_layers("isr", "coastal radar or patrol", "coastal radars or patrols", isr_, sea)) out.push_back(std::move(layer));
  for (MapLayer& layer : target_map_layers(targets_, sea)) out.push_back(std::move(layer));
  return out;
}

}  // namespace mdasim

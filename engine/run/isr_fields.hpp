// The ISR fields of a run, accumulated over its replications: coverage of the grid by the fixed
// sensors (radars, AIS receivers) and by the patrol sorties, and the ISR targets by the cell
// where they appeared. Each replication fills its own coverage accumulators (which hold state
// only for the cells covered), then, under a lock, merges them into the run's totals and adds
// its targets to the totals' target maps; all are exact integer additions, so the totals do not
// depend on the order in which replications finish or on the thread count. What `mdasim run`
// adds to a replication after the SAR and ISR models have run, and writes as map layers.
//
// Cost: a replication's intervals are put in whole seconds of the window once and grouped by cell
// and start once per sensor kind, then added as a whole replication (add_replication); the
// radar-or-patrol union takes the radars' and the patrols' lists together, cell by cell.
// The replication's accumulators and lists are working memory that the fields keep between
// replications (one set per replication running at once, handed out under the lock, reset and
// so equal to fresh ones) rather than grid-sized memory allocated and cleared each time.
#pragma once

#include <array>
#include <memory>
#include <mutex>
#include <span>
#include <vector>

#include "geo/geography.hpp"
#include "io/map_layers.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
#include "metrics/target_maps.hpp"
#include "model/fixed_sensors.hpp"
#include "model/patrol_coverage.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_records.hpp"
#include "model/target_detection.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {


class IsrFields {
 public:
  // All must outlive the fields.
  IsrFields(const Scenario& scenario, const Geography& geography, const PatrolSetup& patrols);

  // One replication: the fixed sensors' coverage (their outages drawn from `key`), the coverage
  // by its patrol `sorties`, and its `targets` (the records of those appearing in the measured
  // window) by cell. Safe to call from several threads at once.
  void add_replication(const ReplicationKey& key, const std::vector<PatrolSortie>& sorties,
                       std::span<const TargetRecord> targets);

  // The map layers over the replications added so far (at least one): radar_*, ais_*, patrol_*
  // and isr_* (a radar or a patrol: their union) coverage and target_* (io/coverage_layers.hpp).
  [[nodiscard]] std::vector<MapLayer> layers() const;

 private:
  // One replication's working memory.
  struct Scratch {
    CoverageAccumulator radar;
    CoverageAccumulator ais;
    CoverageAccumulator patrol;
    CoverageAccumulator isr;
    CoverageByCell radar_cells;
    CoverageByCell ais_cells;
    CoverageByCell patrol_cells;
    std::vector<CoverageSeconds> seconds;  // the fixed sensors' intervals before grouping by cell
    CoverageSorter sorter;
    PatrolCoverageBuffers patrol_buffers;
    [[nodiscard]] std::array<CoverageAccumulator*, 4> accumulators() { return {&radar, &ais, &patrol, &isr}; }
  };
  // A set of working memory from the pool (under the lock), or a new one; add_replication() puts
  // it back under the lock.
  [[nodiscard]] std::unique_ptr<Scratch> take_scratch();

  FixedSensorSetup sensors_;
  PatrolCoverageSetup patrols_;
  const Geography& geography_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Scratch>> idle_;  // working memory not in use
  CoverageAccumulator radar_;
  CoverageAccumulator ais_;
  CoverageAccumulator patrol_;
  CoverageAccumulator isr_;  // radars or patrols (the sensors that see any vessel)
  TargetMapAccumulator targets_;
};

}  // namespace mdasim

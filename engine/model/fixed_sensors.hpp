// Fixed ISR sensors in the simulation: coastal radars and AIS receivers, their footprints on
// the scenario grid and their random outages, and the coverage they give.
//
// Footprint: the sea cells whose centre lies within the sensor's detection range of it
// (geodesic distance from the site). A coastal radar's range is the lesser of its radar horizon
// for the target height (d_km = 4.12 (sqrt(h_antenna_m) + sqrt(h_target_m)), model/detection.hpp)
// and its instrumented range; an AIS receiver's is its stated range (VHF reception), and it sees
// only vessels that transmit. Terrain masking and clutter are not modelled: over the open sea the
// horizon binds.
//
// Availability: each sensor alternates between up and down on its own random stream, down
// times exponential with mean kFixedSensorMeanOutageH (an assumption: a day to repair or
// restore power and communications), up times exponential with mean
// outage x availability / (1 - availability), so the long-run fraction of time up is the
// scenario's availability. A replication starts in the stationary state. Streams are keyed by
// the sensor's name, so adding or removing other sensors does not move a sensor's outages.
// Hours, nm, metres.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "geo/geography.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
#include "model/sar_incidents.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

inline constexpr double kFixedSensorMeanOutageH = 24.0;
inline constexpr double kDefaultTargetHeightM = 2.0;  // a small craft, when the scenario names none

// The search object the coverage maps are drawn for, by fixed sensors and patrols alike: the
// lowest of the target classes' search objects (the hardest to see), else the lowest search
// object, else none (kNoIndex); ties to the first. Its height (kDefaultTargetHeightM with none).
[[nodiscard]] int coverage_search_object(const Scenario& scenario);
[[nodiscard]] double coverage_target_height_m(const Scenario& scenario);

struct SensorFootprint {
  int sensor_index = kNoIndex;  // into Scenario::fixed_sensors
  bool ais = false;             // an AIS receiver (cooperative vessels only)
  double range_nm = 0.0;
  std::vector<std::size_t> cells;  // sea cells covered, ascending
};

class FixedSensorSetup {
 public:
  // Footprints for a target whose top is `target_height_m` above the sea. `scenario` and
  // `geography` must outlive the setup.
  FixedSensorSetup(const Scenario& scenario, const Geography& geography, double target_height_m);

  [[nodiscard]] const std::vector<SensorFootprint>& footprints() const { return footprints_; }
  [[nodiscard]] double target_height_m() const { return target_height_m_; }
  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }

 private:
  const Scenario* scenario_;
  double target_height_m_;
  std::vector<SensorFootprint> footprints_;
};

// The detection range of a fixed sensor for a target of this height.
[[nodiscard]] double fixed_sensor_range_nm(const FixedSensor& sensor, double target_height_m);

// The periods [start, end) during which sensor `sensor_index` is up within [0, duration_h).
[[nodiscard]] std::vector<std::pair<double, double>> fixed_sensor_up_periods(const FixedSensor& sensor,
                                                                             const ReplicationKey& key,
                                                                             double duration_h);

// One replication's coverage by the fixed sensors in whole seconds of the window of `window`
// (an accumulator sized for the grid and measuring the run's window; only its grid and window
// are used): the radars' intervals into `radar`, the AIS receivers' into `ais`, each replaced and
// grouped by cell and start (by `sorter`, through the working list `seconds`). An up period is
// converted to seconds once for all the cells of its footprint.
void fixed_sensor_coverage_seconds(const FixedSensorSetup& setup, const ReplicationKey& key,
                                   const CoverageAccumulator& window, CoverageByCell& radar, CoverageByCell& ais,
                                   std::vector<CoverageSeconds>& seconds, CoverageSorter& sorter);

// Adds one replication's coverage by the fixed sensors: radars to `radar`, AIS receivers to
// `ais` (each accumulator sized for the grid and measuring the run's window), then finishes the
// replication on both.
void add_fixed_sensor_coverage(const FixedSensorSetup& setup, const ReplicationKey& key,
                               CoverageAccumulator& radar, CoverageAccumulator& ais);

}  // namespace mdasim

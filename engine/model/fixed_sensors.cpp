// Fixed ISR sensors: footprints, outages and coverage (see fixed_sensors.hpp).
#include "model/fixed_sensors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <optional>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"
#include "core/stable_key.hpp"
#include "geo/geodesy.hpp"
#include "model/detection.hpp"

namespace mdasim {

double fixed_sensor_range_nm(const FixedSensor& sensor, double target_height_m) {
  if (sensor.kind == FixedSensorKind::kAisReceiver) return sensor.range_nm;
  return radar_detection_range_nm(sensor.antenna_height_m, target_height_m, sensor.range_nm);
}

FixedSensorSetup::FixedSensorSetup(const Scenario& scenario, const Geography& geography, double target_height_m)
    : scenario_(&scenario), target_height_m_(target_height_m) {
  const Grid& grid = geography.grid();
  for (std::size_t s = 0; s < scenario.fixed_sensors.size(); ++s) {
    const FixedSensor& sensor = scenario.fixed_sensors[s];
    SensorFootprint f;
    f.sensor_index = static_cast<int>(s);
    f.ais = sensor.kind == FixedSensorKind::kAisReceiver;
    f.range_nm = fixed_sensor_range_nm(sensor, target_height_m);
    // Screen rows and columns by a box a little larger than the range, then test each centre.
    const double lat_span_deg = f.range_nm / 60.0 + grid.cell_deg();
    const double cos_lat = std::max(0.05, std::cos((std::abs(sensor.position.lat_deg) + lat_span_deg) * std::numbers::pi / 180.0));
    const double lon_span_deg = f.range_nm / (60.0 * cos_lat) + grid.cell_deg();
    const int r0 = std::max(0, static_cast<int>(std::floor((sensor.position.lat_deg - lat_span_deg - grid.lat_min_deg()) / grid.cell_deg())));
    const int r1 = std::min(grid.rows() - 1, static_cast<int>(std::floor((sensor.position.lat_deg + lat_span_deg - grid.lat_min_deg()) / grid.cell_deg())));
    const int c0 = std::max(0, static_cast<int>(std::floor((sensor.position.lon_deg - lon_span_deg - grid.lon_min_deg()) / grid.cell_deg())));
    const int c1 = std::min(grid.cols() - 1, static_cast<int>(std::floor((sensor.position.lon_deg + lon_span_deg - grid.lon_min_deg()) / grid.cell_deg())));
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        const std::size_t cell = grid.index(r, c);
        if (!geography.sea.is_sea(cell)) continue;
        if (geodesic_nm(sensor.position, grid.center(cell)) <= f.range_nm) f.cells.push_back(cell);
      }
    }
    footprints_.push_back(std::move(f));
  }
}

std::vector<std::pair<double, double>> fixed_sensor_up_periods(const FixedSensor& sensor, const ReplicationKey& key,
                                                               double duration_h) {
  std::vector<std::pair<double, double>> up;
  const double a = sensor.availability;
  if (a >= 1.0) {
    up.emplace_back(0.0, duration_h);
    return up;
  }
  if (a <= 0.0) return up;
  RandomStream rng(key.seed, key.variant, key.replication, StreamPurpose::kSensors, stable_key(sensor.name));
  const double mean_up_h = kFixedSensorMeanOutageH * a / (1.0 - a);
  bool is_up = rng.uniform() < a;  // stationary start; residual times are exponential again
  double t = 0.0;
  while (t < duration_h) {
    const double length_h = sample_exponential(rng, is_up ? mean_up_h : kFixedSensorMeanOutageH);
    const double end = std::min(duration_h, t + length_h);
    if (is_up) up.emplace_back(t, end);
    t = end;
    is_up = !is_up;
  }
  return up;
}

int coverage_search_object(const Scenario& scenario) {
  const auto height_m = [&](int object) { return scenario.search_objects[static_cast<std::size_t>(object)].height_m; };
  int best = kNoIndex;
  for (const TargetClass& t : scenario.target_classes) {
    if (t.search_object_index >= 0 && (best < 0 || height_m(t.search_object_index) < height_m(best))) {
      best = t.search_object_index;
    }
  }
  if (best >= 0) return best;
  for (std::size_t k = 0; k < scenario.search_objects.size(); ++k) {
    if (best < 0 || height_m(static_cast<int>(k)) < height_m(best)) best = static_cast<int>(k);
  }
  return best;
}

double coverage_target_height_m(const Scenario& scenario) {
  const int object = coverage_search_object(scenario);
  return object < 0 ? kDefaultTargetHeightM : scenario.search_objects[static_cast<std::size_t>(object)].height_m;
}

void fixed_sensor_coverage_seconds(const FixedSensorSetup& setup, const ReplicationKey& key,
                                   const CoverageAccumulator& window, CoverageByCell& radar, CoverageByCell& ais,
                                   std::vector<CoverageSeconds>& seconds, CoverageSorter& sorter) {
  const Scenario& sc = setup.scenario();
  for (const bool of_ais : {false, true}) {  // each sensor's outages drawn once: it is one kind
    seconds.clear();
    for (const SensorFootprint& f : setup.footprints()) {
      if (f.cells.empty() || f.ais != of_ais) continue;
      const FixedSensor& sensor = sc.fixed_sensors[static_cast<std::size_t>(f.sensor_index)];
      for (const auto& [start_h, end_h] : fixed_sensor_up_periods(sensor, key, sc.run.duration_h)) {
        const std::optional<CoverageSeconds> up = window.clipped(f.cells.front(), start_h, end_h);
        if (!up) continue;
        for (const std::size_t cell : f.cells) seconds.push_back({static_cast<std::uint32_t>(cell), up->start_s, up->end_s});
      }
    }
    sorter.sort(seconds, of_ais ? ais : radar);
  }
}

void add_fixed_sensor_coverage(const FixedSensorSetup& setup, const ReplicationKey& key, CoverageAccumulator& radar,
                               CoverageAccumulator& ais) {
  CoverageByCell radar_cells;
  CoverageByCell ais_cells;
  std::vector<CoverageSeconds> seconds;
  CoverageSorter sorter;
  fixed_sensor_coverage_seconds(setup, key, radar, radar_cells, ais_cells, seconds, sorter);
  radar.add_replication(radar_cells);
  ais.add_replication(ais_cells);
}

}  // namespace mdasim

// Heatmap symbols for a scenario's bases and fixed sensors (see map_markers.hpp).
#include "render/map_markers.hpp"

#include <limits>
#include <map>
#include <string>

namespace mdasim {

std::vector<MapMarker> scenario_markers(const Scenario& scenario) {
  std::map<std::string, std::int64_t> hosted;  // base name -> asset units based there
  for (const Asset& asset : scenario.assets) {
    if (asset.count > 0) hosted[asset.base] += asset.count;
  }
  std::map<std::string, GeoPoint> base_at;
  for (const Base& base : scenario.bases) base_at.emplace(base.name, base.position);

  std::vector<MapMarker> markers;
  for (const Base& base : scenario.bases) {
    if (base.kind != BaseKind::kAirfield && base.kind != BaseKind::kPort) continue;
    MapMarker m;
    m.kind = base.kind == BaseKind::kAirfield ? MarkerKind::kAirfield : MarkerKind::kPort;
    m.position = base.position;
    if (const auto it = hosted.find(base.name); it != hosted.end()) {
      m.label = base.name;
      m.priority = static_cast<int>(std::min<std::int64_t>(it->second, std::numeric_limits<int>::max()));
    }
    markers.push_back(std::move(m));
  }
  for (const FixedSensor& sensor : scenario.fixed_sensors) {
    MapMarker m;
    m.kind = sensor.kind == FixedSensorKind::kCoastalRadar ? MarkerKind::kCoastalRadar : MarkerKind::kAisReceiver;
    m.position = sensor.position;
    if (!sensor.site.empty()) {
      if (const auto it = base_at.find(sensor.site); it != base_at.end()) m.position = it->second;
    }
    markers.push_back(std::move(m));
  }
  return markers;
}

}  // namespace mdasim

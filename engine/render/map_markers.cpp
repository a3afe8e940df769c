// Heatmap symbols for a scenario's bases and fixed sensors, and its patrol routes (see
// map_markers.hpp).
#include "render/map_markers.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <stdexcept>
#include <string>

#include "model/patrol_route.hpp"

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

std::vector<MapRoute> scenario_routes(const Scenario& scenario) {
  std::vector<MapRoute> routes;
  std::vector<int> also;  // per route, the other patrols flying it
  for (const Patrol& patrol : scenario.patrols) {
    std::vector<GeoPoint> points;
    try {
      points = patrol_route(patrol).points;
    } catch (const std::invalid_argument&) {
      continue;  // unchecked scenario: no route to draw
    }
    const auto it = std::find_if(routes.begin(), routes.end(), [&](const MapRoute& r) {
      return std::equal(r.points.begin(), r.points.end(), points.begin(), points.end(), same_place);
    });
    if (it != routes.end()) {
      ++also[static_cast<std::size_t>(it - routes.begin())];
      continue;
    }
    routes.push_back({std::move(points), patrol.name});
    also.push_back(0);
  }
  for (std::size_t i = 0; i < routes.size(); ++i) {
    if (also[i] > 0) routes[i].label += " and " + std::to_string(also[i]) + " more";
  }
  return routes;
}

}  // namespace mdasim

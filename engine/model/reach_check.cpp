// What each fixed sensor, patrol and SAR unit can reach, against where incidents and targets occur.
#include "model/reach_check.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "geo/geodesy.hpp"
#include "geo/nearest_points.hpp"
#include "model/fixed_sensors.hpp"
#include "model/mobile_detection.hpp"
#include "model/occurrence.hpp"
#include "model/patrol_route.hpp"

namespace mdasim {
namespace {

// Patrol routes are followed by points at most this far apart.
constexpr double kRouteStepNm = 2.0;

std::string nm_text(double nm) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(nm < 100.0 ? 1 : 0) << nm << " nm";
  return out.str();
}
std::string hours_text(double h) {
  std::ostringstream out;
  out << std::setprecision(3) << h << " h";
  return out.str();
}
std::string position_text(const GeoPoint& p) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(2) << std::abs(p.lon_deg) << (p.lon_deg < 0 ? "W " : "E ")
      << std::abs(p.lat_deg) << (p.lat_deg < 0 ? "S" : "N");
  return out.str();
}

// One incident or target class, where it occurs and what is seen of it.
struct ClassPlaces {
  std::string what;  // "incident class 'x'"
  bool incident = true;
  int search_object = kNoIndex;
  double height_m = kDefaultTargetHeightM;
  bool transmits_ais = false;
  double min_search_time_h = 0.0;
  Occurrence occurrence;
  NearestPoints index;
};

std::vector<ClassPlaces> class_places(const Scenario& s, const Geography& geo) {
  std::vector<ClassPlaces> out;
  auto height = [&](int object) {
    return object >= 0 ? s.search_objects[static_cast<std::size_t>(object)].height_m : kDefaultTargetHeightM;
  };
  for (const IncidentClass& c : s.incident_classes) {
    Occurrence occurrence = incident_occurrence(c, geo);
    NearestPoints index(occurrence.points);
    out.push_back(ClassPlaces{"incident class '" + c.name + "'", true, c.search_object_index, height(c.search_object_index),
                              false, c.min_search_time_h, std::move(occurrence), std::move(index)});
  }
  for (const TargetClass& c : s.target_classes) {
    Occurrence occurrence = target_occurrence(c, geo);
    NearestPoints index(occurrence.points);
    out.push_back(ClassPlaces{"target class '" + c.name + "'", false, c.search_object_index, height(c.search_object_index),
                              c.ais_on_probability > 0.0, 0.0, std::move(occurrence), std::move(index)});
  }
  return out;
}

// A class a unit can see or serve, and how far from it.
struct Need {
  const ClassPlaces* places = nullptr;
  double reach_nm = 0.0;
  std::string seen;  // what the reach is of, for the message ("a small-craft (2 m)")
};

struct Shortfall {
  const Need* need = nullptr;
  double distance_nm = 0.0;  // to the nearest place where the class's incidents or targets may be
};

// Nothing when some need is met from some point of `from` (each standing for `from_spread_nm`
// around it); else the need that comes nearest to being met.
std::optional<Shortfall> unreached(const std::vector<GeoPoint>& from, double from_spread_nm, const std::vector<Need>& needs) {
  for (const Need& n : needs) {
    if (n.places->index.empty()) continue;
    const double within = n.reach_nm + n.places->occurrence.spread_nm + from_spread_nm;
    for (const GeoPoint& p : from) {
      if (n.places->index.any_within(p, within)) return std::nullopt;
    }
  }
  std::optional<Shortfall> worst;
  double least_gap = std::numeric_limits<double>::infinity();
  for (const Need& n : needs) {
    if (n.places->index.empty()) continue;
    double best = std::numeric_limits<double>::infinity();
    for (const GeoPoint& p : from) {
      const auto found = std::isinf(best) ? n.places->index.nearest(p) : n.places->index.nearest_within(p, best);
      if (found && found->distance_nm < best) best = found->distance_nm;
    }
    const double distance = std::max(0.0, best - n.places->occurrence.spread_nm - from_spread_nm);
    if (distance - n.reach_nm < least_gap) {
      least_gap = distance - n.reach_nm;
      worst = Shortfall{&n, distance};
    }
  }
  return worst;
}

std::string object_text(const Scenario& s, int object) {
  if (object < 0) return "a target";
  const SearchObject& o = s.search_objects[static_cast<std::size_t>(object)];
  std::ostringstream out;
  out << "a " << o.name << " (" << o.height_m << " m)";
  return out.str();
}

std::string nearest_text(const Shortfall& f, std::string_view from) {
  return "the nearest (" + f.need->places->what + ") is " + nm_text(f.distance_nm) + " " + std::string(from);
}

void check_fixed_sensors(const Scenario& s, const std::vector<ClassPlaces>& classes, Diagnostics& d) {
  for (const FixedSensor& f : s.fixed_sensors) {
    const bool ais = f.kind == FixedSensorKind::kAisReceiver;
    std::vector<Need> needs;
    for (const ClassPlaces& c : classes) {
      if (ais && !c.transmits_ais) continue;
      needs.push_back(Need{&c, fixed_sensor_range_nm(f, c.height_m), ais ? "AIS" : object_text(s, c.search_object)});
    }
    const std::string what = "fixed sensor '" + f.name + "' (" + std::string(to_string(f.kind)) + " at " +
                             position_text(f.position) + ")";
    if (needs.empty()) {
      bool any_target = false;
      for (const ClassPlaces& c : classes) any_target = any_target || !c.incident;
      if (ais && any_target) {
        d.warning(f.where, what + " hears only vessels that transmit AIS, and no target class does (ais_on_probability 0)");
      }
      continue;
    }
    if (const auto f_short = unreached({f.position}, 0.0, needs)) {
      d.warning(f.where, what + " covers no place where the scenario's incidents or targets occur: " +
                             nearest_text(*f_short, "away") + ", and it " +
                             (ais ? "hears AIS to " : "sees " + f_short->need->seen + " to ") +
                             nm_text(f_short->need->reach_nm));
    }
  }
}

// The points a patrol's route passes, at most kRouteStepNm apart.
std::vector<GeoPoint> route_points(const Patrol& p) {
  const PatrolRoute route = patrol_route(p);
  std::vector<GeoPoint> out{route.points.front()};
  const std::size_t n = route.points.size();
  for (std::size_t i = 0; n > 1 && i < n; ++i) {
    const GeoPoint& a = route.points[i];
    const GeoPoint& b = route.points[(i + 1) % n];
    const auto steps = static_cast<int>(std::max(1.0, std::ceil(geodesic_nm(a, b) / kRouteStepNm)));
    for (int k = 1; k <= steps; ++k) out.push_back(lerp_lonlat(a, b, static_cast<double>(k) / steps));
  }
  return out;
}

std::string route_text(const Patrol& p) {
  if (p.pattern == PatrolPattern::kStation) return "station at " + position_text(p.point);
  const std::vector<GeoPoint>& points = p.pattern == PatrolPattern::kParallelSweep ? p.area : p.waypoints;
  return std::string(to_string(p.pattern)) + " from " + position_text(points.front());
}

void check_patrols(const Scenario& s, const std::vector<ClassPlaces>& classes, Diagnostics& d) {
  if (classes.empty()) return;
  for (std::size_t pi = 0; pi < s.patrols.size(); ++pi) {
    const Patrol& p = s.patrols[pi];
    std::vector<const AssetType*> types;
    for (const Asset& a : s.assets) {
      if (a.patrol_index == static_cast<int>(pi) && a.type_index >= 0) types.push_back(&s.asset_types[static_cast<std::size_t>(a.type_index)]);
    }
    if (types.empty()) continue;  // check.cpp warns that no asset flies it
    std::vector<Need> needs;
    for (const ClassPlaces& c : classes) {
      if (c.search_object < 0) continue;
      double reach = -1.0;
      for (const AssetType* t : types) {
        for (const Sensor& sensor : t->sensors) {
          for (const SweepWidth& w : sensor.sweep_widths) {
            if (w.search_object_index != c.search_object) continue;
            const MobileSensorLaw law{sensor.detection, w.width_nm, t->search_speed_kt, sensor.range_nm};
            reach = std::max(reach, law.law == DetectionModel::kDefiniteRange ? law.definite_range_nm() : law.max_range_nm);
          }
        }
      }
      if (reach >= 0.0) needs.push_back(Need{&c, reach, object_text(s, c.search_object)});
    }
    const std::string what = "patrol '" + p.name + "' (" + route_text(p) + ")";
    if (needs.empty()) {
      d.warning(p.where, what + " is flown by types whose sensors have no sweep width for the search object of any "
                                "incident or target class, so its sorties can see nothing");
      continue;
    }
    const std::vector<GeoPoint> route = route_points(p);
    if (const auto f_short = unreached(route, route.size() > 1 ? 0.5 * kRouteStepNm : 0.0, needs)) {
      d.warning(p.where, what + " passes within sight of no place where the scenario's incidents or targets occur: " +
                             nearest_text(*f_short, "from its route") + ", and its sensors see " + f_short->need->seen +
                             " to at most " + nm_text(f_short->need->reach_nm));
    }
  }
}

void check_sar_units(const Scenario& s, const std::vector<ClassPlaces>& classes, Diagnostics& d) {
  for (const Asset& a : s.assets) {
    if (!a.sar || a.type_index < 0 || a.base_index < 0) continue;
    const AssetType& t = s.asset_types[static_cast<std::size_t>(a.type_index)];
    const Base& base = s.bases[static_cast<std::size_t>(a.base_index)];
    bool has_widths = false;
    bool any_class = false;
    bool any_incidents = false;
    std::vector<Need> needs;
    for (const ClassPlaces& c : classes) {
      if (!c.incident) continue;
      any_incidents = true;
      bool searches = false;
      for (const Sensor& sensor : t.sensors) {
        for (const SweepWidth& w : sensor.sweep_widths) {
          has_widths = true;
          searches = searches || (c.search_object >= 0 && w.search_object_index == c.search_object);
        }
      }
      if (!searches) continue;
      any_class = true;
      const double spare_h = t.endurance_h - c.min_search_time_h;
      if (spare_h > 0.0) {
        needs.push_back(Need{&c, 0.5 * spare_h * t.cruise_speed_kt,
                             "endurance " + hours_text(t.endurance_h) + " less the " + hours_text(c.min_search_time_h) +
                                 " minimum search, at " + std::to_string(static_cast<long>(std::lround(t.cruise_speed_kt))) +
                                 " kt, out and back"});
      }
    }
    if (!any_incidents || !has_widths) continue;  // nothing to reach, or check.cpp's warning
    const std::string what = "asset '" + a.name + "' (SAR role, based at '" + base.name + "', " + position_text(base.position) + ")";
    if (!any_class) {
      d.warning(a.where, what + ": its type '" + t.name + "' has no sweep width for the search object of any incident "
                                "class, so it is never sent to one");
      continue;
    }
    if (needs.empty()) {
      d.warning(a.where, what + ": its type's endurance (" + hours_text(t.endurance_h) +
                             ") leaves no time on scene after the minimum search time of every incident class it can search for");
      continue;
    }
    if (const auto f_short = unreached({base.position}, 0.0, needs)) {
      d.warning(a.where, what + " can reach no place where the scenario's incidents occur: " +
                             nearest_text(*f_short, "away") + ", and it can go at most " + nm_text(f_short->need->reach_nm) +
                             " out (" + f_short->need->seen + ")");
    }
  }
}

}  // namespace

void check_reach(const Scenario& scenario, const Geography& geography, Diagnostics& diagnostics) {
  const std::vector<ClassPlaces> classes = class_places(scenario, geography);
  check_fixed_sensors(scenario, classes, diagnostics);
  check_patrols(scenario, classes, diagnostics);
  check_sar_units(scenario, classes, diagnostics);
}

}  // namespace mdasim

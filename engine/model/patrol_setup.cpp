// Preparing a scenario's patrols (see patrol_setup.hpp).
#include "model/patrol_setup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/stable_key.hpp"
#include "geo/geodesy.hpp"
#include "geo/sea_distance.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kHoursPerWeek = 168.0;

}  // namespace

PatrolSetup::PatrolSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar)
    : sar_(&sar), search_object_count_(scenario.search_objects.size()) {
  // Detection laws per type and search object.
  laws_.resize(scenario.asset_types.size() * search_object_count_);
  delays_h_.resize(laws_.size());
  for (std::size_t t = 0; t < scenario.asset_types.size(); ++t) {
    const AssetType& type = scenario.asset_types[t];
    for (const Sensor& sensor : type.sensors) {
      for (const SweepWidth& w : sensor.sweep_widths) {
        if (w.search_object_index < 0 || !(w.width_nm > 0.0)) continue;
        MobileSensorLaw law;
        law.law = sensor.detection;
        law.sweep_width_nm = w.width_nm;
        law.speed_kt = type.search_speed_kt;
        law.max_range_nm = sensor.range_nm > 0.0 ? sensor.range_nm : kInf;
        const std::size_t slot = t * search_object_count_ + static_cast<std::size_t>(w.search_object_index);
        laws_[slot].push_back(law);
        delays_h_[slot].push_back(sensor.reporting_delay_h);
      }
    }
  }

  plans_.reserve(scenario.patrols.size());
  for (std::size_t p = 0; p < scenario.patrols.size(); ++p) {
    const Patrol& patrol = scenario.patrols[p];
    PatrolPlan plan;
    plan.patrol_index = static_cast<int>(p);
    plan.route = patrol_route(patrol);
    plan.interval_h = patrol.sorties_per_week > 0.0 ? kHoursPerWeek / patrol.sorties_per_week : kInf;
    plan.stream_key = stable_key("patrol " + patrol.name);  // apart from sensors named alike
    plans_.push_back(std::move(plan));
  }

  // The SAR units by asset and copy, to link units with both roles.
  std::vector<std::vector<int>> sar_units_of_asset(scenario.assets.size());
  for (std::size_t k = 0; k < sar.units().size(); ++k) {
    sar_units_of_asset[static_cast<std::size_t>(sar.units()[k].asset_index)].push_back(static_cast<int>(k));
  }

  for (std::size_t a = 0; a < scenario.assets.size(); ++a) {
    const Asset& asset = scenario.assets[a];
    if (asset.patrol_index < 0) continue;
    if (asset.type_index < 0 || asset.base_index < 0 || asset.state_index < 0) {
      throw std::invalid_argument("asset '" + asset.name + "' has unresolved references");
    }
    const AssetType& type = scenario.asset_types[static_cast<std::size_t>(asset.type_index)];
    const Base& base = scenario.bases[static_cast<std::size_t>(asset.base_index)];
    PatrolPlan& plan = plans_[static_cast<std::size_t>(asset.patrol_index)];
    const bool surface = type.category == AssetCategory::kVessel;

    PatrolUnit proto;
    proto.asset_index = static_cast<int>(a);
    proto.type_index = asset.type_index;
    proto.patrol_index = asset.patrol_index;
    proto.base_index = asset.base_index;
    proto.state_index = asset.state_index;
    proto.base_position = base.position;
    proto.surface = surface;
    proto.cruise_speed_kt = type.cruise_speed_kt;
    proto.search_speed_kt = type.search_speed_kt;
    proto.endurance_h = type.endurance_h;
    proto.turnaround_h = type.turnaround_h;
    proto.mission_capable_rate = type.mission_capable_rate;
    proto.mean_repair_time_h = type.mean_repair_time_h;

    // Distances from the base: to the entry, and the longest return from any vertex.
    double out_nm = 0.0;
    double farthest_nm = 0.0;
    if (surface) {
      // One over-water field from the route's entry; the base is reached through its access
      // cells (a port lies on the coast). Vertices use the same field's distances plus the
      // geodesic between vertex and entry as a bound for the return.
      const SeaDistanceField field = sea_distance_field(geography.sea, {SeaSource{plan.route.entry()}});
      out_nm = kInf;
      for (const auto& [cell, leg_nm] : source_access(geography.sea, base.position)) {
        out_nm = std::min(out_nm, field.distance_nm[cell] + leg_nm);
      }
      for (const GeoPoint& v : plan.route.points) {
        farthest_nm = std::max(farthest_nm, out_nm + geodesic_nm(plan.route.entry(), v));
      }
    } else {
      out_nm = geodesic_nm(base.position, plan.route.entry());
      for (const GeoPoint& v : plan.route.points) farthest_nm = std::max(farthest_nm, geodesic_nm(base.position, v));
    }
    if (type.cruise_speed_kt > 0.0 && std::isfinite(out_nm)) {
      proto.transit_out_h = out_nm / type.cruise_speed_kt;
      const double allowed_h = type.endurance_h - proto.transit_out_h - farthest_nm / type.cruise_speed_kt;
      const double wanted_h = scenario.patrols[static_cast<std::size_t>(asset.patrol_index)].time_on_station_h.value_or(kInf);
      proto.on_station_h = std::max(0.0, std::min(wanted_h, allowed_h));
    }

    const std::vector<int>& sar_units = sar_units_of_asset[a];
    for (std::int64_t k = 0; k < asset.count; ++k) {
      PatrolUnit u = proto;
      u.name = asset.count > 1 ? asset.name + " #" + std::to_string(k + 1) : asset.name;
      u.stream_key = stable_key(asset.name, k);
      if (asset.sar && static_cast<std::size_t>(k) < sar_units.size()) u.sar_unit = sar_units[static_cast<std::size_t>(k)];
      plan.units.push_back(static_cast<int>(units_.size()));
      units_.push_back(std::move(u));
    }
  }
}

std::span<const MobileSensorLaw> PatrolSetup::laws(int type_index, int search_object_index) const {
  if (type_index < 0 || search_object_index < 0) return {};
  return laws_[static_cast<std::size_t>(type_index) * search_object_count_ + static_cast<std::size_t>(search_object_index)];
}

std::span<const double> PatrolSetup::reporting_delays_h(int type_index, int search_object_index) const {
  if (type_index < 0 || search_object_index < 0) return {};
  return delays_h_[static_cast<std::size_t>(type_index) * search_object_count_ + static_cast<std::size_t>(search_object_index)];
}

double PatrolSetup::return_distance_nm(const PatrolUnit& unit, const GeoPoint& p) const {
  if (unit.surface && unit.sar_unit >= 0) {
    return sar_->sea_distance_nm(sar_->units()[static_cast<std::size_t>(unit.sar_unit)], p);
  }
  // Aircraft; and ISR-only vessels, whose return is taken as the geodesic (their ports have no
  // field in the SAR model; the error is the detour around land on the way home).
  return geodesic_nm(unit.base_position, p);
}

GeoPoint sortie_position(const PatrolUnit& unit, const PatrolPlan& plan, double launch_h, double t_h) {
  const double since_h = t_h - launch_h;
  if (since_h <= 0.0) return unit.base_position;
  if (since_h < unit.transit_out_h) return lerp_lonlat(unit.base_position, plan.route.entry(), since_h / unit.transit_out_h);
  return route_position(plan.route, (since_h - unit.transit_out_h) * unit.search_speed_kt);
}

}  // namespace mdasim

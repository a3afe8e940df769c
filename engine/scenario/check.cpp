// Cross-reference and consistency checks over a merged scenario. Every error points at the
// value at fault (each entity records where each of its fields was written).
#include "scenario/check.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "core/units.hpp"
#include "geo/geodesy.hpp"
#include "scenario/check_window.hpp"
#include "scenario/name_index.hpp"

namespace mdasim {
namespace {

// Grids larger than this would not fit the coverage layers in memory.
constexpr double kMaxGridCells = 25e6;


std::string with_article(std::string_view word) {
  const bool vowel = !word.empty() && std::string_view("aeiouAEIOU").find(word[0]) != std::string_view::npos;
  return (vowel ? "an " : "a ") + std::string(word);
}

template <typename T>
const std::string& name_of(const T& item) {
  return item.name;
}

bool base_fits(BaseKind kind, AssetCategory category) {
  switch (category) {
    case AssetCategory::kAircraft:
    case AssetCategory::kUav: return kind == BaseKind::kAirfield;
    case AssetCategory::kHelicopter: return kind == BaseKind::kAirfield || kind == BaseKind::kPort;
    case AssetCategory::kVessel: return kind == BaseKind::kPort;
  }
  return false;
}

std::string_view where_it_belongs(AssetCategory category) {
  switch (category) {
    case AssetCategory::kAircraft: return "an airfield";
    case AssetCategory::kUav: return "an airfield";
    case AssetCategory::kHelicopter: return "an airfield or a port";
    case AssetCategory::kVessel: return "a port";
  }
  return "";
}

// Reports the first point outside the region; true if all are inside.
bool inside_region(const Region& region, const std::vector<GeoPoint>& points, const SourceLocation& where,
                   const std::string& what, Diagnostics& d) {
  for (const GeoPoint& p : points) {
    if (!region.contains(p)) {
      d.error(where, what + " has the point [" + format_value(p.lon_deg, "") + ", " +
                         format_value(p.lat_deg, "") + "] outside the scenario region");
      return false;
    }
  }
  return true;
}

void check_run_and_region(const Scenario& s, Diagnostics& d) {
  if (s.run.duration_h > 0 && s.run.warmup_h >= s.run.duration_h) {
    d.error(field_location(s.run, "warmup"), "warmup (" + format_value(s.run.warmup_h, "h") +
                                     ") is not shorter than the duration (" +
                                     format_value(s.run.duration_h, "h") + "); expected warmup < duration");
  }
  const Region& r = s.region;
  const double cells = std::ceil((r.lon_max_deg - r.lon_min_deg) / r.cell_deg) *
                       std::ceil((r.lat_max_deg - r.lat_min_deg) / r.cell_deg);
  if (r.cell_deg > 0 && cells > kMaxGridCells) {
    d.error(field_location(r, "grid"), "a grid of " + format_value(r.cell_deg, "deg") + " cells over this region has " +
                               format_value(cells, "") + " cells; at most " + format_value(kMaxGridCells, "") +
                               " are allowed: expected a coarser grid or a smaller region");
  }
}

// After an option's removals, required sections may have become empty.
void check_not_emptied(const Scenario& s, Diagnostics& d) {
  if (!s.option) return;
  auto require = [&](bool empty, std::string_view what) {
    if (empty) d.error(s.option->where, "the option removes every " + std::string(what) + "; a scenario needs at least one");
  };
  require(s.states.empty(), "state");
  require(s.bases.empty(), "base");
  require(s.search_objects.empty(), "search object");
  require(s.asset_types.empty(), "asset type");
  require(s.assets.empty(), "asset");
}

// Warns when an asset cannot fly its patrol at all from its base: out to the nearest point of the
// route and back from the farthest takes its whole endurance (by the geodesic, a lower bound for
// vessels too), so every sortie would be missed.
void patrol_within_reach(const Base& base, const AssetType& type, const Patrol& p, const SourceLocation& where,
                         const std::string& user, Diagnostics& d) {
  if (!(type.cruise_speed_kt > 0.0)) return;
  const std::vector<GeoPoint>& points =
      p.pattern == PatrolPattern::kStation ? std::vector<GeoPoint>{p.point}
                                          : (p.pattern == PatrolPattern::kParallelSweep ? p.area : p.waypoints);
  if (points.empty()) return;
  double nearest_nm = std::numeric_limits<double>::infinity();
  double farthest_nm = 0.0;
  for (const GeoPoint& q : points) {
    const double nm = geodesic_nm(base.position, q);
    nearest_nm = std::min(nearest_nm, nm);
    farthest_nm = std::max(farthest_nm, nm);
  }
  const double out_and_back_h = (nearest_nm + farthest_nm) / type.cruise_speed_kt;
  if (out_and_back_h >= type.endurance_h) {
    d.warning(where, user + " cannot fly patrol '" + p.name + "' from '" + base.name + "': out to the route and back takes at least " +
                         format_value(out_and_back_h, "h") + " at " + format_value(type.cruise_speed_kt, "kt") +
                         ", and its type's endurance is " + format_value(type.endurance_h, "h") +
                         "; every sortie would be missed");
  }
}

}  // namespace

void check_scenario(Scenario& s, const ReadNotes& notes, Diagnostics& d) {
  check_not_emptied(s, d);
  check_run_and_region(s, d);

  const auto code_of = [](const State& x) -> const std::string& { return x.code; };
  const NameIndex states = NameIndex::of(s.states, "state", "states", code_of, &d, "code");
  const NameIndex bases = NameIndex::of(s.bases, "base", "bases", name_of<Base>, &d);
  const NameIndex objects = NameIndex::of(s.search_objects, "search object", "search_objects", name_of<SearchObject>, &d);
  const NameIndex types = NameIndex::of(s.asset_types, "asset type", "asset_types", name_of<AssetType>, &d);
  const NameIndex patrols = NameIndex::of(s.patrols, "patrol", "patrols", name_of<Patrol>, &d);
  (void)NameIndex::of(s.assets, "asset", "assets", name_of<Asset>, &d);
  (void)NameIndex::of(s.fixed_sensors, "fixed sensor", "fixed_sensors", name_of<FixedSensor>, &d);
  (void)NameIndex::of(s.incident_classes, "incident class", "incident_classes", name_of<IncidentClass>, &d);
  (void)NameIndex::of(s.target_classes, "target class", "target_classes", name_of<TargetClass>, &d);
  (void)NameIndex::of(s.lane_traffic, "lane traffic entry", "lane_traffic", name_of<LaneTraffic>, &d);
  (void)NameIndex::of(s.responsibility_areas, "responsibility area", "responsibility_areas", name_of<ResponsibilityArea>, &d);
  // Every reference resolves through its section's index.
  const auto resolve = [&](const NameIndex& index, const std::string& key, const SourceLocation& where,
                           const std::string& user) { return index.resolve(key, where, user, &notes, d); };

  for (Base& b : s.bases) {
    b.state_index = resolve(states, b.state, field_location(b, "state"), "base '" + b.name + "'");
    if (!s.region.contains(b.position)) {
      d.warning(b.where, "base '" + b.name + "' lies outside the scenario region");
    }
  }

  for (State& st : s.states) {
    const std::string user = "coordination centre of state '" + st.code + "'";
    const SourceLocation& where = field_location(st, "coordination_centre");
    st.coordination_centre_index = resolve(bases, st.coordination_centre, where, user);
    if (st.coordination_centre_index == kNoIndex) continue;
    const Base& b = s.bases[static_cast<std::size_t>(st.coordination_centre_index)];
    if (b.kind != BaseKind::kCoordinationCentre) {
      d.error(where, user + " is base '" + b.name + "', whose kind is " + std::string(to_string(b.kind)) +
                         "; expected a base of kind coordination-centre");
    } else if (b.state != st.code) {
      d.error(where, user + " is base '" + b.name + "' of state '" + b.state +
                         "'; expected a centre of the same state");
    }
  }

  for (ResponsibilityArea& a : s.responsibility_areas) {
    a.state_index = resolve(states, a.state, field_location(a, "state"), "responsibility area '" + a.name + "'");
  }

  for (AssetType& t : s.asset_types) {
    if (t.search_speed_kt > t.cruise_speed_kt && t.cruise_speed_kt > 0) {
      d.error(field_location(t, "search_speed"), "asset type '" + t.name + "' has a search speed (" +
                                         format_value(t.search_speed_kt, "kt") + ") above its cruise speed (" +
                                         format_value(t.cruise_speed_kt, "kt") +
                                         "); expected search_speed <= cruise_speed");
    }
    std::map<std::string, const Sensor*> sensor_names;
    for (Sensor& sensor : t.sensors) {
      if (const auto [it, ok] = sensor_names.emplace(sensor.name, &sensor); !ok) {
        d.error(field_location(sensor, "name"), "duplicate sensor '" + sensor.name + "' in asset type '" + t.name +
                                        "' (first defined at " + it->second->where.str() + ")");
      }
      std::map<std::string, const SweepWidth*> seen;
      for (SweepWidth& w : sensor.sweep_widths) {
        if (const auto [it, ok] = seen.emplace(w.search_object, &w); !ok) {
          d.error(w.where, "duplicate sweep width for '" + w.search_object + "' in sensor '" +
                               sensor.name + "' (first given at " + it->second->where.str() + ")");
        }
        w.search_object_index = resolve(objects, w.search_object, w.where, "sweep width of sensor '" + sensor.name + "'");
      }
    }
  }

  for (Patrol& p : s.patrols) {
    const std::string what = "patrol '" + p.name + "'";
    if (p.time_on_station_h && *p.time_on_station_h * p.sorties_per_week > 168.0) {
      d.error(field_location(p, "time_on_station"), what + " asks for more time on station per week (" +
                                            format_value(*p.time_on_station_h * p.sorties_per_week, "h") +
                                            ") than a week has (168h)");
    }
    switch (p.pattern) {
      case PatrolPattern::kParallelSweep: inside_region(s.region, p.area, field_location(p, "area"), what, d); break;
      case PatrolPattern::kBarrier:
      case PatrolPattern::kRacetrack: inside_region(s.region, p.waypoints, field_location(p, "waypoints"), what, d); break;
      case PatrolPattern::kStation: inside_region(s.region, {p.point}, field_location(p, "point"), what, d); break;
    }
  }

  std::vector<bool> patrol_flown(s.patrols.size(), false);
  for (Asset& a : s.assets) {
    const std::string user = "asset '" + a.name + "'";
    a.type_index = resolve(types, a.type, field_location(a, "type"), user);
    a.base_index = resolve(bases, a.base, field_location(a, "base"), user);
    const AssetType* type = a.type_index != kNoIndex ? &s.asset_types[static_cast<std::size_t>(a.type_index)] : nullptr;
    if (type != nullptr && a.base_index != kNoIndex) {
      const Base& b = s.bases[static_cast<std::size_t>(a.base_index)];
      if (!base_fits(b.kind, type->category)) {
        d.error(field_location(a, "base"), user + " is " + with_article(to_string(type->category)) + " based at '" + b.name +
                                   "', whose kind is " + std::string(to_string(b.kind)) + "; expected " +
                                   std::string(where_it_belongs(type->category)));
      }
    }
    if (a.state.empty() && a.base_index != kNoIndex) {
      a.state = s.bases[static_cast<std::size_t>(a.base_index)].state;
    }
    if (!a.state.empty()) a.state_index = resolve(states, a.state, field_location(a, "state"), user);
    if (!a.patrol.empty()) {
      a.patrol_index = resolve(patrols, a.patrol, field_location(a, "patrol"), user);
      if (!a.isr) {
        d.error(field_location(a, "patrol"), user + " is assigned to patrol '" + a.patrol +
                                     "' but does not have the ISR role; expected roles to include ISR");
      }
      if (a.patrol_index != kNoIndex) {
        patrol_flown[static_cast<std::size_t>(a.patrol_index)] = true;
        const Patrol& p = s.patrols[static_cast<std::size_t>(a.patrol_index)];
        if (type != nullptr && a.base_index != kNoIndex) {
          patrol_within_reach(s.bases[static_cast<std::size_t>(a.base_index)], *type, p, field_location(a, "patrol"), user, d);
        }
        if (type != nullptr && p.time_on_station_h && *p.time_on_station_h > type->endurance_h) {
          d.error(field_location(a, "patrol"), user + " flies patrol '" + p.name + "', which asks for " +
                                       format_value(*p.time_on_station_h, "h") + " on station, but its type '" +
                                       type->name + "' has an endurance of " +
                                       format_value(type->endurance_h, "h"));
        }
      }
    }
    if (a.sar && type != nullptr) {
      bool any_width = false;
      for (const Sensor& sensor : type->sensors) any_width = any_width || !sensor.sweep_widths.empty();
      if (!any_width) {
        d.warning(field_location(a, "roles"), user + " has the SAR role but its type '" + type->name +
                                      "' gives no sweep widths, so it cannot search");
      }
    }
  }
  for (std::size_t i = 0; i < s.patrols.size(); ++i) {
    if (!patrol_flown[i]) d.warning(s.patrols[i].where, "no asset flies patrol '" + s.patrols[i].name + "'");
  }

  for (FixedSensor& f : s.fixed_sensors) {
    const std::string user = "fixed sensor '" + f.name + "'";
    f.state_index = resolve(states, f.state, field_location(f, "state"), user);
    if (!f.site.empty()) {
      f.site_index = resolve(bases, f.site, field_location(f, "site"), user);
      if (f.site_index != kNoIndex) {
        const Base& b = s.bases[static_cast<std::size_t>(f.site_index)];
        if (b.kind != BaseKind::kRadarSite) {
          d.error(field_location(f, "site"), user + " stands at '" + b.name + "', whose kind is " +
                                     std::string(to_string(b.kind)) + "; expected a base of kind radar-site");
        }
        f.position = b.position;
      }
    }
    if (!s.region.contains(f.position)) d.warning(f.where, user + " lies outside the scenario region");
  }

  // Placement of incidents and targets, shared by both kinds of class.
  auto check_placement = [&](const Placement& p, const SourceLocation& where, const std::string& what) {
    if (p.kind == Placement::Kind::kLanes && s.geodata.lanes_path.empty()) {
      d.error(where, what + " is placed along sea lanes, but the scenario names no lanes file; "
                            "expected 'lanes' under 'geodata', or another kind of placement");
    }
    for (const Placement::Area& area : p.areas) {
      inside_region(s.region, area.polygon, area.where, what + ", area '" + area.name + "',", d);
    }
  };

  for (IncidentClass& c : s.incident_classes) {
    const std::string what = "incident class '" + c.name + "'";
    c.search_object_index = resolve(objects, c.search_object, field_location(c, "search_object"), what);
    check_placement(c.where_placed, field_location(c, "where"), what);
    if (c.search_object_index == kNoIndex) continue;
    bool searchable = false;
    for (const Asset& a : s.assets) {
      if (!a.sar || a.type_index == kNoIndex) continue;
      for (const Sensor& sensor : s.asset_types[static_cast<std::size_t>(a.type_index)].sensors) {
        for (const SweepWidth& w : sensor.sweep_widths) searchable = searchable || w.search_object == c.search_object;
      }
    }
    if (!searchable) {
      d.warning(field_location(c, "search_object"), what + ": no SAR asset has a sweep width for '" + c.search_object +
                                            "', so these incidents can never be found by search");
    }
  }
  for (TargetClass& c : s.target_classes) {
    const std::string what = "target class '" + c.name + "'";
    c.search_object_index = resolve(objects, c.search_object, field_location(c, "search_object"), what);
    check_placement(c.where_placed, field_location(c, "where"), what);
    if (c.motion == TargetMotion::kTransit && c.speed_kt <= 0.0) {
      d.error(field_location(c, "speed"), what + " transits at 0kt; expected a speed above 0 for motion: transit");
    }
  }

  std::map<std::pair<std::string, std::string>, const SharingLink*> links;
  for (SharingLink& l : s.policies.sharing_links) {
    l.from_index = resolve(states, l.from, field_location(l, "from"), "information-sharing link");
    l.to_index = resolve(states, l.to, field_location(l, "to"), "information-sharing link");
    if (l.from == l.to) {
      d.error(field_location(l, "to"), "information-sharing link from '" + l.from + "' to itself; expected two different states");
    }
    if (const auto [it, ok] = links.emplace(std::make_pair(l.from, l.to), &l); !ok) {
      d.error(l.where, "duplicate information-sharing link " + l.from + " -> " + l.to +
                           " (first given at " + it->second->where.str() + ")");
    }
  }
  std::map<std::pair<std::string, std::string>, const CrossBorderAgreement*> agreements;
  for (CrossBorderAgreement& g : s.policies.agreements) {
    g.assisting_index = resolve(states, g.assisting, field_location(g, "assisting"), "cross-border agreement");
    g.responsible_index = resolve(states, g.responsible, field_location(g, "responsible"), "cross-border agreement");
    if (g.assisting == g.responsible) {
      d.error(field_location(g, "responsible"), "cross-border agreement of '" + g.assisting +
                                        "' with itself; expected two different states");
    }
    if (const auto [it, ok] = agreements.emplace(std::make_pair(g.assisting, g.responsible), &g); !ok) {
      d.error(g.where, "duplicate cross-border agreement " + g.assisting + " -> " + g.responsible +
                           " (first given at " + it->second->where.str() + ")");
    }
  }
  check_window(s, d);
}

}  // namespace mdasim

// Readers for each section and entity of a scenario file.
#include "scenario/read_sections.hpp"

#include <filesystem>

#include "scenario/name_rules.hpp"
#include "scenario/data_folders.hpp"
#include "scenario/names.hpp"

namespace mdasim {

bool read_name_text(MapReader& m, std::string_view key, bool required, std::string& out) {
  std::string text;
  if (!m.read_string(key, required, text)) return false;
  out = text;
  if (const std::optional<std::string> fault = name_fault(text)) {
    // The reader's description of the mapping may already quote the name ("base 'X'").
    const std::string shown = "'" + shown_name(text) + "'";
    const std::string what = shown_name(m.what());
    const std::string value = what.find(shown) == std::string::npos ? " is " + shown + ", which " : " ";
    m.context().error(m.get(key, false), "'" + std::string(key) + "' of " + what + value + *fault);
    return false;
  }
  return true;
}

namespace {

// Reads the entity's name (the reader already names the entity in its messages).
bool read_name(MapReader& m, std::string& name) { return read_name_text(m, "name", true, name); }

bool read_placement(MapReader& parent, bool required, Placement& out) {
  const YAML::Node node = parent.get("where", required);
  if (!node.IsDefined()) return !required;
  const ReadContext& ctx = parent.context();
  MapReader m(ctx, node, "'where' of " + parent.what(), {"kind", "areas"});
  if (!m.is_map()) return false;
  Placement p;
  p.where = m.location();
  bool ok = m.read_enum<Placement::Kind>("kind", true, names::kPlacementKinds, p.kind);
  if (ok && p.kind == Placement::Kind::kAreas) {
    const YAML::Node areas = m.get("areas", true);
    if (areas.IsDefined()) {
      if (!areas.IsSequence() || areas.size() == 0) {
        ctx.error(areas, "expected a non-empty list of areas for 'areas' of " + parent.what());
        ok = false;
      } else {
        for (const YAML::Node& item : areas) {
          MapReader a(ctx, item, "area of " + parent.what(), {"name", "weight", "polygon"});
          if (!a.is_map()) {
            ok = false;
            continue;
          }
          Placement::Area area;
          area.where = a.location();
          bool area_ok = read_name(a, area.name);
          if (a.has("weight")) area_ok = a.read_number("weight", false, Bounds::greater_than(0), area.weight) && area_ok;
          area_ok = a.read_polygon("polygon", true, area.polygon) && area_ok;
          if (area_ok) p.areas.push_back(std::move(area));
          ok = ok && area_ok;
        }
      }
    } else {
      ok = false;
    }
  } else if (ok && m.has("areas")) {
    ctx.error(m.key_node("areas"), "'areas' is only used with kind: areas");
    ok = false;
  }
  if (ok) out = std::move(p);
  return ok;
}

}  // namespace

bool read_lane_traffic(const ReadContext& ctx, const YAML::Node& node, bool partial, LaneTraffic& out) {
  MapReader m(ctx, node, "lane traffic entry", {"name", "weight", "area"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  if (m.has("weight") || !partial) ok = m.read_number("weight", true, Bounds::greater_than(0), out.weight) && ok;
  if (m.has("area") || !partial) ok = m.read_polygon("area", true, out.area) && ok;
  m.record_fields(out.fields);
  return ok;
}

bool read_state(const ReadContext& ctx, const YAML::Node& node, bool partial, State& out) {
  MapReader m(ctx, node, "state", {"code", "name", "coordination_centre"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = true;
  if (m.read_string("code", true, out.code)) {
    const bool valid = out.code.size() == 2 && out.code[0] >= 'A' && out.code[0] <= 'Z' &&
                       out.code[1] >= 'A' && out.code[1] <= 'Z';
    if (!valid) {
      ctx.error(m.get("code", false), "state code '" + out.code +
                                          "' is not an ISO 3166-1 alpha-2 code; expected two "
                                          "upper-case letters such as PH");
      ok = false;
    }
  } else {
    ok = false;
  }
  if (m.has("name") || !partial) ok = read_name_text(m, "name", true, out.name) && ok;
  if (m.has("coordination_centre") || !partial) {
    ok = read_name_text(m, "coordination_centre", true, out.coordination_centre) && ok;
  }
  m.record_fields(out.fields);
  return ok;
}

bool read_responsibility_area(const ReadContext& ctx, const YAML::Node& node, bool partial,
                              ResponsibilityArea& out) {
  MapReader m(ctx, node, "responsibility area", {"name", "state", "area"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  if (m.has("state") || !partial) ok = read_name_text(m, "state", true, out.state) && ok;
  if (m.has("area") || !partial) ok = m.read_polygon("area", true, out.area) && ok;
  m.record_fields(out.fields);
  return ok;
}

bool read_base(const ReadContext& ctx, const YAML::Node& node, bool partial, Base& out) {
  MapReader m(ctx, node, "base", {"name", "state", "kind", "lon", "lat"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  if (m.has("state") || !partial) ok = read_name_text(m, "state", true, out.state) && ok;
  if (m.has("kind") || !partial) ok = m.read_enum<BaseKind>("kind", true, names::kBaseKinds, out.kind) && ok;
  if (m.has("lon") || !partial) ok = m.read_lon("lon", true, out.position.lon_deg) && ok;
  if (m.has("lat") || !partial) ok = m.read_lat("lat", true, out.position.lat_deg) && ok;
  m.record_fields(out.fields);
  return ok;
}

bool read_search_object(const ReadContext& ctx, const YAML::Node& node, bool partial,
                        SearchObject& out) {
  MapReader m(ctx, node, "search object", {"name", "height"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  if (m.has("height") || !partial) {
    ok = m.read_quantity("height", true, Dimension::kHeight, Bounds::between(0, 1000), out.height_m) && ok;
  }
  m.record_fields(out.fields);
  return ok;
}

namespace {
bool read_sensor(const ReadContext& ctx, const YAML::Node& node, const std::string& owner,
                 Sensor& out) {
  const YAML::Node name = node.IsMap() ? node["name"] : YAML::Node();
  const std::string label = name.IsDefined() && name.IsScalar() ? "sensor '" + shown_name(name.Scalar()) + "'" : std::string("sensor");
  MapReader m(ctx, node, label + " of " + owner, {"name", "kind", "detection", "range", "reporting_delay", "sweep_widths"});
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  ok = m.read_enum<SensorKind>("kind", true, names::kSensorKinds, out.kind) && ok;
  if (m.has("detection")) {
    ok = m.read_enum<DetectionModel>("detection", false, names::kDetectionModels, out.detection) && ok;
  }
  ok = m.read_quantity("range", true, Dimension::kDistance, Bounds::above_up_to(0, 2000), out.range_nm) && ok;
  if (m.has("reporting_delay")) {
    ok = m.read_quantity("reporting_delay", false, Dimension::kDuration, Bounds::between(0, 24.0 * 30), out.reporting_delay_h) && ok;
  }
  const YAML::Node widths = m.get("sweep_widths", false);
  if (widths.IsDefined()) {
    // Keys are search-object names, checked against the scenario later.
    if (!widths.IsMap()) {
      ctx.error(widths, "expected a mapping from search object to sweep width for 'sweep_widths' of " +
                            m.what() + ", got " + std::string(node_kind(widths)));
      ok = false;
    } else {
      for (const auto& kv : widths) {
        SweepWidth sw;
        sw.where = ctx.at(kv.first);
        if (!kv.first.IsScalar()) {
          ctx.error(kv.first, "keys of 'sweep_widths' in " + m.what() +
                                  " must be plain names of search objects, got " + std::string(node_kind(kv.first)));
          ok = false;
          continue;
        }
        sw.search_object = kv.first.Scalar();
        if (const std::optional<std::string> fault = name_fault(sw.search_object)) {
          ctx.error(kv.first, "search object '" + shown_name(sw.search_object) + "' in 'sweep_widths' of " + m.what() +
                                  ", which " + *fault);
          ok = false;
          continue;
        }
        if (!kv.second.IsScalar()) {
          ctx.error(kv.second, "expected a distance for sweep width of '" + sw.search_object +
                                   "', got " + std::string(node_kind(kv.second)));
          ok = false;
          continue;
        }
        const QuantityResult q = parse_quantity(kv.second.Scalar(), Dimension::kDistance);
        if (!q.value) {
          ctx.error(kv.second, "sweep width of '" + sw.search_object + "' in " + m.what() + ": " + q.error);
          ok = false;
          continue;
        }
        if (*q.value <= 0.0 || *q.value > 2.0 * out.range_nm + 1e-9) {
          ctx.error(kv.second, "sweep width of '" + sw.search_object + "' in " + m.what() + " is " +
                                   format_value(*q.value, "nm") +
                                   "; expected more than 0nm and at most twice the sensor's range (" +
                                   format_value(2.0 * out.range_nm, "nm") + ")");
          ok = false;
          continue;
        }
        sw.width_nm = *q.value;
        out.sweep_widths.push_back(std::move(sw));
      }
    }
  }
  m.record_fields(out.fields);
  return ok;
}
}  // namespace

bool read_asset_type(const ReadContext& ctx, const YAML::Node& node, bool partial, AssetType& out) {
  MapReader m(ctx, node, "asset type",
              {"name", "category", "cruise_speed", "search_speed", "endurance", "readiness",
               "mission_capable_rate", "mean_repair_time", "turnaround", "cost", "sensors"},
              partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("category")) ok = m.read_enum<AssetCategory>("category", true, names::kAssetCategories, out.category) && ok;
  const Bounds speed = Bounds::above_up_to(0, 2000);
  if (want("cruise_speed")) ok = m.read_quantity("cruise_speed", true, Dimension::kSpeed, speed, out.cruise_speed_kt) && ok;
  if (want("search_speed")) ok = m.read_quantity("search_speed", true, Dimension::kSpeed, speed, out.search_speed_kt) && ok;
  if (want("endurance")) ok = m.read_quantity("endurance", true, Dimension::kDuration, Bounds::above_up_to(0, 24.0 * 365), out.endurance_h) && ok;
  if (want("readiness")) ok = m.read_quantity("readiness", true, Dimension::kDuration, Bounds::between(0, 24.0 * 365), out.readiness_h) && ok;
  if (want("mission_capable_rate")) ok = m.read_fraction("mission_capable_rate", true, out.mission_capable_rate) && ok;
  if (m.has("mean_repair_time")) ok = m.read_quantity("mean_repair_time", false, Dimension::kDuration, Bounds::above_up_to(0, 24.0 * 3650), out.mean_repair_time_h) && ok;
  if (want("turnaround")) ok = m.read_quantity("turnaround", true, Dimension::kDuration, Bounds::between(0, 24.0 * 365), out.turnaround_h) && ok;
  if (m.has("cost")) ok = m.read_optional_quantity("cost", Dimension::kMoney, Bounds::at_least(0), out.cost_musd) && ok;
  if (want("sensors")) {
    const YAML::Node sensors = m.get("sensors", true);
    if (sensors.IsDefined()) {
      if (!sensors.IsSequence() || sensors.size() == 0) {
        ctx.error(sensors, "expected a non-empty list of sensors for " + m.what() + ", got " +
                               std::string(node_kind(sensors)));
        ok = false;
      } else {
        std::vector<Sensor> list;
        for (const YAML::Node& item : sensors) {
          Sensor s;
          if (read_sensor(ctx, item, m.what(), s)) {
            list.push_back(std::move(s));
          } else {
            ok = false;
          }
        }
        out.sensors = std::move(list);
      }
    } else {
      ok = false;
    }
  }
  m.record_fields(out.fields);
  return ok;
}

bool read_asset(const ReadContext& ctx, const YAML::Node& node, bool partial, Asset& out) {
  MapReader m(ctx, node, "asset", {"name", "type", "base", "count", "state", "roles", "patrol"}, partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("type")) ok = read_name_text(m, "type", true, out.type) && ok;
  if (want("base")) ok = read_name_text(m, "base", true, out.base) && ok;
  if (want("count")) ok = m.read_integer("count", true, 1, 10000, out.count) && ok;
  if (m.has("state")) ok = read_name_text(m, "state", false, out.state) && ok;
  if (m.has("patrol")) ok = read_name_text(m, "patrol", false, out.patrol) && ok;
  if (want("roles")) {
    const YAML::Node roles = m.get("roles", true);
    if (roles.IsDefined()) {
      if (!roles.IsSequence() || roles.size() == 0) {
        ctx.error(roles, "expected a list of roles such as [ISR, SAR] for " + m.what() + ", got " +
                             std::string(node_kind(roles)));
        ok = false;
      } else {
        bool isr = false;
        bool sar = false;
        for (const YAML::Node& r : roles) {
          const std::string text = r.IsScalar() ? r.Scalar() : std::string();
          if (text == "ISR" && !isr) {
            isr = true;
          } else if (text == "SAR" && !sar) {
            sar = true;
          } else if (text == "ISR" || text == "SAR") {
            ctx.error(r, "role '" + text + "' is listed twice in " + m.what());
            ok = false;
          } else {
            ctx.error(r, "'" + text + "' is not a role; expected ISR or SAR");
            ok = false;
          }
        }
        out.isr = isr;
        out.sar = sar;
      }
    } else {
      ok = false;
    }
  }
  m.record_fields(out.fields);
  return ok;
}

bool read_fixed_sensor(const ReadContext& ctx, const YAML::Node& node, bool partial,
                       FixedSensor& out) {
  MapReader m(ctx, node, "fixed sensor",
              {"name", "kind", "state", "site", "lon", "lat", "antenna_height", "range",
               "availability", "reporting_delay"},
              partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("kind")) ok = m.read_enum<FixedSensorKind>("kind", true, names::kFixedSensorKinds, out.kind) && ok;
  if (want("state")) ok = read_name_text(m, "state", true, out.state) && ok;
  const bool has_site = m.has("site");
  const bool has_position = m.has("lon") || m.has("lat");
  if (has_site && has_position) {
    ctx.error(m.key_node("site"), "give either 'site' or 'lon'/'lat' for " + m.what() + ", not both");
    ok = false;
  } else if (has_site) {
    ok = read_name_text(m, "site", true, out.site) && ok;
  } else if (has_position || !partial) {
    if (!has_position) {
      ctx.diagnostics->error(m.location(), "missing position of " + m.what() +
                                               ": expected 'site' (a radar-site base) or 'lon' and 'lat'");
      ok = false;
    } else {
      ok = m.read_lon("lon", true, out.position.lon_deg) && ok;
      ok = m.read_lat("lat", true, out.position.lat_deg) && ok;
      out.site.clear();
    }
  }
  if (want("antenna_height")) ok = m.read_quantity("antenna_height", true, Dimension::kHeight, Bounds::above_up_to(0, 5000), out.antenna_height_m) && ok;
  if (want("range")) ok = m.read_quantity("range", true, Dimension::kDistance, Bounds::above_up_to(0, 1000), out.range_nm) && ok;
  if (m.has("availability")) ok = m.read_fraction("availability", false, out.availability) && ok;
  if (m.has("reporting_delay")) ok = m.read_quantity("reporting_delay", false, Dimension::kDuration, Bounds::between(0, 24.0 * 365), out.reporting_delay_h) && ok;
  m.record_fields(out.fields);
  return ok;
}

bool read_patrol(const ReadContext& ctx, const YAML::Node& node, bool partial, Patrol& out) {
  MapReader m(ctx, node, "patrol",
              {"name", "pattern", "area", "track_spacing", "waypoints", "point", "sorties_per_week",
               "time_on_station"},
              partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("pattern")) ok = m.read_enum<PatrolPattern>("pattern", true, names::kPatrolPatterns, out.pattern) && ok;
  if (want("sorties_per_week")) ok = m.read_number("sorties_per_week", true, Bounds::above_up_to(0, 1000), out.sorties_per_week) && ok;
  if (m.has("time_on_station")) ok = m.read_optional_quantity("time_on_station", Dimension::kDuration, Bounds::above_up_to(0, 24.0 * 365), out.time_on_station_h) && ok;
  // Geometry keys depend on the pattern; a key of another pattern is an error.
  struct Geometry {
    std::string_view key;
    bool used;
  };
  const bool sweep = out.pattern == PatrolPattern::kParallelSweep;
  const bool line = out.pattern == PatrolPattern::kBarrier || out.pattern == PatrolPattern::kRacetrack;
  const bool station = out.pattern == PatrolPattern::kStation;
  for (const Geometry& g : {Geometry{"area", sweep}, Geometry{"track_spacing", sweep},
                            Geometry{"waypoints", line}, Geometry{"point", station}}) {
    if (!g.used && m.has(g.key)) {
      ctx.error(m.key_node(g.key), "'" + std::string(g.key) + "' is not used by the " +
                                         std::string(to_string(out.pattern)) + " pattern of " + m.what());
      ok = false;
    }
  }
  if (sweep) {
    if (want("area")) ok = m.read_polygon("area", true, out.area) && ok;
    if (want("track_spacing")) ok = m.read_quantity("track_spacing", true, Dimension::kDistance, Bounds::above_up_to(0, 500), out.track_spacing_nm) && ok;
  } else if (line) {
    if (want("waypoints")) ok = m.read_waypoints("waypoints", true, 2, out.waypoints) && ok;
  } else if (station) {
    if (want("point")) ok = m.read_point("point", true, out.point) && ok;
  }
  m.record_fields(out.fields);
  return ok;
}

bool read_incident_class(const ReadContext& ctx, const YAML::Node& node, bool partial,
                         IncidentClass& out) {
  MapReader m(ctx, node, "incident class",
              {"name", "rate", "where", "search_object", "persons_on_board", "beacon_probability",
               "overdue_delay", "position_error", "drift_error", "min_search_time", "survival"},
              partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("rate")) ok = m.read_quantity("rate", true, Dimension::kRate, Bounds::above_up_to(0, 1e4), out.rate_per_h) && ok;
  if (want("where")) ok = read_placement(m, true, out.where_placed) && ok;
  if (want("search_object")) ok = read_name_text(m, "search_object", true, out.search_object) && ok;
  if (want("persons_on_board")) ok = m.read_integer("persons_on_board", true, 1, 100000, out.persons_on_board) && ok;
  if (want("beacon_probability")) ok = m.read_fraction("beacon_probability", true, out.beacon_probability) && ok;
  if (want("overdue_delay")) ok = m.read_distribution("overdue_delay", true, Bounds::at_least(0), out.overdue_delay) && ok;
  if (want("position_error")) ok = m.read_quantity("position_error", true, Dimension::kDistance, Bounds::between(0, 500), out.position_error_nm) && ok;
  if (want("drift_error")) ok = m.read_quantity("drift_error", true, Dimension::kSpeed, Bounds::between(0, 50), out.drift_error_kt) && ok;
  if (want("min_search_time")) ok = m.read_quantity("min_search_time", true, Dimension::kDuration, Bounds::between(0, 24.0 * 30), out.min_search_time_h) && ok;
  if (want("survival")) ok = m.read_distribution("survival", true, Bounds::greater_than(0), out.survival) && ok;
  m.record_fields(out.fields);
  return ok;
}

bool read_target_class(const ReadContext& ctx, const YAML::Node& node, bool partial,
                       TargetClass& out) {
  MapReader m(ctx, node, "target class",
              {"name", "rate", "where", "motion", "speed", "loiter_radius", "dwell", "ais_on_probability", "search_object"},
              partial);
  if (!m.is_map()) return false;
  out.where = m.location();
  bool ok = read_name(m, out.name);
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("rate")) ok = m.read_quantity("rate", true, Dimension::kRate, Bounds::above_up_to(0, 1e4), out.rate_per_h) && ok;
  if (want("where")) ok = read_placement(m, true, out.where_placed) && ok;
  if (want("motion")) ok = m.read_enum<TargetMotion>("motion", true, names::kTargetMotions, out.motion) && ok;
  if (want("speed")) ok = m.read_quantity("speed", true, Dimension::kSpeed, Bounds::between(0, 100), out.speed_kt) && ok;
  if (m.has("loiter_radius")) {
    ok = m.read_quantity("loiter_radius", false, Dimension::kDistance, Bounds::between(0, 500), out.loiter_radius_nm) && ok;
  }
  if (want("dwell")) ok = m.read_distribution("dwell", true, Bounds::greater_than(0), out.dwell) && ok;
  if (want("ais_on_probability")) ok = m.read_fraction("ais_on_probability", true, out.ais_on_probability) && ok;
  if (want("search_object")) ok = read_name_text(m, "search_object", true, out.search_object) && ok;
  m.record_fields(out.fields);
  return ok;
}

void read_run(const ReadContext& ctx, const YAML::Node& node, bool partial, RunSettings& out) {
  MapReader m(ctx, node, "the 'run' section", {"duration", "warmup", "replications", "seed"}, partial);
  if (!m.is_map()) return;
  out.where = m.location();
  auto want = [&](std::string_view key) { return m.has(key) || !partial; };
  if (want("duration")) (void)m.read_quantity("duration", true, Dimension::kDuration, Bounds::above_up_to(0, 100 * kHoursPerYear), out.duration_h);
  if (m.has("warmup")) (void)m.read_quantity("warmup", false, Dimension::kDuration, Bounds::between(0, 100 * kHoursPerYear), out.warmup_h);
  if (want("replications")) (void)m.read_integer("replications", true, 1, 1'000'000, out.replications);
  if (want("seed")) (void)m.read_unsigned64("seed", true, out.seed);
  m.record_fields(out.fields);
}

namespace {

void read_region(const ReadContext& ctx, const YAML::Node& node, Region& out) {
  MapReader m(ctx, node, "the 'region' section", {"lon", "lat", "grid"});
  if (!m.is_map()) return;
  out.where = m.location();
  auto read_pair = [&](std::string_view key, double limit, double& lo, double& hi) {
    const YAML::Node pair = m.get(key, true);
    if (!pair.IsDefined()) return;
    if (!pair.IsSequence() || pair.size() != 2 || !pair[0].IsScalar() || !pair[1].IsScalar()) {
      ctx.error(pair, "expected '" + std::string(key) + "' as [min, max] in degrees, got " +
                          std::string(node_kind(pair)));
      return;
    }
    const std::optional<double> a = parse_number(pair[0].Scalar());
    const std::optional<double> b = parse_number(pair[1].Scalar());
    if (!a || !b) {
      ctx.error(pair, "expected '" + std::string(key) + "' as [min, max] in decimal degrees (bare numbers)");
      return;
    }
    if (*a < -limit || *a > limit || *b < -limit || *b > limit) {
      ctx.error(pair, "'" + std::string(key) + "' of the region is outside -" + format_value(limit, "") +
                          ".." + format_value(limit, "") + " degrees");
      return;
    }
    if (!(*a < *b)) {
      ctx.error(pair, "'" + std::string(key) + "' of the region is [" + pair[0].Scalar() + ", " +
                          pair[1].Scalar() + "]; expected the first value below the second");
      return;
    }
    lo = *a;
    hi = *b;
  };
  read_pair("lon", 180.0, out.lon_min_deg, out.lon_max_deg);
  read_pair("lat", 90.0, out.lat_min_deg, out.lat_max_deg);
  if (m.has("grid")) {
    if (m.read_quantity("grid", false, Dimension::kAngle, Bounds::between(0.005, 5.0), out.cell_deg)) {
      const double width = out.lon_max_deg - out.lon_min_deg;
      const double height = out.lat_max_deg - out.lat_min_deg;
      if (width > 0 && height > 0 && (out.cell_deg > width || out.cell_deg > height)) {
        ctx.error(m.get("grid", false), "grid cell of " + format_value(out.cell_deg, "deg") +
                                            " is larger than the region; expected a smaller cell");
      }
    }
  }
  m.record_fields(out.fields);
}

void read_geodata(const ReadContext& ctx, const YAML::Node& node, const std::string& folder,
                  GeodataFiles& out) {
  MapReader m(ctx, node, "the 'geodata' section", {"land", "lanes", "countries"});
  if (!m.is_map()) return;
  out.where = m.location();
  // Found beside the scenario or in the shipped data folders (scenario/data_folders.hpp). One
  // not found keeps the path as given, with its error: the scenario still names the file, so
  // checks that need it (incidents along the lanes) do not also report it as missing.
  const std::vector<std::string> no_data_folders;
  const std::vector<std::string>& data_folders = ctx.data_folders != nullptr ? *ctx.data_folders : no_data_folders;
  auto read_path = [&](std::string_view key, bool required, std::string& path) {
    std::string given;
    if (!m.read_string(key, required, given)) return;
    const FoundFile found = find_data_file(given, folder, data_folders);
    if (!found.problem.empty()) {
      const bool missing = found.problem.starts_with("not found");
      ctx.error(m.get(key, false), "geodata file '" + given + "' " + (missing ? "" : "cannot be read: ") + found.problem);
      path = given;
      return;
    }
    path = found.path;
  };
  read_path("land", true, out.land_path);
  read_path("lanes", true, out.lanes_path);
  read_path("countries", false, out.countries_path);
}

}  // namespace

void read_policies(const ReadContext& ctx, const YAML::Node& node, bool partial, Policies& out) {
  MapReader m(ctx, node, "the 'policies' section", {"alerting", "information_sharing", "cross_border", "patrol_retasking"}, partial);
  if (!m.is_map()) return;
  out.where = m.location();
  if (m.has("patrol_retasking")) {
    (void)m.read_enum<bool>("patrol_retasking", false, names::kCrossBorderDefaults, out.patrol_retasking_allowed);
  }
  const Bounds delay = Bounds::between(0, 24.0 * 365);
  if (const YAML::Node a = m.get("alerting", false); a.IsDefined()) {
    MapReader am(ctx, a, "'alerting' policy", {"rcc_processing"}, partial);
    if (am.is_map()) (void)am.read_quantity("rcc_processing", true, Dimension::kDuration, delay, out.rcc_processing_h);
  }
  if (const YAML::Node s = m.get("information_sharing", false); s.IsDefined()) {
    MapReader sm(ctx, s, "'information_sharing' policy", {"default_delay", "links"}, partial);
    if (sm.is_map()) {
      (void)sm.read_quantity("default_delay", true, Dimension::kDuration, delay, out.default_sharing_delay_h);
      if (const YAML::Node links = sm.get("links", false); links.IsDefined()) {
        std::vector<SharingLink> list;
        read_list<SharingLink>(ctx, links, "links",
            [&](const ReadContext& c, const YAML::Node& item, bool, SharingLink& l) {
              MapReader lm(c, item, "information-sharing link", {"from", "to", "delay"});
              if (!lm.is_map()) return false;
              l.where = lm.location();
              bool ok = read_name_text(lm, "from", true, l.from);
              ok = read_name_text(lm, "to", true, l.to) && ok;
              ok = lm.read_quantity("delay", true, Dimension::kDuration, delay, l.delay_h) && ok;
              lm.record_fields(l.fields);
              return ok;
            },
            list);
        out.sharing_links = std::move(list);
      }
    }
  }
  if (const YAML::Node c = m.get("cross_border", false); c.IsDefined()) {
    MapReader cm(ctx, c, "'cross_border' policy", {"default", "coordination_delay", "agreements"}, partial);
    if (cm.is_map()) {
      (void)cm.read_enum<bool>("default", true, names::kCrossBorderDefaults, out.cross_border_default_allowed);
      (void)cm.read_quantity("coordination_delay", true, Dimension::kDuration, delay, out.cross_border_coordination_delay_h);
      if (const YAML::Node agreements = cm.get("agreements", false); agreements.IsDefined()) {
        std::vector<CrossBorderAgreement> list;
        read_list<CrossBorderAgreement>(ctx, agreements, "agreements",
            [&](const ReadContext& rc, const YAML::Node& item, bool, CrossBorderAgreement& g) {
              MapReader gm(rc, item, "cross-border agreement",
                           {"assisting", "responsible", "allowed", "coordination_delay"});
              if (!gm.is_map()) return false;
              g.where = gm.location();
              bool ok = read_name_text(gm, "assisting", true, g.assisting);
              ok = read_name_text(gm, "responsible", true, g.responsible) && ok;
              if (gm.has("allowed")) ok = gm.read_bool("allowed", false, g.allowed) && ok;
              if (gm.has("coordination_delay")) ok = gm.read_optional_quantity("coordination_delay", Dimension::kDuration, delay, g.coordination_delay_h) && ok;
              gm.record_fields(g.fields);
              return ok;
            },
            list);
        out.agreements = std::move(list);
      }
    }
  }
}

void read_scenario_file(const ReadContext& ctx, const YAML::Node& root, const std::string& folder,
                        Scenario& out) {
  MapReader top(ctx, root, "the scenario file",
                {"x-*", "scenario", "run", "region", "geodata", "lane_traffic", "states",
                 "responsibility_areas", "bases", "search_objects", "asset_types", "assets",
                 "fixed_sensors", "patrols", "incident_classes", "target_classes", "policies"});
  if (!top.is_map()) return;
  if (const YAML::Node s = top.get("scenario", true); s.IsDefined()) {
    MapReader m(ctx, s, "the 'scenario' section", {"name", "description"});
    if (m.is_map() && m.read_string("name", true, out.name)) {
      for (char c : out.name) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                             (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!allowed) {
          ctx.error(m.get("name", false), "scenario name '" + out.name +
                                              "' has characters other than letters, digits, '-', '_' and '.'");
          break;
        }
      }
    }
    if (m.is_map() && m.has("description")) (void)m.read_string("description", false, out.description);
  }
  if (const YAML::Node n = top.get("run", true); n.IsDefined()) read_run(ctx, n, false, out.run);
  if (const YAML::Node n = top.get("region", true); n.IsDefined()) read_region(ctx, n, out.region);
  if (const YAML::Node n = top.get("geodata", false); n.IsDefined()) read_geodata(ctx, n, folder, out.geodata);
  if (const YAML::Node n = top.get("lane_traffic", false); n.IsDefined()) read_list<LaneTraffic>(ctx, n, "lane_traffic", read_lane_traffic, out.lane_traffic);
  // Required list sections must hold at least one entry.
  auto non_empty = [&](std::string_view key, std::string_view what) {
    const YAML::Node n = top.get(key, true);
    if (n.IsDefined() && (n.IsNull() || (n.IsSequence() && n.size() == 0))) {
      ctx.error(n, "'" + std::string(key) + "' is empty; expected at least one " + std::string(what));
      return YAML::Node(YAML::NodeType::Undefined);
    }
    return n;
  };
  if (const YAML::Node n = non_empty("states", "state"); n.IsDefined()) read_list<State>(ctx, n, "states", read_state, out.states);
  if (const YAML::Node n = top.get("responsibility_areas", false); n.IsDefined()) read_list<ResponsibilityArea>(ctx, n, "responsibility_areas", read_responsibility_area, out.responsibility_areas);
  if (const YAML::Node n = non_empty("bases", "base"); n.IsDefined()) read_list<Base>(ctx, n, "bases", read_base, out.bases);
  if (const YAML::Node n = non_empty("search_objects", "search object"); n.IsDefined()) read_list<SearchObject>(ctx, n, "search_objects", read_search_object, out.search_objects);
  if (const YAML::Node n = non_empty("asset_types", "asset type"); n.IsDefined()) read_list<AssetType>(ctx, n, "asset_types", read_asset_type, out.asset_types);
  if (const YAML::Node n = non_empty("assets", "asset"); n.IsDefined()) read_list<Asset>(ctx, n, "assets", read_asset, out.assets);
  if (const YAML::Node n = top.get("fixed_sensors", false); n.IsDefined()) read_list<FixedSensor>(ctx, n, "fixed_sensors", read_fixed_sensor, out.fixed_sensors);
  if (const YAML::Node n = top.get("patrols", false); n.IsDefined()) read_list<Patrol>(ctx, n, "patrols", read_patrol, out.patrols);
  if (const YAML::Node n = top.get("incident_classes", false); n.IsDefined()) read_list<IncidentClass>(ctx, n, "incident_classes", read_incident_class, out.incident_classes);
  if (const YAML::Node n = top.get("target_classes", false); n.IsDefined()) read_list<TargetClass>(ctx, n, "target_classes", read_target_class, out.target_classes);
  if (const YAML::Node n = top.get("policies", false); n.IsDefined()) read_policies(ctx, n, false, out.policies);
}

}  // namespace mdasim

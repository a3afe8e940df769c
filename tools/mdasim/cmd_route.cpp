// `mdasim route --from LON,LAT --to LON,LAT [--by water|lanes] [--json] [--scenario FILE]`: the
// route between two points on a scenario's geodata (the shipped baseline by default): over water
// as the simulation's vessels sail it (the default), or along the sea lanes with over-water
// access legs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "core/printable.hpp"
#include "core/units.hpp"
#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
#include "geo/lane_route.hpp"
#include "geo/sea_entry.hpp"
#include "geo/sea_route.hpp"
#include "scenario/data_folders.hpp"
#include "scenario/load.hpp"

namespace mdasim::cli {
namespace {

std::optional<GeoPoint> parse_point(const std::string& text) {
  const std::size_t comma = text.find(',');
  if (comma == std::string::npos) return std::nullopt;
  const std::optional<double> lon = parse_number(text.substr(0, comma));
  const std::optional<double> lat = parse_number(text.substr(comma + 1));
  if (!lon || !lat || *lon < -180.0 || *lon > 180.0 || *lat < -90.0 || *lat > 90.0) return std::nullopt;
  return GeoPoint{*lon, *lat};
}

std::string point_text(const GeoPoint& p) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f%s %.4f%s", std::abs(p.lon_deg), p.lon_deg < 0 ? "W" : "E",
                std::abs(p.lat_deg), p.lat_deg < 0 ? "S" : "N");
  return buf;
}

std::string nm_text(double nm) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f nm", nm);
  return buf;
}

// The default scenario: the shipped baseline, from the working directory, else from the folders of
// shipped data (MDASIM_DATA, the installed data, the source tree of a build: data_folders.hpp).
std::string default_scenario() {
  const std::string local = "scenarios/asean-baseline.yaml";
  if (std::filesystem::is_regular_file(local)) return local;
  for (const std::string& folder : shipped_data_folders()) {
    const std::filesystem::path shipped = std::filesystem::path(folder) / "asean-baseline.yaml";
    if (std::filesystem::is_regular_file(shipped)) return shipped.string();
  }
  return MDASIM_DEFAULT_SCENARIO;  // not found anywhere: the message names this path
}

// Coordinates to a micro-degree (0.1 m): cell centres come out of sums as 1.1500000000000004.
double micro_deg(double deg) { return std::round(deg * 1e6) / 1e6; }

nlohmann::ordered_json path_json(const std::vector<GeoPoint>& path) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const GeoPoint& p : path) out.push_back({micro_deg(p.lon_deg), micro_deg(p.lat_deg)});
  return out;
}

// One end of a route as the user gave it, and how it joins the sea.
struct End {
  const char* name;  // "start" or "end"
  GeoPoint point;
  SeaEntry entry;
  bool in_sea_cell = true;  // the grid counts the point's cell as sea
};

// Whether a route's path leaves `end` by a jump to a sea cell's centre, as a port does: a point
// on land always; by water, also a point at sea in a cell the grid counts as land.
bool moves(const End& end, bool by_lanes) { return end.entry.on_land || (!by_lanes && !end.in_sea_cell); }

// `path_from_it` starts at the end's point; its second point is then the sea cell it joins.
nlohmann::ordered_json end_json(const End& end, bool by_lanes, const std::vector<GeoPoint>& path_from_it) {
  nlohmann::ordered_json out;
  out["on_land"] = end.entry.on_land;
  out["in_sea_cell"] = end.in_sea_cell;
  if (end.entry.nearest) out["nearest_sea_nm"] = end.entry.nearest->distance_nm;
  if (moves(end, by_lanes) && path_from_it.size() >= 2) {
    out["moved_nm"] = geodesic_nm(path_from_it[0], path_from_it[1]);
    out["sea_point"] = {micro_deg(path_from_it[1].lon_deg), micro_deg(path_from_it[1].lat_deg)};
  }
  return out;
}

void print_move_note(const End& end, bool by_lanes, const std::vector<GeoPoint>& path_from_it) {
  if (!moves(end, by_lanes) || path_from_it.size() < 2) return;
  std::cout << "  note: the " << end.name << " point "
            << (end.entry.on_land ? "is on land" : "lies in a grid cell that counts as land") << "; it joins the sea "
            << nm_text(geodesic_nm(path_from_it[0], path_from_it[1])) << " away, at the grid cell centred at "
            << point_text(path_from_it[1]) << ", as a port does\n";
}

// The table of legs of a path, with the length of each (given, or the geodesic).
void print_legs(const std::vector<GeoPoint>& path, const std::vector<double>& leg_nm) {
  std::cout << "\n  leg  from                      to                        length    cumulative\n";
  double cumulative = 0.0;
  std::size_t shown = 0;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double leg = i - 1 < leg_nm.size() ? leg_nm[i - 1] : geodesic_nm(path[i - 1], path[i]);
    if (leg == 0.0 && path[i - 1].lon_deg == path[i].lon_deg && path[i - 1].lat_deg == path[i].lat_deg) continue;
    cumulative += leg;
    char line[160];
    std::snprintf(line, sizeof line, "  %3zu  %-24s  %-24s  %8.1f  %12.1f\n", ++shown, point_text(path[i - 1]).c_str(),
                  point_text(path[i]).c_str(), leg, cumulative);
    std::cout << line;
  }
}

std::vector<GeoPoint> reversed(std::vector<GeoPoint> path) {
  std::reverse(path.begin(), path.end());
  return path;
}

// A lane route as long as this many times the route over water is noted: the lanes miss a passage.
constexpr double kLanesDetourFactor = 1.25;

}  // namespace

void add_route_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::string from;
    std::string to;
    std::string by = "water";
    bool json = false;
    std::string scenario;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("route", "Route between two points: over water, as vessels sail, or along the sea lanes");
  cmd->add_option("--from", options->from, "Start point as LON,LAT (decimal degrees)")->required();
  cmd->add_option("--to", options->to, "End point as LON,LAT (decimal degrees)")->required();
  cmd->add_option("--by", options->by,
                  "water (default): the shortest path over the grid's sea cells, the distance the simulation's "
                  "vessels sail; lanes: along the sea-lane network")
      ->type_name("water|lanes");
  cmd->add_flag("--json", options->json, "Print one JSON object instead of text");
  cmd->add_option("--scenario", options->scenario,
                  "Scenario whose geodata to use (default: scenarios/asean-baseline.yaml)");
  cmd->footer(
      "Examples:\n"
      "  mdasim route --from 120.95,14.6 --to 123.92,10.33              Manila to Cebu over water\n"
      "  mdasim route --from 103.84,1.26 --to 120.95,14.6 --by lanes    Singapore to Manila on the lanes\n"
      "  mdasim route --from 103.84,1.26 --to 120.95,14.6 --json        the path as [lon, lat] points\n\n"
      "--by water (the default) is the route the simulation's SAR and patrol vessels take: the shortest\n"
      "path over the sea cells of the scenario's grid (16 moves between cell centres, never cutting the\n"
      "corner of a land cell; like the vessels it can graze a coast, or an islet smaller than a cell),\n"
      "and its length is the over-water distance the simulation uses for them.\n"
      "--by lanes follows the sea-lane network (marnet in the shipped geodata), whose separate parts\n"
      "are joined over water; each point reaches the nearest lane point over water (a straight leg\n"
      "when it touches no land, else a path round it), and the route over water is given beside it.\n"
      "A point on land is taken as the scenario takes a port: it joins the sea through the sea cells\n"
      "around it when one lies within 5 grid cells (30 nm north-south on a 0.1 degree grid); a note\n"
      "(text) or \"moved_nm\" (JSON) says how far. Farther from the sea it is an error that says how far\n"
      "the nearest sea cell is.\n"
      "Exit status 2 for a point on land too far from the sea, outside the scenario region, or two\n"
      "points that no path over water (or no lane and join) connects.");
  cmd->callback([options, &run] {
    run = [options] {
      const std::optional<GeoPoint> from = parse_point(options->from);
      const std::optional<GeoPoint> to = parse_point(options->to);
      if (!from || !to) {
        std::cerr << "mdasim route: error: " << (!from ? "--from '" + options->from : "--to '" + options->to)
                  << "' is not LON,LAT in decimal degrees (for example 103.9,1.2)\n";
        return kExitBadInput;
      }
      if (options->by != "water" && options->by != "lanes") {
        std::cerr << "mdasim route: error: --by '" << options->by << "' is not 'water' or 'lanes'\n";
        return kExitBadInput;
      }
      const bool by_lanes = options->by == "lanes";
      const std::string path = options->scenario.empty() ? default_scenario() : options->scenario;
      Diagnostics diagnostics;
      const std::optional<Scenario> scenario = load_scenario(path, diagnostics);
      if (!scenario) {
        diagnostics.print(std::cerr);
        return kExitBadInput;
      }
      const std::optional<Geography> geo =
          build_geography(*scenario, diagnostics, GeographyOptions{.responsibility = false, .scenario_checks = false});
      if (!geo) {
        diagnostics.print(std::cerr);
        return kExitBadInput;
      }
      const double cell_deg = geo->grid().cell_deg();
      End ends[2] = {{"start", *from, {}}, {"end", *to, {}}};
      for (End& end : ends) {
        if (!scenario->region.contains(end.point)) {
          std::cerr << "mdasim route: error: the " << end.name << " point " << point_text(end.point)
                    << " is outside the region of scenario '" << scenario->name << "' ("
                    << scenario->region.lon_min_deg << ".." << scenario->region.lon_max_deg << "E, "
                    << scenario->region.lat_min_deg << ".." << scenario->region.lat_max_deg << "N)\n";
          return kExitBadInput;
        }
        end.entry = sea_entry(geo->sea, geo->land, end.point);
        const std::optional<std::size_t> cell = geo->grid().cell_of(end.point);
        end.in_sea_cell = cell && geo->sea.is_sea(*cell);
        if (!end.entry.accepted) {
          std::cerr << "mdasim route: error: the " << end.name << " point " << point_text(end.point) << " is on land, ";
          if (end.entry.nearest) {
            std::cerr << nm_text(end.entry.nearest->distance_nm) << " from the nearest sea cell of the grid (at "
                      << point_text(geo->grid().center(end.entry.nearest->cell)) << ")";
          } else {
            std::cerr << "and the grid has no sea cell";
          }
          std::cerr << "; a point on land is taken within " << kMaxSourceAccessCells << " grid cells ("
                    << kMaxSourceAccessCells * cell_deg << " deg) of a sea cell, as a port is\n";
          return kExitBadInput;
        }
      }
      const End& start = ends[0];
      const End& end = ends[1];

      const SeaDistanceField from_field = sea_field_from(geo->sea, *from);
      const std::optional<SeaRoute> water = sea_route(geo->sea, from_field, *from, *to);
      if (!by_lanes) {
        if (!water) {
          std::cerr << "mdasim route: error: from " << point_text(*from) << " to " << point_text(*to)
                    << ": no path over the grid's sea joins the two points (they are in separate waters at "
                    << cell_deg << " deg)\n";
          return kExitBadInput;
        }
        const std::vector<GeoPoint> end_path = reversed(water->path);
        if (options->json) {
          nlohmann::ordered_json out;
          out["from"] = {from->lon_deg, from->lat_deg};
          out["to"] = {to->lon_deg, to->lat_deg};
          out["by"] = "water";
          out["scenario"] = path;
          out["length_nm"] = water->length_nm;
          out["grid_deg"] = cell_deg;
          out["start"] = end_json(start, false, water->path);
          out["end"] = end_json(end, false, end_path);
          out["path"] = path_json(water->path);
          std::cout << out.dump() << '\n';
          return kExitOk;
        }
        std::cout << "Route over water from " << point_text(*from) << " to " << point_text(*to)
                  << ", as the simulation's vessels sail it ('" << scenario->name << "', " << cell_deg
                  << " deg grid)\n"
                  << "  scenario: " << printable(path) << '\n';
        print_move_note(start, false, water->path);
        print_move_note(end, false, end_path);
        std::cout << "  length: " << nm_text(water->length_nm) << '\n';
        print_legs(water->path, water->leg_nm);
        return kExitOk;
      }

      const LaneRouter router(geo->lanes, geo->sea, geo->land);
      const LaneRouter::RouteResult result = router.route(*from, *to);
      if (!result.route) {
        std::cerr << "mdasim route: error: from " << point_text(*from) << " to " << point_text(*to) << ": "
                  << result.error << '\n';
        return kExitBadInput;
      }
      const LaneRouter::Route& r = *result.route;
      if (options->json) {
        nlohmann::ordered_json out;
        out["from"] = {from->lon_deg, from->lat_deg};
        out["to"] = {to->lon_deg, to->lat_deg};
        out["by"] = "lanes";
        out["scenario"] = path;
        out["length_nm"] = r.total_nm();
        out["includes_access_legs"] = true;
        out["access_from_nm"] = r.from.length_nm;
        out["network_nm"] = r.network_nm();
        out["joins_nm"] = r.joins_nm;
        out["access_to_nm"] = r.to.length_nm;
        out["access_from_over_water"] = r.from.over_water;
        out["access_to_over_water"] = r.to.over_water;
        out["water_length_nm"] = water ? nlohmann::ordered_json(water->length_nm) : nlohmann::ordered_json(nullptr);
        out["lane_parts"] = geo->lanes.component_count();
        out["lane_parts_joined"] = router.part_count();
        out["start"] = end_json(start, true, r.from.path);
        out["end"] = end_json(end, true, r.to.path);
        out["path"] = path_json(r.path);
        std::cout << out.dump() << '\n';
        return kExitOk;
      }
      auto how = [](const LaneRouter::Access& a) { return a.over_water ? "  (over water, round land)" : ""; };
      std::cout << "Route along the sea lanes from " << point_text(*from) << " to " << point_text(*to) << " ('"
                << scenario->name << "'; the lanes' " << geo->lanes.component_count()
                << " parts joined over water make " << router.part_count() << ")\n"
                << "  scenario: " << printable(path) << '\n';
      print_move_note(start, true, r.from.path);
      print_move_note(end, true, r.to.path);
      std::cout << "  access leg, start to the lanes:   " << nm_text(r.from.length_nm) << how(r.from) << '\n'
                << "  along the lanes:                  " << nm_text(r.lanes_nm) << '\n'
                << "  over water between lane parts:    " << nm_text(r.joins_nm) << '\n'
                << "  access leg, lanes to the end:     " << nm_text(r.to.length_nm) << how(r.to) << '\n'
                << "  total, access legs included:      " << nm_text(r.total_nm()) << '\n';
      if (water) {
        std::cout << "  over water, as vessels sail:      " << nm_text(water->length_nm) << " (--by water)\n";
        if (r.total_nm() > kLanesDetourFactor * water->length_nm) {
          char ratio[32];
          std::snprintf(ratio, sizeof ratio, "%.2f", r.total_nm() / water->length_nm);
          std::cout << "  note: the lane route is " << ratio
                    << " times the route over water: the lane network has no lane along the shorter passage\n";
        }
      }
      print_legs(r.path, {});
      return kExitOk;
    };
  });
}

}  // namespace mdasim::cli

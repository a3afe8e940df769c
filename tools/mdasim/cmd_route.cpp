// `mdasim route --from LON,LAT --to LON,LAT [--json] [--scenario FILE]`: the shortest route
// between two points on the sea-lane network of a scenario's geodata (the shipped baseline by
// default), with the access legs from each point to the network.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "core/diagnostics.hpp"
#include "core/units.hpp"
#include "geo/geodesy.hpp"
#include "geo/geography.hpp"
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

// The default scenario: the shipped baseline, from the working directory or the source tree.
std::string default_scenario() {
  const std::string local = "scenarios/asean-baseline.yaml";
  if (std::filesystem::exists(local)) return local;
  return MDASIM_DEFAULT_SCENARIO;
}

}  // namespace

void add_route_command(CLI::App& app, std::function<int()>& run) {
  struct Options {
    std::string from;
    std::string to;
    bool json = false;
    std::string scenario;
  };
  auto options = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand("route", "Shortest route between two points on the sea-lane network");
  cmd->add_option("--from", options->from, "Start point as LON,LAT (decimal degrees)")->required();
  cmd->add_option("--to", options->to, "End point as LON,LAT (decimal degrees)")->required();
  cmd->add_flag("--json", options->json, "Print one JSON object instead of text");
  cmd->add_option("--scenario", options->scenario,
                  "Scenario whose geodata to use (default: scenarios/asean-baseline.yaml)");
  cmd->footer(
      "Examples:\n"
      "  mdasim route --from 103.9,1.2 --to 120.75,14.5          Singapore Strait to Manila Bay\n"
      "  mdasim route --from 103.9,1.2 --to 120.75,14.5 --json\n\n"
      "The route runs along the lanes between the points where the start and end snap to the\n"
      "network; the access legs (straight geodesics from each point to the network) are\n"
      "reported separately and included in the total length.\n"
      "Exit status 2 for a point on land, outside the scenario region, or two points on parts\n"
      "of the network that no lane joins.");
  cmd->callback([options, &run] {
    run = [options] {
      const std::optional<GeoPoint> from = parse_point(options->from);
      const std::optional<GeoPoint> to = parse_point(options->to);
      if (!from || !to) {
        std::cerr << "mdasim route: error: " << (!from ? "--from '" + options->from : "--to '" + options->to)
                  << "' is not LON,LAT in decimal degrees (for example 103.9,1.2)\n";
        return kExitBadInput;
      }
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
      for (const auto& [name, p] : {std::pair{"start", *from}, std::pair{"end", *to}}) {
        if (!scenario->region.contains(p)) {
          std::cerr << "mdasim route: error: the " << name << " point " << point_text(p)
                    << " is outside the region of scenario '" << scenario->name << "' ("
                    << scenario->region.lon_min_deg << ".." << scenario->region.lon_max_deg << "E, "
                    << scenario->region.lat_min_deg << ".." << scenario->region.lat_max_deg << "N)\n";
          return kExitBadInput;
        }
        if (geo->is_land(p)) {
          std::cerr << "mdasim route: error: the " << name << " point " << point_text(p)
                    << " is on land; expected a point at sea\n";
          return kExitBadInput;
        }
      }
      const LaneNetwork::RouteResult result = geo->lanes.route(*from, *to);
      if (!result.route) {
        std::cerr << "mdasim route: error: from " << point_text(*from) << " to " << point_text(*to) << ": "
                  << result.error << '\n';
        return kExitBadInput;
      }
      const LaneNetwork::Route& r = *result.route;
      if (options->json) {
        nlohmann::ordered_json out;
        out["from"] = {from->lon_deg, from->lat_deg};
        out["to"] = {to->lon_deg, to->lat_deg};
        out["length_nm"] = r.total_nm();
        out["includes_access_legs"] = true;
        out["access_from_nm"] = r.access_from_nm;
        out["network_nm"] = r.network_nm;
        out["access_to_nm"] = r.access_to_nm;
        out["path"] = nlohmann::ordered_json::array();
        for (const GeoPoint& p : r.path) out["path"].push_back({p.lon_deg, p.lat_deg});
        std::cout << out.dump() << '\n';
        return kExitOk;
      }
      std::cout << "Route from " << point_text(*from) << " to " << point_text(*to) << " on the sea lanes of '"
                << scenario->name << "'\n"
                << "  access leg, start to the network: " << nm_text(r.access_from_nm) << '\n'
                << "  along the lanes:                  " << nm_text(r.network_nm) << '\n'
                << "  access leg, network to the end:   " << nm_text(r.access_to_nm) << '\n'
                << "  total, access legs included:      " << nm_text(r.total_nm()) << "\n\n"
                << "  leg  from                      to                        length    cumulative\n";
      double cumulative = 0.0;
      for (std::size_t i = 1; i < r.path.size(); ++i) {
        const double leg = geodesic_nm(r.path[i - 1], r.path[i]);
        cumulative += leg;
        char line[160];
        std::snprintf(line, sizeof line, "  %3zu  %-24s  %-24s  %8.1f  %12.1f%s\n", i, point_text(r.path[i - 1]).c_str(),
                      point_text(r.path[i]).c_str(), leg, cumulative,
                      (i == 1 || i + 1 == r.path.size()) && r.path.size() > 2 ? "  (access)" : "");
        std::cout << line;
      }
      return kExitOk;
    };
  });
}

}  // namespace mdasim::cli

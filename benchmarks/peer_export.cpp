// Exports a SAR scenario's units and, for R replications, the incidents exactly as mdasim draws
// them and the records mdasim's replication leaves on them, as one JSON document, so that the
// SimPy model of the same SAR rules (benchmarks/peers/sar_simpy.py) can run the same incidents
// and check its outcomes against mdasim's, incident by incident (benchmarks/peers/README.md).
//
// Per replication r (key: the scenario's seed, variant 0, replication r, as `mdasim run`): the
// incidents of draw_sar_incidents (class, responsible state, position, occurrence, alert, ready
// and suspension times, the coverage draw of the search, every person's survival time) with the
// geodesic from every air base to the incident (so both sides fly identical transits), and the
// records of run_sar_replication on those incidents (SAR model alone, no ISR assets).
//
//   peer_export benchmarks/peers/sar-reduced.yaml --replications 20 -o /tmp/sar.json
#include <CLI/CLI.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geo/geodesy.hpp"
#include "io/json_number.hpp"
#include "model/sar_incidents.hpp"
#include "model/sar_replication.hpp"
#include "model/sar_setup.hpp"
#include "peer_scenario.hpp"

namespace {

using nlohmann::ordered_json;
using namespace mdasim;

// The bases SAR units fly from, in order of first use by the units: the distance columns.
std::vector<int> air_bases(const SarSetup& setup, std::vector<int>& column_of_base) {
  std::vector<int> bases;
  column_of_base.assign(setup.scenario().bases.size(), -1);
  for (const SarUnit& u : setup.units()) {
    int& column = column_of_base[static_cast<std::size_t>(u.base_index)];
    if (column < 0) {
      column = static_cast<int>(bases.size());
      bases.push_back(u.base_index);
    }
  }
  return bases;
}

ordered_json export_setup(const SarSetup& setup, const std::vector<int>& bases, const std::vector<int>& column_of_base) {
  const Scenario& sc = setup.scenario();
  ordered_json out;
  out["scenario"] = sc.name;
  out["seed"] = sc.run.seed;
  out["window_start_h"] = sc.run.warmup_h;
  out["window_end_h"] = sc.run.duration_h;
  ordered_json states = ordered_json::array();
  for (const State& s : sc.states) states.push_back(s.code);
  out["states"] = states;
  // foreign_delay_h[assisting][responsible]: sharing (responsible -> assisting) + coordination;
  // null where the cross-border policy denies it.
  ordered_json foreign = ordered_json::array();
  for (std::size_t a = 0; a < sc.states.size(); ++a) {
    ordered_json row = ordered_json::array();
    for (std::size_t r = 0; r < sc.states.size(); ++r) {
      const int ai = static_cast<int>(a);
      const int ri = static_cast<int>(r);
      if (a == r) {
        row.push_back(0.0);
      } else if (setup.cross_border_allowed(ai, ri)) {
        row.push_back(setup.sharing_delay_h(ri, ai) + setup.coordination_delay_h(ai, ri));
      } else {
        row.push_back(nullptr);
      }
    }
    foreign.push_back(row);
  }
  out["foreign_delay_h"] = foreign;
  ordered_json base_list = ordered_json::array();
  for (const int b : bases) {
    const Base& base = sc.bases[static_cast<std::size_t>(b)];
    base_list.push_back({{"name", base.name}, {"lon", base.position.lon_deg}, {"lat", base.position.lat_deg}});
  }
  out["bases"] = base_list;
  ordered_json objects = ordered_json::array();
  for (const SearchObject& o : sc.search_objects) objects.push_back(o.name);
  out["search_objects"] = objects;
  ordered_json classes = ordered_json::array();
  for (std::size_t c = 0; c < sc.incident_classes.size(); ++c) {
    const IncidentClass& cls = sc.incident_classes[c];
    classes.push_back({{"name", cls.name},
                       {"search_object", cls.search_object_index},
                       {"position_error_nm", cls.position_error_nm},
                       {"drift_error_kt", cls.drift_error_kt},
                       {"min_search_time_h", cls.min_search_time_h},
                       {"suspension_h", setup.incident_classes()[c].search_suspension_h}});
  }
  out["classes"] = classes;
  ordered_json units = ordered_json::array();
  for (const SarUnit& u : setup.units()) {
    ordered_json widths = ordered_json::array();
    for (std::size_t o = 0; o < sc.search_objects.size(); ++o) {
      widths.push_back(setup.sweep_width_nm(u.type_index, static_cast<int>(o)));
    }
    units.push_back({{"name", u.name},
                     {"state", u.state_index},
                     {"base", column_of_base[static_cast<std::size_t>(u.base_index)]},
                     {"cruise_speed_kt", u.cruise_speed_kt},
                     {"search_speed_kt", u.search_speed_kt},
                     {"endurance_h", u.endurance_h},
                     {"readiness_h", u.readiness_h},
                     {"turnaround_h", u.turnaround_h},
                     {"sweep_width_nm", widths}});
  }
  out["units"] = units;
  return out;
}

ordered_json export_incident(const SarIncident& inc, const Scenario& sc, const std::vector<int>& bases) {
  ordered_json distances = ordered_json::array();
  for (const int b : bases) distances.push_back(geodesic_nm(sc.bases[static_cast<std::size_t>(b)].position, inc.position));
  return {{"class", inc.class_index},
          {"state", inc.state},
          {"lon", inc.position.lon_deg},
          {"lat", inc.position.lat_deg},
          {"occurred_h", inc.occurred_h},
          {"alerted_h", inc.alerted_h},
          {"ready_h", inc.ready_h},
          {"suspend_h", inc.suspend_h},
          {"coverage_needed", inc.coverage_needed},
          {"survival_h", inc.survival_h},
          {"distance_nm", distances}};
}

ordered_json export_record(const IncidentRecord& r) {
  return {{"id", r.id},
          {"dispatched_h", json_number(r.dispatched_h)},
          {"on_scene_h", json_number(r.on_scene_h)},
          {"found_h", json_number(r.found_h)},
          {"closed_h", json_number(r.closed_h)},
          {"outcome", to_string(r.outcome)},
          {"persons_saved", r.persons_saved},
          {"sorties", r.sorties},
          {"first_unit", r.first_unit}};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Export a SAR scenario's units, incidents and mdasim's records as JSON for the SimPy peer"};
  std::string scenario_path;
  std::string output_path = "-";
  std::uint64_t replications = 2;
  app.add_option("scenario", scenario_path, "scenario file (aircraft and helicopters, always up)")->required();
  app.add_option("--replications,-r", replications, "replications to export")->check(CLI::PositiveNumber);
  app.add_option("-o,--output", output_path, "JSON file to write ('-': standard output)");
  CLI11_PARSE(app, argc, argv);

  const auto loaded = peers::load_scenario_with_geography(scenario_path, std::cerr);
  if (!loaded) return 2;
  const SarSetup setup(loaded->scenario, loaded->geography, 1);
  if (const std::string why = peers::simpy_peer_unsupported(setup); !why.empty()) {
    std::cerr << "peer_export: " << scenario_path << ": " << why << "\n";
    return 2;
  }
  std::vector<int> column_of_base;
  const std::vector<int> bases = air_bases(setup, column_of_base);
  ordered_json out = export_setup(setup, bases, column_of_base);
  ordered_json reps = ordered_json::array();
  for (std::uint64_t r = 0; r < replications; ++r) {
    const ReplicationKey key{loaded->scenario.run.seed, 0, r};
    std::vector<SarIncident> incidents = draw_sar_incidents(setup, key);
    ordered_json rep;
    rep["replication"] = r;
    ordered_json incident_list = ordered_json::array();
    for (const SarIncident& inc : incidents) incident_list.push_back(export_incident(inc, loaded->scenario, bases));
    rep["incidents"] = incident_list;
    const SarReplicationResult result = run_sar_replication(setup, key, std::move(incidents));
    ordered_json records = ordered_json::array();
    for (const IncidentRecord& rec : result.incidents) records.push_back(export_record(rec));
    rep["records"] = records;
    rep["events"] = result.events;
    reps.push_back(rep);
  }
  out["replications"] = reps;

  if (output_path == "-") {
    std::cout << out.dump() << "\n";
    return 0;
  }
  std::ofstream file(output_path);
  file << out.dump() << "\n";
  if (!file) {
    std::cerr << "peer_export: cannot write " << output_path << "\n";
    return 1;
  }
  return 0;
}

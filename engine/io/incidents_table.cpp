// The incidents table written replication by replication (see incidents_table.hpp).
#include "io/incidents_table.hpp"

#include <algorithm>
#include <vector>

#include "io/record_names.hpp"

namespace mdasim {
namespace {

// The table's columns, with the rows of `r` (none for a null `r`).
ResultsTable incident_rows(const SarSetup& setup, const SarReplicationResult* r) {
  const Scenario& scenario = setup.scenario();
  ResultsTable t;
  const auto replication = t.add_int64("replication", "1", "replication index");
  const auto id = t.add_int64("id", "1", "incident number within the replication, in order of occurrence");
  const auto klass = t.add_string("class", "", "incident class");
  const auto lon = t.add_double("lon_deg", "deg", "longitude of the incident");
  const auto lat = t.add_double("lat_deg", "deg", "latitude of the incident");
  const auto state = t.add_string("state", "", "responsible state (ISO 3166-1 alpha-2)");
  const auto persons = t.add_int64("persons", "1", "persons aboard");
  const auto beacon = t.add_int64("beacon", "1", "1 if a distress beacon went off at once, else 0");
  const auto alerted_by = t.add_string("alerted_by", "", "what alerted the centre first: beacon, overdue, coastal-radar or patrol");
  const auto occurred = t.add_double("occurred_h", "h", "time of the incident");
  const auto alerted = t.add_double("alerted_h", "h", "time of the alert");
  const auto ready = t.add_double("ready_h", "h", "time the coordination centre could dispatch");
  const auto dispatched = t.add_double("dispatched_h", "h", "time the first unit was tasked (NaN if never)");
  const auto on_scene = t.add_double("on_scene_h", "h", "time the first unit arrived (NaN if never)");
  const auto found = t.add_double("found_h", "h", "time the search object was found (NaN if never)");
  const auto closed = t.add_double("closed_h", "h", "time the incident was closed (NaN if still open at the end)");
  const auto response = t.add_double("response_h", "h", "alert-to-scene response time (NaN if never reached)");
  const auto wait = t.add_double("wait_h", "h", "wait for a unit, ready to first dispatch (NaN if never dispatched)");
  const auto outcome = t.add_string("outcome", "", "how it ended: found, not-found or unreachable");
  const auto saved = t.add_int64("persons_saved", "1", "persons found alive");
  const auto first = t.add_string("first_unit", "", "the first SAR unit tasked (\"\" if none)");
  const auto sorties = t.add_int64("sorties", "1", "units sent (the first and its reliefs)");
  const auto foreign = t.add_int64("foreign_first", "1", "1 if the first unit was another state's, else 0");
  if (r == nullptr) return t;
  t.set_rows(r->incidents.size());
  std::size_t row = 0;
  for (const IncidentRecord& i : r->incidents) {
    t.set_int64(replication, row, as_int64(r->replication));
    t.set_int64(id, row, i.id);
    t.set_string(klass, row, name_at(scenario.incident_classes, i.class_index));
    t.set_double(lon, row, i.position.lon_deg);
    t.set_double(lat, row, i.position.lat_deg);
    t.set_string(state, row, state_code(scenario, i.state_index));
    t.set_int64(persons, row, i.persons);
    t.set_int64(beacon, row, i.beacon ? 1 : 0);
    t.set_string(alerted_by, row, str(to_string(i.alerted_by)));
    t.set_double(occurred, row, i.occurred_h);
    t.set_double(alerted, row, i.alerted_h);
    t.set_double(ready, row, i.ready_h);
    t.set_double(dispatched, row, i.dispatched_h);
    t.set_double(on_scene, row, i.on_scene_h);
    t.set_double(found, row, i.found_h);
    t.set_double(closed, row, i.closed_h);
    t.set_double(response, row, i.response_h());
    t.set_double(wait, row, i.wait_h());
    t.set_string(outcome, row, str(to_string(i.outcome)));
    t.set_int64(saved, row, i.persons_saved);
    t.set_string(first, row, name_at(setup.units(), i.first_unit));
    t.set_int64(sorties, row, i.sorties);
    t.set_int64(foreign, row, i.foreign_first ? 1 : 0);
    ++row;
  }
  return t;
}

// The widest value each string column can take, in column order: class, state, alerted_by,
// outcome, first_unit.
std::vector<std::size_t> string_widths(const SarSetup& setup) {
  const Scenario& scenario = setup.scenario();
  std::size_t klass = 1;
  for (const IncidentClass& c : scenario.incident_classes) klass = std::max(klass, c.name.size());
  std::size_t state = 1;
  for (const State& s : scenario.states) state = std::max(state, s.code.size());
  std::size_t alerted_by = 1;
  for (const AlertSource a : {AlertSource::kBeacon, AlertSource::kOverdue, AlertSource::kCoastalRadar, AlertSource::kPatrol}) {
    alerted_by = std::max(alerted_by, to_string(a).size());
  }
  std::size_t outcome = 1;
  for (const IncidentOutcome o : {IncidentOutcome::kFound, IncidentOutcome::kNotFound, IncidentOutcome::kUnreachable}) {
    outcome = std::max(outcome, to_string(o).size());
  }
  std::size_t unit = 1;
  for (const SarUnit& u : setup.units()) unit = std::max(unit, u.name.size());
  return {klass, state, alerted_by, outcome, unit};
}

}  // namespace

IncidentsTable::IncidentsTable(ResultsFile& file, const std::string& variant, const SarSetup& setup)
    : file_(&file), setup_(&setup) {
  stream_ = file.begin_table(variant + "/tables", "incidents", incident_rows(setup, nullptr), string_widths(setup),
                             "incidents of every replication");
}

void IncidentsTable::append(const SarReplicationResult& result) {
  file_->append_rows(stream_, incident_rows(*setup_, &result));
}

}  // namespace mdasim

// What one SAR replication leaves behind: a record per incident that occurred in the measured
// window (after the warm-up, before the end of the run), a record per SAR unit, and, when the
// patrols fly, every patrol sortie of the run and a record per patrol. Times are hours from the
// start of the replication; a time that never came is NaN.
#pragma once

#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"

namespace mdasim {

enum class IncidentOutcome : std::uint8_t {
  kFound,        // found on scene (persons_saved of them alive)
  kNotFound,     // searched (or waited) until the search was suspended, never found
  kUnreachable,  // no SAR unit allowed to respond can reach it, search and return
};

[[nodiscard]] std::string_view to_string(IncidentOutcome outcome);

// What first told the responsible centre of an incident.
enum class AlertSource : std::uint8_t {
  kBeacon,        // a distress beacon, at once
  kOverdue,       // an overdue report
  kCoastalRadar,  // a coastal radar saw it (reporting and sharing delays added)
  kPatrol,        // a patrolling asset's sensors saw it (sharing delay added)
};

[[nodiscard]] std::string_view to_string(AlertSource source);

struct IncidentRecord {
  static constexpr double kNever = std::numeric_limits<double>::quiet_NaN();

  std::uint32_t id = 0;  // in order of occurrence within the replication (warm-up included)
  int class_index = kNoIndex;
  GeoPoint position;
  int state_index = kNoIndex;  // the responsible state
  std::int32_t persons = 0;
  bool beacon = false;  // carries a distress beacon that went off (else an overdue report would come)
  AlertSource alerted_by = AlertSource::kOverdue;
  double occurred_h = kNever;
  double alerted_h = kNever;
  double ready_h = kNever;       // the coordination centre could dispatch (alert + processing)
  double dispatched_h = kNever;  // the first unit was tasked
  double on_scene_h = kNever;    // the first unit arrived
  double found_h = kNever;
  double closed_h = kNever;      // found, suspended or declared unreachable
  IncidentOutcome outcome = IncidentOutcome::kNotFound;
  std::int32_t persons_saved = 0;
  int first_unit = kNoIndex;  // index into SarSetup::units()
  std::int32_t sorties = 0;   // units sent (the first and its reliefs)
  bool foreign_first = false; // the first unit was another state's

  // Alert to first arrival on scene (NaN if never reached).
  [[nodiscard]] double response_h() const { return on_scene_h - alerted_h; }
  // Waiting for a unit: from ready to the first dispatch (NaN if never dispatched).
  [[nodiscard]] double wait_h() const { return dispatched_h - ready_h; }
};

struct UnitRecord {
  std::int32_t sorties = 0;      // dispatches within the measured window
  double busy_h = 0.0;           // tasked, in transit, searching, returning or turning round
  double patrol_h = 0.0;         // on patrol sorties, from launch to turned round at base
  double unavailable_h = 0.0;    // down for maintenance (mission-capable rate)
};

// One sortie of a patrol: launched from its base, on station over [station_start_h,
// station_end_h) (cut short when the unit was retasked to an incident).
struct PatrolSortie {
  int patrol = kNoIndex;  // into Scenario::patrols
  int unit = kNoIndex;    // into PatrolSetup::units()
  double launch_h = 0.0;
  double station_start_h = 0.0;
  double station_end_h = 0.0;
  bool retasked = false;
};

// Per patrol, over the sorties planned in the measured window.
struct PatrolRecord {
  std::int32_t planned = 0;
  std::int32_t flown = 0;     // launched (missed = planned - flown: no unit of the patrol was free and up)
  std::int32_t retasked = 0;  // of those, sent to a SAR incident from the patrol
  double station_h = 0.0;     // time on station, within the window
};

struct SarReplicationResult {
  std::uint64_t replication = 0;
  double window_start_h = 0.0;  // the warm-up's end
  double window_end_h = 0.0;    // the run's duration
  std::vector<IncidentRecord> incidents;  // those occurring in the window, by time of occurrence
  std::vector<UnitRecord> units;          // per SarSetup::units(), measured over the window
  std::vector<PatrolSortie> sorties;      // every sortie of the run (warm-up included), by launch
  std::vector<PatrolRecord> patrols;      // per Scenario::patrols (empty when patrols do not fly)
  std::uint64_t events = 0;               // events handled (warm-up and drain included)
};

}  // namespace mdasim

// One replication of the ISR model: the targets of every class drawn (model/targets.hpp) and
// detected by the fixed sensors (model/target_detection.hpp) and by the patrol sorties that the
// replication flew (model/sightings.hpp, the sorties coming from the SAR world, which flies the
// patrols), reduced to the per-class measures. A pure function of (setup, key, sorties).
//
// The first detection counts, whichever sensor makes it (ties go to the fixed sensors). A patrol's
// detection alerts the state responsible where the target was seen after the sensor's reporting
// delay and the sharing delay from the patrol's state; a fixed sensor's as in
// target_detection.hpp. Among one sortie's sensors the first to be reported counts.
#pragma once

#include <span>
#include <vector>

#include "model/patrol_setup.hpp"
#include "model/sar_records.hpp"
#include "model/sar_setup.hpp"
#include "model/target_detection.hpp"
#include "model/targets.hpp"

namespace mdasim {

class IsrSetup {
 public:
  // All must outlive the setup; `patrols` may be null (no patrols).
  IsrSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar,
           const PatrolSetup* patrols = nullptr);

  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const TargetSetup& targets() const { return targets_; }
  [[nodiscard]] const FixedDetectionSetup& sensors() const { return sensors_; }
  [[nodiscard]] const AlertRouting& routing() const { return routing_; }
  [[nodiscard]] const PatrolSetup* patrols() const { return patrols_; }

 private:
  const Scenario* scenario_;
  TargetSetup targets_;
  FixedDetectionSetup sensors_;
  AlertRouting routing_;
  const PatrolSetup* patrols_;
};

struct IsrReplicationResult {
  std::vector<TargetClassMetrics> metrics;  // one per target class, then one over all classes
  std::vector<TargetRecord> records;        // the targets appearing in the measured window
};

// `sorties`: the patrol sorties of this replication (SarReplicationResult::sorties); ignored
// without patrols in the setup.
[[nodiscard]] IsrReplicationResult run_isr_replication(const IsrSetup& setup, const ReplicationKey& key,
                                                       std::span<const PatrolSortie> sorties = {});

// A sortie's on-station track and its box (degrees), for screening.
struct SortieTrack {
  std::vector<TrackPoint> points;
  double lon_min_deg = 0.0;
  double lon_max_deg = 0.0;
  double lat_min_deg = 0.0;
  double lat_max_deg = 0.0;
};
[[nodiscard]] std::vector<SortieTrack> sortie_tracks(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties);

// The sorties of a replication by the start of their time on station, to find those on station
// while a target is out without going through them all.
class SortieSchedule {
 public:
  explicit SortieSchedule(std::span<const PatrolSortie> sorties);
  // Into `out` (cleared first), in ascending order, the indices of the sorties whose time on
  // station [station_start_h, station_end_h) meets (appear_h, leave_h): station_start_h <
  // leave_h and station_end_h > appear_h.
  void on_station(double appear_h, double leave_h, std::vector<std::uint32_t>& out) const;

 private:
  std::span<const PatrolSortie> sorties_;
  std::vector<std::uint32_t> by_start_;  // sortie indices, by station start
  std::vector<double> start_h_;          // their station starts, ascending
  double longest_h_ = 0.0;               // the longest time on station
};

// The first sighting of `target` (number `target_index` of the replication) by the sorties, each
// given with its on-station track (tracks[s] for sorties[s]): the earliest over the sorties that
// are on station while the target is out (ties to the lowest index), or a detection that never
// came (detected false). `candidates`, when given, lists in ascending order the sorties to look
// at, among which must be every one on station while the target is out
// (SortieSchedule::on_station); the answer is the same as with all of them.
struct PatrolTargetDetection {
  bool detected = false;
  double detected_h = TargetRecord::kNever;
  double reported_h = TargetRecord::kNever;  // detected + the sensor's reporting delay
  int sortie = kNoIndex;
  GeoPoint position;
};
[[nodiscard]] PatrolTargetDetection first_patrol_detection(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties,
                                                           std::span<const SortieTrack> tracks,
                                                           const Target& target, std::uint32_t target_index,
                                                           const ReplicationKey& key, int search_object_index);
[[nodiscard]] PatrolTargetDetection first_patrol_detection(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties,
                                                           std::span<const SortieTrack> tracks,
                                                           std::span<const std::uint32_t> candidates,
                                                           const Target& target, std::uint32_t target_index,
                                                           const ReplicationKey& key, int search_object_index);

}  // namespace mdasim

// Sightings by patrol sorties: when the sensors of a unit on station first detect an object (a
// SAR incident's search object, or an ISR target) on its track. Hours, nm.
//
// A sortie's on-station track is its route flown from the entry at the unit's search speed over
// [station_start_h, station_end_h) (model/patrol_route.hpp); transits to and from the route are
// flown at cruise height and speed and do not search. Each sensor of the unit's type with a sweep
// width for the object's search object is one law (model/mobile_detection.hpp): definite range
// detects on first contact within min(W/2, range); inverse cube accumulates its detection hazard
// and detects when that reaches a unit-exponential draw. The draw belongs to the (object, sortie,
// sensor) triple, each from its own counter-based stream (purpose kSightings): drawing hazards of
// different sorties and sensors independently is exact for the continuous-look model, since the
// first of independent detections with hazards H_s has hazard sum_s H_s; and no draw depends on
// the order in which sorties or objects are visited.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "model/patrol_setup.hpp"
#include "model/sar_incidents.hpp"
#include "model/sar_records.hpp"
#include "model/targets.hpp"

namespace mdasim {

enum class SightingObject : std::uint64_t { kIncident = 0, kTarget = 1 };

// Appends the sortie's on-station track (at least two points when it has time on station;
// nothing when it has none).
void sortie_track(const PatrolSetup& setup, const PatrolSortie& sortie, std::vector<TrackPoint>& out);

// The sighting whose report reaches the crew's centre first (detection + the sensor's reporting
// delay) among the sortie's sensors' first detections in [from_h, to_h] of object `object_index`
// of kind `kind`, moving on `object_track`, whose search object is `search_object_index`, by the
// sortie (number `sortie_index` of the replication, on-station track `track`); NaN times if none.
struct Sighting {
  double seen_h = std::numeric_limits<double>::quiet_NaN();
  double reported_h = std::numeric_limits<double>::quiet_NaN();  // seen + the sensor's reporting delay
};
[[nodiscard]] Sighting first_sighting(const PatrolSetup& setup, const PatrolSortie& sortie, std::uint32_t sortie_index,
                                      std::span<const TrackPoint> track, std::span<const TrackPoint> object_track,
                                      int search_object_index, const ReplicationKey& key, SightingObject kind,
                                      std::uint32_t object_index, double from_h, double to_h);

// The substream of the draw for one (object, sortie, sensor) triple: object index below 2^30,
// sortie below 2^24, sensor below 2^8 (larger values are folded in by a hash and stay distinct in
// practice).
[[nodiscard]] std::uint64_t sighting_substream(SightingObject kind, std::uint32_t object_index,
                                               std::uint32_t sortie_index, std::uint32_t law_index);

}  // namespace mdasim

// The ISR targets of one replication (dark vessels, illegal fishers, smugglers): when each
// appears, how long it stays, whether it transmits AIS, and where it is at every moment (its
// track). Drawn before the replication runs, class by class, from the targets' own random
// streams, so that options differing only in sensors, assets or policies meet the same targets
// (common random numbers). Hours, nm, kt, degrees.
//
// Arrivals. Per target class, a Poisson process of the class's rate over [0, duration): gaps
// exponential with mean 1 / rate. Each target then draws its start point (the class's placement:
// model/placement.hpp), its dwell (leave = appear + dwell, the class's distribution) and AIS on
// (Bernoulli, ais_on_probability), in that order, from the class's stream (purpose kTargets,
// substream = class index). Its motion is drawn from a second stream of the same purpose,
// substream = class index + kTargetMotionSubstream, so that a change to the motion model (speed,
// lanes) leaves every class's appearances, places, dwells and AIS flags as they were.
//
// Tracks. A track is a time-stamped polyline from the appearance to the leaving; between two
// waypoints the target moves at constant rate along the straight line in longitude and latitude,
// and each leg's duration is its length / speed_kt (the geodesic length, but for loiterers').
// Straight courses have waypoints at most kCourseLegNm apart, so their legs are geodesics to
// within metres; lane tracks follow the edges as the lane network draws them (straight in
// lon/lat, like placement and snapping), timed by the edges' geodesic lengths. A straight
// course's waypoints are points of one geodesic from its start (GeographicLib's direct problem,
// geo/geodesy.hpp: GeodesicRay).
//   transit along lanes (placement kind lanes): the target starts at its sampled point on a lane
//     edge, heads for one of the edge's ends at random (the part of the edge to go timed by that
//     part of its geodesic length), and follows the lanes; at each network vertex it continues onto another edge at that vertex,
//     chosen with probability proportional to the edge's traffic weight (uniformly if the
//     candidates' weights are all 0), never straight back along the edge it came by unless the
//     vertex is a dead end, where it turns back. The track ends where the dwell runs out, part
//     way along an edge. Lane tracks are not checked against land: the lanes are sea routes
//     (a lane that clips a headland in the coarse data is followed anyway).
//   transit in areas / uniform: a straight course (a geodesic) on a uniformly random heading,
//     with waypoints every kCourseLegNm. It may leave the placement area and the scenario region
//     (the target goes where it is going; sensors see it or not). It may not cross land: where
//     the course would first touch the coastline (PolygonIndex::first_touch, exact against its
//     edges) the track ends 0.01 nm short: the target has made its landfall and leaves then
//     (leave = that time, `landfall` set).
//   loiter: the target works its ground, the disc of the class's loiter_radius around where it
//     appeared, in the flat frame there (LocalFrame, geo/local_frame.hpp; the ground may reach
//     beyond the placement area): it sails at speed_kt from waypoint to waypoint, each drawn
//     uniformly over the disc, as a fishing vessel moves between the spots of its fishing ground
//     or a waiting vessel about its area (the random waypoint model). Legs are straight in
//     lon/lat and timed by their length in the ground's frame (within 0.1% of the geodesic for
//     grounds of up to 20 nm below 25 degrees of latitude: tests/unit/model/targets_test.cpp). A
//     waypoint on land, or one whose leg would touch land (PolygonIndex::touches_segment, exact
//     against the coastline), is drawn again, up to kLoiterWaypointTries times; if none will do,
//     the target holds its position for kLoiterHoldH and draws again. The track ends where the
//     dwell runs out, part way along a leg. A loiter track never touches land, and its waypoints
//     lie on its ground. A ground of radius 0 keeps the target where it appeared.
// A speed of 0 (loiter only; a transit needs a speed) gives a target that stays where it appeared.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/random_stream.hpp"
#include "geo/geography.hpp"
#include "model/placement.hpp"
#include "model/sar_incidents.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

inline constexpr double kCourseLegNm = 30.0;       // straight courses: waypoint spacing
inline constexpr int kLoiterWaypointTries = 8;     // loiter: waypoints drawn before holding position
inline constexpr double kLoiterHoldH = 1.0;        // loiter: how long it holds when boxed in by land
inline constexpr std::uint64_t kTargetMotionSubstream = std::uint64_t{1} << 32;

struct TrackPoint {
  GeoPoint position;
  double time_h = 0.0;
};

struct Target {
  int class_index = 0;
  double appear_h = 0.0;
  double leave_h = 0.0;   // appear + dwell, or the landfall of a straight course
  bool ais_on = false;
  bool landfall = false;  // a straight course reached land before its dwell ran out
  // From (start, appear_h) to (end, leave_h), times non-decreasing; at least one point.
  std::vector<TrackPoint> track;
};

// What drawing targets needs, prepared once per scenario: a placement sampler per target class.
// `scenario` and `geography` must outlive it. Throws std::invalid_argument for a placement that
// cannot produce a sea point (the loader's checks refuse those scenarios).
class TargetSetup {
 public:
  TargetSetup(const Scenario& scenario, const Geography& geography);

  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const Geography& geography() const { return *geography_; }
  // Empty for a class with no arrivals (rate 0).
  [[nodiscard]] const std::optional<PlacementSampler>& placement(std::size_t class_index) const {
    return placements_[class_index];
  }

 private:
  const Scenario* scenario_;
  const Geography* geography_;
  std::vector<std::optional<PlacementSampler>> placements_;
};

// Targets appearing in [0, duration), in order of appearance (ties by class). Tracks may run
// past the end of the run.
[[nodiscard]] std::vector<Target> draw_targets(const TargetSetup& setup, const ReplicationKey& key);

// The latest leave time of any target (0 for none): fixed sensors' up periods should be drawn
// to this horizon (fixed_sensor_up_periods(sensor, key, latest_leave_h(targets))) so that targets
// appearing near the end of the run can still be seen; the periods within the run are the same
// whatever the horizon.
[[nodiscard]] double latest_leave_h(const std::vector<Target>& targets);

// The track models on their own (for tests and other callers). Each appends to `track`, whose
// last point is the start (position and time); `duration_h` is the time to move for.
// Returns the time the track ends (start + duration, or a straight course's landfall).
double lane_track(const LaneNetwork& lanes, double speed_kt, double duration_h, RandomStream& rng,
                  std::vector<TrackPoint>& track);  // from where the start snaps to (else it stays there)
double lane_track(const LaneNetwork& lanes, LaneNetwork::Position on, double speed_kt, double duration_h,
                  RandomStream& rng, std::vector<TrackPoint>& track);  // from `on`, the start's place on the lanes
double straight_track(const Geography& geography, double speed_kt, double duration_h, RandomStream& rng,
                      std::vector<TrackPoint>& track);
double loiter_track(const Geography& geography, double speed_kt, double radius_nm, double duration_h,
                    RandomStream& rng, std::vector<TrackPoint>& track);

// The position of a target on its track at time t (clamped to the track's first and last point).
[[nodiscard]] GeoPoint track_position(const std::vector<TrackPoint>& track, double t);

}  // namespace mdasim

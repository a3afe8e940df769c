// Patrol patterns as routes: the closed circuit an asset flies, over and over, at its search
// speed while it is on station, and the time-stamped track (model/targets.hpp's TrackPoint) of
// one stay on station. Geometry only: when sorties fly, transits to and from the base and the
// sensors' detections are the patrol model's business. Hours, nm, kt, degrees.
//
// Routes. A route is a cycle of vertices starting at its entry point (points[0]); after the last
// vertex the asset flies straight back to points[0] and starts again. Between two vertices it
// moves straight in longitude and latitude at constant rate, and each leg counts its geodesic
// length (WGS84, geodesic_nm), as target tracks do; for legs of tens of nm the straight line in
// lon/lat and the geodesic differ by metres. Longitudes are taken as written (no route across
// the antimeridian).
//   station: the one point; the asset holds (orbits) there. Cycle 0.
//   barrier: back and forth along the waypoint polyline w0 -> w1 -> ... -> wn -> w(n-1) -> ...
//     -> w1, and back to w0 to close the cycle. Cycle = 2 x the polyline's length.
//   racetrack: a closed circuit through the waypoints, w0 -> ... -> wn -> w0. With two waypoints
//     it is the barrier.
//   parallel sweep (IAMSAR parallel track search): straight legs S = track_spacing apart,
//     parallel to the longer side of the polygon's bounding box (east-west on a tie), measured in
//     a flat frame centred on the box's centre (x = dlon nm_per_deg_lon, y = dlat nm_per_deg_lat,
//     the scales of the geodesic at the centre; the frame is linear in lon/lat, so legs along x
//     are parallels of latitude and legs along y meridians). The first leg lies S/2 inside the
//     box's southern edge (east-west legs) or western edge (north-south legs), then one every S
//     while within the box. Each leg is the part of its line inside the polygon (even-odd, edges
//     straight in lon/lat); where a line crosses a non-convex polygon several times, each inside
//     piece is flown in turn along the line, crossing the gaps between them. Lines are flown
//     alternately in opposite directions (boustrophedon), the first west to east or south to
//     north; a line that misses the polygon adds nothing and does not change the direction. The
//     connectors between legs and the closing leg from the last leg's end back to the first
//     leg's start are straight and may leave the polygon. When no line fits (the polygon narrower
//     across than S/2), the route is one leg through the box's centre along the long axis,
//     clipped to the polygon (there and back); when even that is empty (a polygon of no area), it
//     is the mean of the polygon's vertices, flown as a station.
// patrol_route throws std::invalid_argument for a patrol it cannot make a route of (barrier or
// racetrack with fewer than 2 waypoints; sweep with fewer than 3 polygon vertices or a spacing
// that is not > 0): the scenario loader refuses those, so this guards against programming errors.
#pragma once

#include <vector>

#include "model/targets.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// The closed route an asset flies, over and over, while on station, at its search speed.
struct PatrolRoute {
  std::vector<GeoPoint> points;       // one cycle's vertices from the entry point; at least one
  std::vector<double> cumulative_nm;  // route distance from points[0] to points[i]; same size
  double cycle_nm = 0.0;              // the whole cycle, with the leg back to points[0] (0: a station)

  [[nodiscard]] const GeoPoint& entry() const { return points.front(); }
};

[[nodiscard]] PatrolRoute patrol_route(const Patrol& patrol);

// The position `distance_nm` along the cycle from the entry point, taken modulo cycle_nm
// (negative distances count back from the entry); the entry point for a station.
[[nodiscard]] GeoPoint route_position(const PatrolRoute& route, double distance_nm);

// Appends the track of a stay on station to `out`: from `start_h` at the point `start_nm` along
// the cycle (modulo, as route_position), flying the route at `speed_kt` for `duration_h`. The
// first point appended is the start; then one at every vertex passed, timed start + distance
// flown / speed; then the end at start_h + duration_h, part way along a leg or on a vertex (not
// repeated). A station (cycle 0) or a speed of 0 gives the start and the end at the same place;
// a duration of 0 or less gives the start alone.
void append_route_track(const PatrolRoute& route, double start_nm, double speed_kt, double start_h,
                        double duration_h, std::vector<TrackPoint>& out);

}  // namespace mdasim

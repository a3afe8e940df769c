// Patrol patterns as routes, and the track of a stay on station (see patrol_route.hpp).
#include "model/patrol_route.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

#include "geo/geodesy.hpp"

namespace mdasim {
namespace {

// The frame's scales are geodesic lengths over +/- this much of latitude or longitude: short
// enough to be the local derivative (relative error ~1e-8), long enough to stay clear of rounding.
constexpr double kFrameStepDeg = 0.01;
// The scales are taken no nearer the poles than this (a patrol there is not a use case; it keeps
// the geodesic's end points on the globe).
constexpr double kFrameMaxLatDeg = 89.0;
// Sweep: inside pieces shorter than this are a line grazing a vertex, not a leg.
constexpr double kMinLegNm = 1e-6;

// A flat frame around `origin`, linear in lon/lat (so straight lines in it are straight in
// lon/lat). Its scales agree with LocalFrame's (model/target_detection.hpp, from the WGS84 radii)
// to about 1e-8; taken from geodesy here so that route geometry does not depend on detection.
struct FlatFrame {
  GeoPoint origin;
  double nm_per_deg_lon = 0.0;
  double nm_per_deg_lat = 0.0;

  explicit FlatFrame(const GeoPoint& at) : origin(at) {
    const double lat = std::clamp(at.lat_deg, -kFrameMaxLatDeg, kFrameMaxLatDeg);
    nm_per_deg_lat = geodesic_nm({at.lon_deg, lat - kFrameStepDeg}, {at.lon_deg, lat + kFrameStepDeg}) /
                     (2.0 * kFrameStepDeg);
    nm_per_deg_lon = geodesic_nm({at.lon_deg - kFrameStepDeg, lat}, {at.lon_deg + kFrameStepDeg, lat}) /
                     (2.0 * kFrameStepDeg);
  }
};

// Sweep coordinates: u along the legs, v across them (x and y of the frame, or y and x).
struct Uv {
  double u = 0.0;
  double v = 0.0;
};

// The inside pieces [u0, u1] of the line v = `v` through the ring, in increasing u. Crossings
// use the half-open rule of point-in-polygon, so a line through a vertex counts it once.
std::vector<std::pair<double, double>> chord_pieces(const std::vector<Uv>& ring, double v) {
  std::vector<double> crossings;
  for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const Uv& a = ring[j];
    const Uv& b = ring[i];
    if ((a.v > v) != (b.v > v)) crossings.push_back(a.u + (v - a.v) * (b.u - a.u) / (b.v - a.v));
  }
  std::sort(crossings.begin(), crossings.end());
  std::vector<std::pair<double, double>> pieces;
  for (std::size_t k = 0; k + 1 < crossings.size(); k += 2) {
    if (crossings[k + 1] - crossings[k] > kMinLegNm) pieces.emplace_back(crossings[k], crossings[k + 1]);
  }
  return pieces;
}

std::vector<GeoPoint> sweep_points(const Patrol& patrol) {
  const Polygon& area = patrol.area;
  const double spacing_nm = patrol.track_spacing_nm;
  GeoPoint lo = area.front();
  GeoPoint hi = area.front();
  for (const GeoPoint& p : area) {
    lo = {std::min(lo.lon_deg, p.lon_deg), std::min(lo.lat_deg, p.lat_deg)};
    hi = {std::max(hi.lon_deg, p.lon_deg), std::max(hi.lat_deg, p.lat_deg)};
  }
  const FlatFrame frame({0.5 * (lo.lon_deg + hi.lon_deg), 0.5 * (lo.lat_deg + hi.lat_deg)});
  const double width_nm = (hi.lon_deg - lo.lon_deg) * frame.nm_per_deg_lon;
  const double height_nm = (hi.lat_deg - lo.lat_deg) * frame.nm_per_deg_lat;
  const bool east_west = width_nm >= height_nm;

  std::vector<Uv> ring;
  ring.reserve(area.size());
  for (const GeoPoint& p : area) {
    const double x = (p.lon_deg - frame.origin.lon_deg) * frame.nm_per_deg_lon;
    const double y = (p.lat_deg - frame.origin.lat_deg) * frame.nm_per_deg_lat;
    ring.push_back(east_west ? Uv{x, y} : Uv{y, x});
  }
  const auto to_geo = [&](double u, double v) -> GeoPoint {
    const double x = east_west ? u : v;
    const double y = east_west ? v : u;
    return {frame.origin.lon_deg + x / frame.nm_per_deg_lon,
            frame.origin.lat_deg + y / frame.nm_per_deg_lat};
  };
  // The box is centred on the origin: v runs over [-half, half].
  const double half_across_nm = 0.5 * (east_west ? height_nm : width_nm);

  std::vector<GeoPoint> points;
  const auto fly_line = [&](double v, bool forward) {
    std::vector<std::pair<double, double>> pieces = chord_pieces(ring, v);
    if (!forward) std::reverse(pieces.begin(), pieces.end());
    for (const auto& [u0, u1] : pieces) {
      points.push_back(to_geo(forward ? u0 : u1, v));
      points.push_back(to_geo(forward ? u1 : u0, v));
    }
    return !pieces.empty();
  };
  bool forward = true;
  for (int k = 0;; ++k) {
    // From the edge each time, not by adding S, so that rounding does not build up.
    const double v = -half_across_nm + spacing_nm * (0.5 + static_cast<double>(k));
    if (v > half_across_nm) break;
    if (fly_line(v, forward)) forward = !forward;
  }
  if (points.empty()) fly_line(0.0, true);
  if (points.empty()) {
    GeoPoint mean;
    for (const GeoPoint& p : area) {
      mean.lon_deg += p.lon_deg;
      mean.lat_deg += p.lat_deg;
    }
    const auto n = static_cast<double>(area.size());
    points.push_back({mean.lon_deg / n, mean.lat_deg / n});
  }
  return points;
}

// The route distance at which leg `i` (points[i] -> the next vertex) ends.
double leg_end_nm(const PatrolRoute& route, std::size_t i) {
  return i + 1 < route.points.size() ? route.cumulative_nm[i + 1] : route.cycle_nm;
}

// `distance_nm` taken into [0, cycle_nm), for a route with cycle_nm > 0.
double wrap_nm(const PatrolRoute& route, double distance_nm) {
  double r = std::fmod(distance_nm, route.cycle_nm);
  if (r < 0.0) r += route.cycle_nm;
  return r < route.cycle_nm ? r : 0.0;  // -tiny + cycle can round up to the cycle
}

// The leg holding route distance r in [0, cycle_nm): the last vertex at or before r. Its length
// is > 0, since the next vertex is beyond r.
std::size_t leg_at(const PatrolRoute& route, double r) {
  const auto it = std::upper_bound(route.cumulative_nm.begin(), route.cumulative_nm.end(), r);
  return static_cast<std::size_t>(it - route.cumulative_nm.begin()) - 1;
}

// The point route distance r along leg i (r within the leg).
GeoPoint on_leg(const PatrolRoute& route, std::size_t i, double r) {
  const GeoPoint& a = route.points[i];
  const GeoPoint& b = route.points[(i + 1) % route.points.size()];
  const double length_nm = leg_end_nm(route, i) - route.cumulative_nm[i];
  return length_nm > 0.0 ? lerp_lonlat(a, b, (r - route.cumulative_nm[i]) / length_nm) : a;
}

}  // namespace

PatrolRoute patrol_route(const Patrol& patrol) {
  PatrolRoute route;
  switch (patrol.pattern) {
    case PatrolPattern::kStation:
      route.points = {patrol.point};
      break;
    case PatrolPattern::kBarrier:
    case PatrolPattern::kRacetrack: {
      const std::vector<GeoPoint>& w = patrol.waypoints;
      if (w.size() < 2) {
        throw std::invalid_argument("patrol '" + patrol.name + "': a " +
                                    std::string(to_string(patrol.pattern)) + " needs at least 2 waypoints");
      }
      route.points = w;
      // The way back visits the inner waypoints again; the closing leg w1 -> w0 finishes it.
      if (patrol.pattern == PatrolPattern::kBarrier) {
        route.points.insert(route.points.end(), w.rbegin() + 1, w.rend() - 1);
      }
      break;
    }
    case PatrolPattern::kParallelSweep:
      if (patrol.area.size() < 3 || !(patrol.track_spacing_nm > 0.0)) {
        throw std::invalid_argument("patrol '" + patrol.name + "': a parallel sweep needs 3 or more " +
                                    "polygon vertices and a track spacing > 0");
      }
      route.points = sweep_points(patrol);
      break;
  }
  route.cumulative_nm.reserve(route.points.size());
  double sum_nm = 0.0;
  for (std::size_t i = 0; i < route.points.size(); ++i) {
    if (i > 0) sum_nm += geodesic_nm(route.points[i - 1], route.points[i]);
    route.cumulative_nm.push_back(sum_nm);
  }
  // A single point has no closing leg (geodesic_nm(p, p) is 0 anyway).
  route.cycle_nm = sum_nm + geodesic_nm(route.points.back(), route.points.front());
  return route;
}

GeoPoint route_position(const PatrolRoute& route, double distance_nm) {
  if (!(route.cycle_nm > 0.0)) return route.entry();
  const double r = wrap_nm(route, distance_nm);
  return on_leg(route, leg_at(route, r), r);
}

void append_route_track(const PatrolRoute& route, double start_nm, double speed_kt, double start_h,
                        double duration_h, std::vector<TrackPoint>& out) {
  const double end_h = start_h + duration_h;
  if (!(route.cycle_nm > 0.0) || !(speed_kt > 0.0)) {
    const GeoPoint here = route_position(route, start_nm);
    out.push_back({here, start_h});
    if (duration_h > 0.0) out.push_back({here, end_h});
    return;
  }
  double r = wrap_nm(route, start_nm);
  std::size_t i = leg_at(route, r);
  out.push_back({on_leg(route, i, r), start_h});
  if (!(duration_h > 0.0)) return;
  const double total_nm = speed_kt * duration_h;
  double flown_nm = 0.0;  // flown_nm < total_nm at the top of each pass
  for (;;) {
    const double to_vertex_nm = leg_end_nm(route, i) - r;
    if (flown_nm + to_vertex_nm >= total_nm) break;
    flown_nm += to_vertex_nm;
    i = (i + 1) % route.points.size();
    r = route.cumulative_nm[i];  // 0 again after the closing leg
    out.push_back({route.points[i], start_h + flown_nm / speed_kt});
  }
  // The end lies on leg i, at most at its far vertex, so the leg has length > 0.
  const double end_r = r + (total_nm - flown_nm);
  const double f = (end_r - route.cumulative_nm[i]) / (leg_end_nm(route, i) - route.cumulative_nm[i]);
  const GeoPoint& next = route.points[(i + 1) % route.points.size()];
  out.push_back({lerp_lonlat(route.points[i], next, std::min(f, 1.0)), end_h});
}

}  // namespace mdasim

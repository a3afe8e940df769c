// Drawing one replication's ISR targets and their tracks (see targets.hpp).
#include "model/targets.hpp"

#include <algorithm>
#include <cmath>

#include "core/distributions.hpp"
#include "geo/geodesy.hpp"
#include "geo/local_frame.hpp"

namespace mdasim {
namespace {

// A straight course's landfall: where it stops short of the coast (nm).
constexpr double kLandfallToleranceNm = 0.01;
// Lane tracks: consecutive legs of zero length before a target stuck on a degenerate network
// holds its position instead (never met on a real network, whose edges are at least the join
// tolerance long).
constexpr int kMaxEmptyLegs = 1000;

// The fraction along a -> b (straight in lon/lat, `length_nm` long, from a point at sea) of its
// last point at sea before the first land met, kLandfallToleranceNm short of the coast; 1 when
// the leg stays at sea.
double sea_fraction(const Geography& geo, const GeoPoint& a, const GeoPoint& b, double length_nm) {
  const std::optional<double> touch = geo.land.first_touch(a, b, true);
  if (!touch) return 1.0;
  return std::max(0.0, *touch - kLandfallToleranceNm / length_nm);
}

}  // namespace

TargetSetup::TargetSetup(const Scenario& scenario, const Geography& geography)
    : scenario_(&scenario), geography_(&geography) {
  placements_.reserve(scenario.target_classes.size());
  for (const TargetClass& c : scenario.target_classes) {
    if (c.rate_per_h > 0.0) {
      placements_.emplace_back(std::in_place, c.where_placed, geography);
    } else {
      placements_.emplace_back(std::nullopt);
    }
  }
}

double lane_track(const LaneNetwork& lanes, double speed_kt, double duration_h, RandomStream& rng,
                  std::vector<TrackPoint>& track) {
  const std::optional<LaneNetwork::Snap> snap = lanes.snap(track.back().position);
  if (!snap) {
    const TrackPoint start = track.back();
    if (duration_h <= 0.0) return start.time_h;
    track.push_back({start.position, start.time_h + duration_h});
    return start.time_h + duration_h;
  }
  return lane_track(lanes, {snap->edge, snap->t}, speed_kt, duration_h, rng, track);
}

double lane_track(const LaneNetwork& lanes, LaneNetwork::Position on, double speed_kt, double duration_h, RandomStream& rng,
                  std::vector<TrackPoint>& track) {
  const TrackPoint start = track.back();
  const double t_end = start.time_h + duration_h;
  if (duration_h <= 0.0) return start.time_h;
  if (speed_kt <= 0.0) {
    track.push_back({start.position, t_end});
    return t_end;
  }
  const LaneNetwork::Graph& g = lanes.graph();
  const std::vector<LaneEdge>& edges = lanes.edges();
  std::size_t edge = on.edge;
  const bool to_u = rng.uniform() < 0.5;
  std::size_t next = to_u ? edges[edge].u : edges[edge].v;
  GeoPoint here = start.position;
  double t = start.time_h;
  // The part of the edge's geodesic length still to go.
  double leg_nm = (to_u ? on.fraction : 1.0 - on.fraction) * edges[edge].length_nm;
  std::vector<std::size_t> candidates;
  std::vector<double> weights;
  int empty_legs = 0;
  for (;;) {
    const double leg_h = leg_nm / speed_kt;
    if (t + leg_h >= t_end) {
      const GeoPoint end = leg_h > 0.0 ? lerp_lonlat(here, lanes.position(next), (t_end - t) / leg_h) : here;
      track.push_back({end, t_end});
      return t_end;
    }
    if (leg_nm > 0.0) {
      t += leg_h;
      track.push_back({lanes.position(next), t});
      empty_legs = 0;
    } else if (++empty_legs > kMaxEmptyLegs) {
      track.push_back({here, t_end});
      return t_end;
    }
    // At vertex `next`: continue onto another edge, by traffic weight; turn back at a dead end.
    candidates.clear();
    weights.clear();
    double total = 0.0;
    for (auto [it, it_end] = boost::out_edges(next, g); it != it_end; ++it) {
      const std::size_t id = g[*it].id;
      if (id == edge) continue;
      candidates.push_back(id);
      weights.push_back(std::max(0.0, edges[id].weight));
      total += weights.back();
    }
    if (!candidates.empty()) {
      std::size_t pick = 0;
      if (total > 0.0) {
        // The last candidate with weight takes any rounding remainder; weightless ones never go.
        double u = rng.uniform() * total;
        for (std::size_t k = 0; k < candidates.size(); ++k) {
          if (weights[k] <= 0.0) continue;
          pick = k;
          if (u < weights[k]) break;
          u -= weights[k];
        }
      } else {
        pick = static_cast<std::size_t>(rng.below(candidates.size()));
      }
      edge = candidates[pick];
    }
    const std::size_t from = next;
    next = edges[edge].u == from ? edges[edge].v : edges[edge].u;
    here = lanes.position(from);
    leg_nm = edges[edge].length_nm;
  }
}

double straight_track(const Geography& geography, double speed_kt, double duration_h, RandomStream& rng,
                      std::vector<TrackPoint>& track) {
  const TrackPoint start = track.back();
  const double t_end = start.time_h + duration_h;
  if (duration_h <= 0.0) return start.time_h;
  const double heading_deg = 360.0 * rng.uniform();
  const double total_nm = speed_kt * duration_h;
  if (total_nm <= 0.0) {
    track.push_back({start.position, t_end});
    return t_end;
  }
  GeoPoint prev = start.position;
  double prev_nm = 0.0;
  // Every waypoint from the origin, so that the polyline's vertices lie on one geodesic.
  const GeodesicRay course(start.position, heading_deg);
  while (prev_nm < total_nm) {
    const double d_nm = std::min(prev_nm + kCourseLegNm, total_nm);
    const GeoPoint p = course.at(d_nm);
    const double leg_nm = d_nm - prev_nm;
    const double f = sea_fraction(geography, prev, p, leg_nm);
    if (f < 1.0) {
      const double t = start.time_h + (prev_nm + f * leg_nm) / speed_kt;
      if (f > 0.0) track.push_back({lerp_lonlat(prev, p, f), t});
      return track.back().time_h;
    }
    track.push_back({p, d_nm == total_nm ? t_end : start.time_h + d_nm / speed_kt});
    prev = p;
    prev_nm = d_nm;
  }
  return t_end;
}

double loiter_track(const Geography& geography, double speed_kt, double radius_nm, double duration_h,
                    RandomStream& rng, std::vector<TrackPoint>& track) {
  const TrackPoint start = track.back();
  const double t_end = start.time_h + duration_h;
  if (duration_h <= 0.0) return start.time_h;
  if (!(speed_kt > 0.0) || !(radius_nm > 0.0)) {
    track.push_back({start.position, t_end});
    return t_end;
  }
  const LocalFrame ground(start.position);
  // A ground far from land (its box within the clear cells around its centre) needs no land test.
  const GeoPoint south_west = ground.at(-radius_nm, -radius_nm);
  const GeoPoint north_east = ground.at(radius_nm, radius_nm);
  const bool clear = geography.land.segment_clear(start.position, south_west) &&
                     geography.land.segment_clear(start.position, north_east);
  // Waypoints of a ground are on average 128 / (45 pi) = 0.905 radii apart.
  track.reserve(track.size() + static_cast<std::size_t>(std::min(duration_h * speed_kt / (0.9 * radius_nm), 1e6)) + 2);
  GeoPoint here = start.position;
  double x_nm = 0.0;  // where it is in the ground's frame
  double y_nm = 0.0;
  double t = start.time_h;
  while (t < t_end) {
    bool moved = false;
    for (int attempt = 0; attempt < kLoiterWaypointTries && !moved; ++attempt) {
      // Uniform over the disc: uniform over its square, kept when inside (pi / 4 of the time).
      double u = 0.0;
      double v = 0.0;
      do {
        u = 2.0 * rng.uniform() - 1.0;
        v = 2.0 * rng.uniform() - 1.0;
      } while (u * u + v * v > 1.0);
      const double next_x_nm = radius_nm * u;
      const double next_y_nm = radius_nm * v;
      const GeoPoint next = ground.at(next_x_nm, next_y_nm);
      if (!clear && geography.land.touches_segment(here, next, true)) continue;  // the waypoint or the way to it on land
      const double arrive_h = t + std::sqrt((next_x_nm - x_nm) * (next_x_nm - x_nm) + (next_y_nm - y_nm) * (next_y_nm - y_nm)) / speed_kt;
      if (arrive_h >= t_end) {
        track.push_back({lerp_lonlat(here, next, (t_end - t) / (arrive_h - t)), t_end});
        return t_end;
      }
      track.push_back({next, arrive_h});
      here = next;
      x_nm = next_x_nm;
      y_nm = next_y_nm;
      t = arrive_h;
      moved = true;
    }
    if (!moved) {
      t = std::min(t + kLoiterHoldH, t_end);
      track.push_back({here, t});
    }
  }
  return t_end;
}

std::vector<Target> draw_targets(const TargetSetup& setup, const ReplicationKey& key) {
  const Scenario& sc = setup.scenario();
  const Geography& geo = setup.geography();
  std::vector<Target> out;
  for (std::size_t c = 0; c < sc.target_classes.size(); ++c) {
    const TargetClass& cls = sc.target_classes[c];
    const std::optional<PlacementSampler>& placement = setup.placement(c);
    if (cls.rate_per_h <= 0.0 || !placement) continue;
    RandomStream arrivals(key.seed, key.variant, key.replication, StreamPurpose::kTargets, c);
    RandomStream motion(key.seed, key.variant, key.replication, StreamPurpose::kTargets, c + kTargetMotionSubstream);
    const double mean_gap_h = 1.0 / cls.rate_per_h;
    for (double t = sample_exponential(arrivals, mean_gap_h); t < sc.run.duration_h;
         t += sample_exponential(arrivals, mean_gap_h)) {
      Target target;
      target.class_index = static_cast<int>(c);
      target.appear_h = t;
      const bool on_lanes = cls.where_placed.kind == Placement::Kind::kLanes;
      const PlacementSampler::LanePoint start =
          on_lanes ? placement->sample_lane(arrivals) : PlacementSampler::LanePoint{placement->sample(arrivals), {}};
      // A target stays at most the run's duration (scenario/check_window.hpp warns where this
      // cuts a dwell), so that no drawn dwell makes its track longer than twice the run.
      const double dwell_h = std::min(std::max(0.0, sample(arrivals, cls.dwell)), sc.run.duration_h);
      target.ais_on = arrivals.uniform() < cls.ais_on_probability;
      target.track.push_back({start.position, t});
      if (cls.motion == TargetMotion::kLoiter) {
        (void)loiter_track(geo, cls.speed_kt, cls.loiter_radius_nm, dwell_h, motion, target.track);
      } else if (on_lanes) {
        (void)lane_track(geo.lanes, start.on, cls.speed_kt, dwell_h, motion, target.track);
      } else {
        const double end_h = straight_track(geo, cls.speed_kt, dwell_h, motion, target.track);
        target.landfall = end_h < t + dwell_h;
      }
      target.leave_h = target.track.back().time_h;
      out.push_back(std::move(target));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const Target& a, const Target& b) { return a.appear_h < b.appear_h; });
  return out;
}

double latest_leave_h(const std::vector<Target>& targets) {
  double latest = 0.0;
  for (const Target& t : targets) latest = std::max(latest, t.leave_h);
  return latest;
}

GeoPoint track_position(const std::vector<TrackPoint>& track, double t) {
  if (track.empty()) return {};
  if (t <= track.front().time_h) return track.front().position;
  if (t >= track.back().time_h) return track.back().position;
  // The first point later than t; its predecessor is at or before t.
  const auto it = std::upper_bound(track.begin(), track.end(), t,
                                   [](double time, const TrackPoint& p) { return time < p.time_h; });
  const TrackPoint& b = *it;
  const TrackPoint& a = *(it - 1);
  const double span = b.time_h - a.time_h;
  return span > 0.0 ? lerp_lonlat(a.position, b.position, (t - a.time_h) / span) : b.position;
}

}  // namespace mdasim

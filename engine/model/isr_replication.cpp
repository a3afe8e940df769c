// One ISR replication (see isr_replication.hpp).
#include "model/isr_replication.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/sightings.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNmPerDegLat = 59.7;  // the least on WGS84 (at the equator): boxes grow by at least enough

// How far (nm) from a sortie's track a target can be seen: the largest over the laws (inverse
// cube: its range; definite range: min(W/2, range)).
double screen_radius_nm(std::span<const MobileSensorLaw> laws) {
  double r = 0.0;
  for (const MobileSensorLaw& law : laws) {
    r = std::max(r, law.law == DetectionModel::kDefiniteRange ? std::min(law.sweep_width_nm / 2.0, law.max_range_nm)
                                                              : law.max_range_nm);
  }
  return r;
}

// A track's box in lon/lat, and the cosine of its latitude farthest from the equator.
struct TrackBox {
  double lon0 = kInf, lon1 = -kInf, lat0 = kInf, lat1 = -kInf;
  double cos_lat = 1.0;
};
TrackBox track_box(std::span<const TrackPoint> track) {
  TrackBox b;
  for (const TrackPoint& p : track) {
    b.lon0 = std::min(b.lon0, p.position.lon_deg);
    b.lon1 = std::max(b.lon1, p.position.lon_deg);
    b.lat0 = std::min(b.lat0, p.position.lat_deg);
    b.lat1 = std::max(b.lat1, p.position.lat_deg);
  }
  b.cos_lat = std::cos(std::max(std::abs(b.lat0), std::abs(b.lat1)) * 3.14159265358979323846 / 180.0);
  return b;
}
// Can a point of the box [lon_min, lon_max] x [lat_min, lat_max] come within r_nm of the track
// box? Grown by r with the least nm per degree of latitude, and of longitude at the track's
// highest latitude (no fewer than at 87 degrees): never too little. An infinite r reaches all.
bool within(const TrackBox& t, double lon_min, double lon_max, double lat_min, double lat_max, double r_nm) {
  if (!std::isfinite(r_nm)) return true;
  const double grow_lat = r_nm / kNmPerDegLat;
  const double grow_lon = grow_lat / std::max(t.cos_lat, 0.05);
  return !(lon_min > t.lon1 + grow_lon || lon_max < t.lon0 - grow_lon || lat_min > t.lat1 + grow_lat ||
           lat_max < t.lat0 - grow_lat);
}

}  // namespace

IsrSetup::IsrSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar, const PatrolSetup* patrols)
    : scenario_(&scenario),
      targets_(scenario, geography),
      sensors_(scenario),
      routing_(alert_routing(sar)),
      patrols_(patrols) {}

std::vector<SortieTrack> sortie_tracks(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties) {
  std::vector<SortieTrack> out(sorties.size());
  for (std::size_t s = 0; s < sorties.size(); ++s) {
    SortieTrack& t = out[s];
    sortie_track(patrols, sorties[s], t.points);
    if (t.points.empty()) continue;
    t.lon_min_deg = t.lon_max_deg = t.points.front().position.lon_deg;
    t.lat_min_deg = t.lat_max_deg = t.points.front().position.lat_deg;
    for (const TrackPoint& p : t.points) {
      t.lon_min_deg = std::min(t.lon_min_deg, p.position.lon_deg);
      t.lon_max_deg = std::max(t.lon_max_deg, p.position.lon_deg);
      t.lat_min_deg = std::min(t.lat_min_deg, p.position.lat_deg);
      t.lat_max_deg = std::max(t.lat_max_deg, p.position.lat_deg);
    }
  }
  return out;
}

SortieSchedule::SortieSchedule(std::span<const PatrolSortie> sorties) : sorties_(sorties) {
  by_start_.resize(sorties.size());
  for (std::size_t s = 0; s < sorties.size(); ++s) {
    by_start_[s] = static_cast<std::uint32_t>(s);
    longest_h_ = std::max(longest_h_, sorties[s].station_end_h - sorties[s].station_start_h);
  }
  std::stable_sort(by_start_.begin(), by_start_.end(), [&](std::uint32_t a, std::uint32_t b) {
    return sorties[a].station_start_h < sorties[b].station_start_h;
  });
  start_h_.reserve(by_start_.size());
  for (const std::uint32_t s : by_start_) start_h_.push_back(sorties[s].station_start_h);
}

void SortieSchedule::on_station(double appear_h, double leave_h, std::vector<std::uint32_t>& out) const {
  out.clear();
  // A sortie still on station after appear_h started after appear_h - longest_h_ (less an hour,
  // against rounding: the exact test follows).
  const auto first = std::upper_bound(start_h_.begin(), start_h_.end(), appear_h - longest_h_ - 1.0);
  const auto last = std::lower_bound(first, start_h_.end(), leave_h);
  for (auto it = first; it != last; ++it) {
    const std::uint32_t s = by_start_[static_cast<std::size_t>(it - start_h_.begin())];
    if (sorties_[s].station_end_h > appear_h) out.push_back(s);
  }
  std::sort(out.begin(), out.end());
}

PatrolTargetDetection first_patrol_detection(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties,
                                             std::span<const SortieTrack> tracks, const Target& target,
                                             std::uint32_t target_index, const ReplicationKey& key,
                                             int search_object_index) {
  std::vector<std::uint32_t> all(sorties.size());
  for (std::size_t s = 0; s < all.size(); ++s) all[s] = static_cast<std::uint32_t>(s);
  return first_patrol_detection(patrols, sorties, tracks, all, target, target_index, key, search_object_index);
}

PatrolTargetDetection first_patrol_detection(const PatrolSetup& patrols, std::span<const PatrolSortie> sorties,
                                             std::span<const SortieTrack> tracks,
                                             std::span<const std::uint32_t> candidates, const Target& target,
                                             std::uint32_t target_index, const ReplicationKey& key,
                                             int search_object_index) {
  PatrolTargetDetection out;
  if (target.track.empty()) return out;
  const TrackBox box = track_box(target.track);
  double best_h = kInf;
  for (const std::uint32_t s : candidates) {
    const PatrolSortie& so = sorties[s];
    const SortieTrack& tr = tracks[s];
    if (tr.points.empty() || so.station_start_h >= target.leave_h || so.station_end_h <= target.appear_h) continue;
    if (so.station_start_h >= best_h) continue;  // cannot be earlier
    const PatrolUnit& unit = patrols.units()[static_cast<std::size_t>(so.unit)];
    const double r_nm = screen_radius_nm(patrols.laws(unit.type_index, search_object_index));
    if (!(r_nm > 0.0) || !within(box, tr.lon_min_deg, tr.lon_max_deg, tr.lat_min_deg, tr.lat_max_deg, r_nm)) continue;
    const double from_h = std::max(so.station_start_h, target.appear_h);
    const double to_h = std::min({so.station_end_h, target.leave_h, best_h});
    const Sighting seen = first_sighting(patrols, so, s, tr.points, target.track,
                                         search_object_index, key, SightingObject::kTarget, target_index, from_h, to_h);
    if (seen.seen_h < best_h) {
      best_h = seen.seen_h;
      out.reported_h = seen.reported_h;
      out.sortie = static_cast<int>(s);
    }
  }
  if (std::isfinite(best_h)) {
    out.detected = true;
    out.detected_h = best_h;
    out.position = track_position(target.track, best_h);
  }
  return out;
}

IsrReplicationResult run_isr_replication(const IsrSetup& setup, const ReplicationKey& key,
                                         std::span<const PatrolSortie> sorties) {
  const Scenario& sc = setup.scenario();
  const std::vector<Target> targets = draw_targets(setup.targets(), key);
  const std::vector<UpPeriods> up =
      fixed_sensors_up_periods(sc, key, std::max(sc.run.duration_h, latest_leave_h(targets)));
  const PatrolSetup* patrols = setup.patrols();
  std::vector<SortieTrack> tracks;
  if (patrols != nullptr) tracks = sortie_tracks(*patrols, sorties);
  const SortieSchedule schedule(sorties);
  // Per patrol, the box of its sorties' tracks, and per target class how far the patrol's units
  // see its targets: a target no patrol's box comes within reach of needs no sortie's look.
  std::vector<TrackBox> patrol_boxes;
  std::vector<double> reach_nm;  // class-major
  if (patrols != nullptr) {
    patrol_boxes.resize(patrols->patrols().size());
    for (std::size_t k = 0; k < sorties.size(); ++k) {
      TrackBox& b = patrol_boxes[static_cast<std::size_t>(sorties[k].patrol)];
      const SortieTrack& tr = tracks[k];
      if (tr.points.empty()) continue;
      b.lon0 = std::min(b.lon0, tr.lon_min_deg);
      b.lon1 = std::max(b.lon1, tr.lon_max_deg);
      b.lat0 = std::min(b.lat0, tr.lat_min_deg);
      b.lat1 = std::max(b.lat1, tr.lat_max_deg);
    }
    for (const TargetClass& c : sc.target_classes) {
      for (const PatrolPlan& plan : patrols->patrols()) {
        double r = 0.0;
        for (const int u : plan.units) {
          r = std::max(r, screen_radius_nm(patrols->laws(patrols->units()[static_cast<std::size_t>(u)].type_index, c.search_object_index)));
        }
        reach_nm.push_back(r);
      }
    }
  }
  const auto near_a_patrol = [&](const Target& t) {
    const TrackBox box = track_box(t.track);
    for (std::size_t p = 0; p < patrol_boxes.size(); ++p) {
      const TrackBox& pb = patrol_boxes[p];
      const double r = reach_nm[static_cast<std::size_t>(t.class_index) * patrol_boxes.size() + p];
      if (pb.lon0 <= pb.lon1 && r > 0.0 && within(box, pb.lon0, pb.lon1, pb.lat0, pb.lat1, r)) return true;
    }
    return false;
  };
  std::vector<std::uint32_t> candidates;
  std::vector<TargetRecord> records;
  records.reserve(targets.size());
  for (std::size_t n = 0; n < targets.size(); ++n) {
    const Target& t = targets[n];
    TargetRecord r = target_record(t, first_fixed_detection(t, setup.sensors(), up, setup.routing()));
    if (patrols != nullptr && !sorties.empty() && near_a_patrol(t)) {
      const int object = sc.target_classes[static_cast<std::size_t>(t.class_index)].search_object_index;
      schedule.on_station(t.appear_h, t.leave_h, candidates);
      const PatrolTargetDetection p =
          first_patrol_detection(*patrols, sorties, tracks, candidates, t, static_cast<std::uint32_t>(n), key, object);
      if (p.detected && (!r.detected || p.detected_h < r.detected_h)) {
        const PatrolUnit& unit = patrols->units()[static_cast<std::size_t>(sorties[static_cast<std::size_t>(p.sortie)].unit)];
        const AlertRouting& routing = setup.routing();
        const int responsible = routing.responsible_state ? routing.responsible_state(p.position) : kNoIndex;
        const double share_h = routing.sharing_delay_h && responsible >= 0 && unit.state_index >= 0
                                   ? routing.sharing_delay_h(unit.state_index, responsible)
                                   : 0.0;
        r.detected = true;
        r.sensor_index = kNoIndex;
        r.sortie = p.sortie;
        r.detected_h = p.detected_h;
        r.responsible_state = responsible;
        r.alert_h = p.reported_h + share_h;
      }
    }
    records.push_back(r);
  }
  IsrReplicationResult out;
  out.metrics.reserve(sc.target_classes.size() + 1);
  for (std::size_t c = 0; c < sc.target_classes.size(); ++c) {
    out.metrics.push_back(target_metrics(records, static_cast<int>(c), sc.run.warmup_h, sc.run.duration_h));
  }
  out.metrics.push_back(target_metrics(records, kNoIndex, sc.run.warmup_h, sc.run.duration_h));
  std::erase_if(records, [&](const TargetRecord& r) { return r.appear_h < sc.run.warmup_h || r.appear_h >= sc.run.duration_h; });
  out.records = std::move(records);
  return out;
}

}  // namespace mdasim

// Detection of ISR targets by fixed sensors, and the ISR measures (see target_detection.hpp).
#include "model/target_detection.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "geo/segment_in_circle.hpp"
#include "metrics/statistics.hpp"
#include "model/fixed_sensors.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

}  // namespace

double earliest_up(const UpPeriods& up, const TimeInterval& iv) {
  auto it = std::partition_point(up.begin(), up.end(),
                                 [&](const std::pair<double, double>& p) { return p.second <= iv.start_h; });
  for (; it != up.end() && it->first <= iv.end_h; ++it) {
    if (it->first < it->second) return std::max(iv.start_h, it->first);
  }
  return kInf;
}

std::optional<TimeInterval> in_range_interval(const LocalFrame& frame, double range_nm, const TrackPoint& a,
                                              const TrackPoint& b) {
  const double x0 = frame.x_nm(a.position);
  const double y0 = frame.y_nm(a.position);
  const double dx = frame.x_nm(b.position) - x0;
  const double dy = frame.y_nm(b.position) - y0;
  const std::optional<SegmentInCircle> in = segment_in_circle(x0, dx, y0, dy, y0 * y0, dy * dy, range_nm);
  if (!in) return std::nullopt;
  if (in->whole) return TimeInterval{a.time_h, b.time_h};
  const double span_h = b.time_h - a.time_h;
  return TimeInterval{a.time_h + in->tau_in * span_h, a.time_h + in->tau_out * span_h};
}

std::vector<UpPeriods> fixed_sensors_up_periods(const Scenario& scenario, const ReplicationKey& key,
                                                double horizon_h) {
  std::vector<UpPeriods> out;
  out.reserve(scenario.fixed_sensors.size());
  for (const FixedSensor& s : scenario.fixed_sensors) out.push_back(fixed_sensor_up_periods(s, key, horizon_h));
  return out;
}

FixedDetectionSetup::FixedDetectionSetup(const Scenario& scenario) {
  for (std::size_t s = 0; s < scenario.fixed_sensors.size(); ++s) {
    const FixedSensor& f = scenario.fixed_sensors[s];
    sensors_.push_back(Sensor{static_cast<int>(s), f.kind == FixedSensorKind::kAisReceiver, f.state_index,
                              f.reporting_delay_h, LocalFrame(f.position)});
  }
  range_nm_.reserve(scenario.target_classes.size() * sensors_.size());
  for (const TargetClass& c : scenario.target_classes) {
    const double height_m = c.search_object_index >= 0
                                ? scenario.search_objects[static_cast<std::size_t>(c.search_object_index)].height_m
                                : kDefaultTargetHeightM;
    for (const FixedSensor& f : scenario.fixed_sensors) range_nm_.push_back(fixed_sensor_range_nm(f, height_m));
  }
}

AlertRouting alert_routing(const SarSetup& setup) {
  const SarSetup* s = &setup;
  return AlertRouting{[s](const GeoPoint& p) { return s->responsible_state(p); },
                      [s](int from, int to) { return s->sharing_delay_h(from, to); }};
}

FixedDetection first_fixed_detection(std::span<const TrackPoint> track, bool ais_on, int class_index,
                                     const FixedDetectionSetup& sensors, std::span<const UpPeriods> up,
                                     const AlertRouting& routing) {
  FixedDetection out;
  if (track.empty()) return out;
  const std::vector<FixedDetectionSetup::Sensor>& list = sensors.sensors();
  double best_h = kInf;
  std::size_t best_sensor = 0;
  std::size_t best_segment = 0;

  // Screen: the flat distance from a sensor to a bounding box beyond its range.
  struct Box {
    double lon_lo, lon_hi, lat_lo, lat_hi;
  };
  auto out_of_reach = [&](std::size_t k, const Box& box) {
    const FixedDetectionSetup::Sensor& s = list[k];
    const GeoPoint& o = s.frame.origin;
    const double ex = std::max({0.0, box.lon_lo - o.lon_deg, o.lon_deg - box.lon_hi}) * s.frame.nm_per_deg_lon;
    const double ey = std::max({0.0, box.lat_lo - o.lat_deg, o.lat_deg - box.lat_hi}) * s.frame.nm_per_deg_lat;
    const double range = sensors.range_nm(class_index, k);
    return ex * ex + ey * ey > range * range;
  };

  // The sensors that may see this target at all: able to see it, ever up, and within range of
  // the whole track's bounding box.
  Box whole{kInf, -kInf, kInf, -kInf};
  for (const TrackPoint& p : track) {
    whole = {std::min(whole.lon_lo, p.position.lon_deg), std::max(whole.lon_hi, p.position.lon_deg),
             std::min(whole.lat_lo, p.position.lat_deg), std::max(whole.lat_hi, p.position.lat_deg)};
  }
  std::vector<std::size_t> candidates;
  for (std::size_t k = 0; k < list.size(); ++k) {
    const FixedDetectionSetup::Sensor& s = list[k];
    if (s.ais && !ais_on) continue;
    const auto index = static_cast<std::size_t>(s.sensor_index);
    if (index >= up.size() || up[index].empty()) continue;
    if (sensors.range_nm(class_index, k) <= 0.0 || out_of_reach(k, whole)) continue;
    candidates.push_back(k);
  }
  if (candidates.empty()) return out;

  // The earliest detection on segment a -> b over the candidates (ties to the first listed).
  auto examine = [&](const TrackPoint& a, const TrackPoint& b, std::size_t segment) {
    const Box box{std::min(a.position.lon_deg, b.position.lon_deg), std::max(a.position.lon_deg, b.position.lon_deg),
                  std::min(a.position.lat_deg, b.position.lat_deg), std::max(a.position.lat_deg, b.position.lat_deg)};
    for (const std::size_t k : candidates) {
      if (out_of_reach(k, box)) continue;
      const FixedDetectionSetup::Sensor& s = list[k];
      const auto index = static_cast<std::size_t>(s.sensor_index);
      const double range = sensors.range_nm(class_index, k);
      const std::optional<TimeInterval> iv = in_range_interval(s.frame, range, a, b);
      if (!iv) continue;
      const double t = earliest_up(up[index], *iv);
      if (t < best_h) {
        best_h = t;
        best_sensor = k;
        best_segment = segment;
      }
    }
  };
  if (track.size() == 1) {
    examine(track[0], track[0], 0);
  } else {
    // Segments come in time order: the first with a detection holds the earliest.
    for (std::size_t i = 1; i < track.size() && best_h == kInf; ++i) examine(track[i - 1], track[i], i - 1);
  }
  if (best_h == kInf) return out;

  const FixedDetectionSetup::Sensor& s = list[best_sensor];
  const TrackPoint& a = track[best_segment];
  const TrackPoint& b = track[std::min(best_segment + 1, track.size() - 1)];
  const double span_h = b.time_h - a.time_h;
  const double f = span_h > 0.0 ? std::clamp((best_h - a.time_h) / span_h, 0.0, 1.0) : 0.0;
  out.detected = true;
  out.detected_h = best_h;
  out.sensor_index = s.sensor_index;
  out.position = {a.position.lon_deg + f * (b.position.lon_deg - a.position.lon_deg),
                  a.position.lat_deg + f * (b.position.lat_deg - a.position.lat_deg)};
  out.responsible_state = routing.responsible_state ? routing.responsible_state(out.position) : kNoIndex;
  const double sharing_h = routing.sharing_delay_h && s.state >= 0 && out.responsible_state >= 0
                               ? routing.sharing_delay_h(s.state, out.responsible_state)
                               : 0.0;
  out.alert_h = best_h + s.reporting_delay_h + sharing_h;
  return out;
}

TargetRecord target_record(const Target& target, const FixedDetection& detection) {
  TargetRecord r;
  r.class_index = target.class_index;
  r.appear_h = target.appear_h;
  r.leave_h = target.leave_h;
  r.ais_on = target.ais_on;
  r.detected = detection.detected;
  r.sensor_index = detection.sensor_index;
  r.detected_h = detection.detected_h;
  r.alert_h = detection.alert_h;
  r.responsible_state = detection.responsible_state;
  r.appear_position = target.track.front().position;
  return r;
}

TargetClassMetrics target_metrics(std::span<const TargetRecord> records, int class_index, double window_start_h,
                                  double window_end_h) {
  TargetClassMetrics m;
  std::size_t count = 0;
  std::vector<double> detect_h;
  double alert_sum_h = 0.0;
  std::size_t alerts = 0;
  for (const TargetRecord& r : records) {
    if (class_index != kNoIndex && r.class_index != class_index) continue;
    if (r.appear_h < window_start_h || r.appear_h >= window_end_h) continue;
    ++count;
    if (!r.detected) continue;
    detect_h.push_back(r.time_to_detect_h());
    if (!std::isnan(r.alert_h)) {
      alert_sum_h += r.time_to_alert_h();
      ++alerts;
    }
  }
  m.targets = static_cast<double>(count);
  if (count > 0) m.detected_fraction = static_cast<double>(detect_h.size()) / static_cast<double>(count);
  if (!detect_h.empty()) {
    double sum = 0.0;
    for (const double v : detect_h) sum += v;
    m.detect_mean_h = sum / static_cast<double>(detect_h.size());
    m.detect_median_h = quantile(detect_h, 0.5);
  }
  if (alerts > 0) m.alert_mean_h = alert_sum_h / static_cast<double>(alerts);
  return m;
}

}  // namespace mdasim

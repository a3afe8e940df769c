// Detection of ISR targets by the fixed sensors, and the ISR measures per replication.
//
// Detection. A coastal radar sees a target from the first moment the target is within its
// detection range while the radar is up: definite range, the range being the lesser of the radar
// horizon for the height of the target class's search object and the radar's instrumented range
// (fixed_sensor_range_nm; kDefaultTargetHeightM for a class with no search object). An AIS
// receiver sees, the same way within its stated range, only targets whose AIS is on. The first
// detection over all sensors counts; ties go to the sensor listed first in the scenario.
//
// Geometry. Each track segment (straight in lon/lat at constant rate, see targets.hpp) is put
// into a flat frame around the sensor (LocalFrame, geo/local_frame.hpp): x = dlon N(lat_s)
// cos(lat_s) pi/180, y = dlat M(lat_s) pi/180 (in nm), with M and N the WGS84 meridional and
// prime-vertical radii at the sensor's latitude, and |p(t) - s| = R is solved as a quadratic in
// t: the segment's in-range interval in closed form, no time stepping. The frame's error against
// the geodesic distance grows with the square of the distance and with the sensor's latitude
// (about tan(lat) d^2 / 17,900 nm, from the meridians' convergence): at 60 nm at most 0.036 nm
// up to 10 degrees of latitude and 0.094 nm up to 25 (0.16%), at 20 nm a ninth of that
// (tests/unit/model/target_detection_test.cpp); well inside what a detection range is known to.
// Sensors are screened by the flat distance from the sensor to a bounding box, first of the whole
// track, then of each segment. The in-range intervals are intersected with the sensor's up
// periods (fixed_sensor_up_periods), half-open [start, end): a radar coming up while the target
// is in range sees it at that moment. A target is seen only while on its track, between
// appearing and leaving.
//
// Alert. The state responsible where the target was detected is told at detection + the
// sensor's reporting delay + the information-sharing delay from the sensor's state to the
// responsible state (0 within one state).
//
// Measures (per replication and target class, over targets appearing in the measured window
// [warm-up, duration)): the number of targets; the fraction detected before leaving; the mean
// and median time from appearance to first detection and the mean time from appearance to the
// responsible state's alert, both over the detected targets. A measure with nothing to average
// over is NaN. Hours, nm.
#pragma once

#include <functional>
#include <limits>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "geo/local_frame.hpp"
#include "model/sar_setup.hpp"
#include "model/targets.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// A sensor's up periods [start, end), ascending and disjoint (fixed_sensor_up_periods).
using UpPeriods = std::vector<std::pair<double, double>>;

// Every fixed sensor's up periods in one replication, in scenario order, up to `horizon_h`
// (latest_leave_h of the replication's targets, or the run's duration if larger).
[[nodiscard]] std::vector<UpPeriods> fixed_sensors_up_periods(const Scenario& scenario, const ReplicationKey& key,
                                                              double horizon_h);

struct TimeInterval {
  double start_h = 0.0;
  double end_h = 0.0;
};

// The earliest moment of [iv.start_h, iv.end_h] at which a sensor with up periods `up` is up,
// or +inf.
[[nodiscard]] double earliest_up(const UpPeriods& up, const TimeInterval& iv);

// The times in [a.time_h, b.time_h] at which a target moving from a to b (straight in the
// frame, at constant rate) is within `range_nm` of the frame's origin, or nothing.
[[nodiscard]] std::optional<TimeInterval> in_range_interval(const LocalFrame& frame, double range_nm,
                                                            const TrackPoint& a, const TrackPoint& b);

// The fixed sensors prepared for detection, once per scenario: frames, and ranges per target
// class (each class's search-object height; FixedSensorSetup's footprints are drawn for the one
// height of the coverage maps). Copies what it needs from `scenario`.
class FixedDetectionSetup {
 public:
  struct Sensor {
    int sensor_index = kNoIndex;  // into Scenario::fixed_sensors
    bool ais = false;
    int state = kNoIndex;
    double reporting_delay_h = 0.0;
    LocalFrame frame;
  };

  explicit FixedDetectionSetup(const Scenario& scenario);

  [[nodiscard]] const std::vector<Sensor>& sensors() const { return sensors_; }
  // The range (nm) of sensor `sensor` (an index into sensors()) for targets of class `class_index`.
  [[nodiscard]] double range_nm(int class_index, std::size_t sensor) const {
    return range_nm_[static_cast<std::size_t>(class_index) * sensors_.size() + sensor];
  }

 private:
  std::vector<Sensor> sensors_;
  std::vector<double> range_nm_;  // class-major
};

// Where an alert goes and how long sharing it takes. An empty `responsible_state` gives no
// responsible state (kNoIndex); an empty `sharing_delay_h`, or either state kNoIndex, no sharing
// delay.
struct AlertRouting {
  std::function<int(const GeoPoint&)> responsible_state;
  std::function<double(int from_state, int to_state)> sharing_delay_h;
};
// The SAR model's routing: its responsibility map and sharing delays. `setup` must outlive it.
[[nodiscard]] AlertRouting alert_routing(const SarSetup& setup);

struct FixedDetection {
  static constexpr double kNever = std::numeric_limits<double>::quiet_NaN();
  bool detected = false;
  double detected_h = kNever;
  int sensor_index = kNoIndex;      // into Scenario::fixed_sensors
  GeoPoint position;                // the target's, at detection
  int responsible_state = kNoIndex; // at that position
  double alert_h = kNever;          // at the responsible state's centre
};

// The first detection of a target of class `class_index` on `track` by the fixed sensors, whose
// up periods `up` are indexed like Scenario::fixed_sensors.
[[nodiscard]] FixedDetection first_fixed_detection(std::span<const TrackPoint> track, bool ais_on, int class_index,
                                                   const FixedDetectionSetup& sensors, std::span<const UpPeriods> up,
                                                   const AlertRouting& routing);
[[nodiscard]] inline FixedDetection first_fixed_detection(const Target& target, const FixedDetectionSetup& sensors,
                                                          std::span<const UpPeriods> up, const AlertRouting& routing) {
  return first_fixed_detection(target.track, target.ais_on, target.class_index, sensors, up, routing);
}

// One target's record for the measures.
struct TargetRecord {
  static constexpr double kNever = std::numeric_limits<double>::quiet_NaN();
  int class_index = kNoIndex;
  double appear_h = 0.0;
  double leave_h = 0.0;
  bool ais_on = false;
  bool detected = false;
  int sensor_index = kNoIndex;  // the fixed sensor that saw it first, or kNoIndex
  int sortie = kNoIndex;        // else the patrol sortie (SarReplicationResult::sorties) that did
  double detected_h = kNever;
  double alert_h = kNever;
  int responsible_state = kNoIndex;
  GeoPoint appear_position;     // where it appeared (the target maps count it in that cell)

  [[nodiscard]] double time_to_detect_h() const { return detected_h - appear_h; }  // NaN if never
  [[nodiscard]] double time_to_alert_h() const { return alert_h - appear_h; }
};
[[nodiscard]] TargetRecord target_record(const Target& target, const FixedDetection& detection);

struct TargetClassMetrics {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  double targets = 0.0;            // appearing in the window
  double detected_fraction = kNaN; // detected before leaving
  double detect_mean_h = kNaN;     // appearance to first detection, detected targets
  double detect_median_h = kNaN;   // the same, median (type 7)
  double alert_mean_h = kNaN;      // appearance to the responsible state's alert, detected targets
};
// Over the records of class `class_index` (every class if kNoIndex) that appeared in
// [window_start_h, window_end_h).
[[nodiscard]] TargetClassMetrics target_metrics(std::span<const TargetRecord> records, int class_index,
                                                double window_start_h, double window_end_h);

}  // namespace mdasim

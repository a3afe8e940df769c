// The Scenario: what the user described, validated and converted into engine units. Immutable
// once loaded and shared by every replication (the World holds one replication's state).
// Entities live in vectors; references between them are resolved to indices after loading.
// Units: hours (_h), nautical miles (_nm), knots (_kt), metres (_m), events per hour (_per_h),
// degrees (lon/lat, _deg), million US dollars (_musd).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/source_location.hpp"

namespace mdasim {

inline constexpr int kNoIndex = -1;

// Where each field of an entity was written (the value's location), so that checks made after
// loading point at the offending value, not just at the entity.
class FieldLocations {
 public:
  void set(std::string_view key, SourceLocation where);
  // The field's location, or `fallback` when the field was not written.
  [[nodiscard]] const SourceLocation& of(std::string_view key, const SourceLocation& fallback) const;

 private:
  std::vector<std::pair<std::string, SourceLocation>> items_;
};

struct GeoPoint {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
};

using Polygon = std::vector<GeoPoint>;  // open ring; first point not repeated

// A random duration (hours). `kFixed` uses `a`.
struct Distribution {
  enum class Kind { kFixed, kExponential, kUniform, kNormal, kLognormal, kWeibull };
  Kind kind = Kind::kFixed;
  // kFixed: a = value. kExponential: a = mean. kUniform: a = min, b = max.
  // kNormal: a = mean, b = sd (truncated at 0). kLognormal: a = median, b = sigma (log space).
  // kWeibull: a = scale, b = shape.
  double a = 0.0;
  double b = 0.0;
  SourceLocation where;
  FieldLocations fields;

  [[nodiscard]] double mean_h() const;
  // The p-quantile (0 < p < 1): the duration not exceeded with probability p.
  [[nodiscard]] double quantile_h(double p) const;
};

struct RunSettings {
  double duration_h = 0.0;
  double warmup_h = 0.0;
  std::int64_t replications = 0;
  std::uint64_t seed = 0;
  SourceLocation where;
  FieldLocations fields;
};

struct Region {
  double lon_min_deg = 0.0;
  double lon_max_deg = 0.0;
  double lat_min_deg = 0.0;
  double lat_max_deg = 0.0;
  double cell_deg = 0.1;
  SourceLocation where;
  FieldLocations fields;

  [[nodiscard]] bool contains(const GeoPoint& p) const {
    return p.lon_deg >= lon_min_deg && p.lon_deg <= lon_max_deg && p.lat_deg >= lat_min_deg &&
           p.lat_deg <= lat_max_deg;
  }
};

struct GeodataFiles {
  // The files found for the paths given (scenario/data_folders.hpp); empty when not given. A path
  // whose file was not found stays as given, and the scenario then has an error.
  std::string land_path;
  std::string lanes_path;
  std::string countries_path;
  SourceLocation where;
  FieldLocations fields;
};

struct LaneTraffic {
  std::string name;
  double weight = 1.0;
  Polygon area;
  SourceLocation where;
  FieldLocations fields;
};

struct State {
  std::string code;  // ISO 3166-1 alpha-2
  std::string name;
  std::string coordination_centre;  // a base name
  int coordination_centre_index = kNoIndex;
  SourceLocation where;
  FieldLocations fields;
};

struct ResponsibilityArea {
  std::string name;
  std::string state;
  int state_index = kNoIndex;
  Polygon area;
  SourceLocation where;
  FieldLocations fields;
};

enum class BaseKind { kAirfield, kPort, kRadarSite, kCoordinationCentre };

struct Base {
  std::string name;
  std::string state;
  int state_index = kNoIndex;
  BaseKind kind = BaseKind::kAirfield;
  GeoPoint position;
  SourceLocation where;
  FieldLocations fields;
};

struct SearchObject {
  std::string name;
  double height_m = 0.0;
  SourceLocation where;
  FieldLocations fields;
};

enum class SensorKind { kRadar, kEoIr, kVisual, kAis };
enum class DetectionModel { kDefiniteRange, kInverseCube };

struct SweepWidth {
  std::string search_object;
  int search_object_index = kNoIndex;
  double width_nm = 0.0;
  SourceLocation where;
  FieldLocations fields;
};

struct Sensor {
  std::string name;
  SensorKind kind = SensorKind::kRadar;
  DetectionModel detection = DetectionModel::kInverseCube;
  double range_nm = 0.0;
  double reporting_delay_h = 0.0;  // from a detection to the report reaching the crew's own centre
  std::vector<SweepWidth> sweep_widths;
  SourceLocation where;
  FieldLocations fields;
};

enum class AssetCategory { kAircraft, kHelicopter, kUav, kVessel };

struct AssetType {
  std::string name;
  AssetCategory category = AssetCategory::kAircraft;
  double cruise_speed_kt = 0.0;
  double search_speed_kt = 0.0;
  double endurance_h = 0.0;
  double readiness_h = 0.0;
  double mission_capable_rate = 1.0;
  double mean_repair_time_h = 48.0;
  double turnaround_h = 0.0;
  std::optional<double> cost_musd;
  std::vector<Sensor> sensors;
  SourceLocation where;
  FieldLocations fields;
};

struct Asset {
  std::string name;
  std::string type;
  int type_index = kNoIndex;
  std::string base;
  int base_index = kNoIndex;
  std::int64_t count = 1;
  std::string state;  // defaults to the base's state
  int state_index = kNoIndex;
  bool isr = false;
  bool sar = false;
  std::string patrol;  // empty: none
  int patrol_index = kNoIndex;
  SourceLocation where;
  FieldLocations fields;
};

enum class FixedSensorKind { kCoastalRadar, kAisReceiver };

struct FixedSensor {
  std::string name;
  FixedSensorKind kind = FixedSensorKind::kCoastalRadar;
  std::string state;
  int state_index = kNoIndex;
  std::string site;  // a radar-site base; empty when lon/lat are given
  int site_index = kNoIndex;
  GeoPoint position;  // filled from the site when one is named
  double antenna_height_m = 0.0;
  double range_nm = 0.0;
  double availability = 1.0;
  double reporting_delay_h = 0.0;
  SourceLocation where;
  FieldLocations fields;
};

enum class PatrolPattern { kParallelSweep, kBarrier, kRacetrack, kStation };

struct Patrol {
  std::string name;
  PatrolPattern pattern = PatrolPattern::kStation;
  Polygon area;                   // parallel sweep
  double track_spacing_nm = 0.0;  // parallel sweep
  std::vector<GeoPoint> waypoints;  // barrier, racetrack
  GeoPoint point;                 // station
  double sorties_per_week = 0.0;
  std::optional<double> time_on_station_h;
  SourceLocation where;
  FieldLocations fields;
};

// Where incidents or targets occur.
struct Placement {
  enum class Kind { kLanes, kAreas, kUniform };
  struct Area {
    std::string name;
    double weight = 1.0;
    Polygon polygon;
    SourceLocation where;
  FieldLocations fields;
  };
  Kind kind = Kind::kLanes;
  std::vector<Area> areas;
  SourceLocation where;
  FieldLocations fields;
};

struct IncidentClass {
  std::string name;
  double rate_per_h = 0.0;
  Placement where_placed;
  std::string search_object;
  int search_object_index = kNoIndex;
  std::int64_t persons_on_board = 1;
  double beacon_probability = 0.0;
  Distribution overdue_delay;
  double position_error_nm = 0.0;
  double drift_error_kt = 0.0;
  double min_search_time_h = 0.0;
  Distribution survival;
  SourceLocation where;
  FieldLocations fields;
};

enum class TargetMotion { kTransit, kLoiter };
// A loitering target's ground (its fishing ground or waiting area) when the scenario gives none.
inline constexpr double kDefaultLoiterRadiusNm = 10.0;

struct TargetClass {
  std::string name;
  double rate_per_h = 0.0;
  Placement where_placed;
  TargetMotion motion = TargetMotion::kTransit;
  double speed_kt = 0.0;
  double loiter_radius_nm = kDefaultLoiterRadiusNm;  // loiter: its ground, a disc around where it appears
  Distribution dwell;
  double ais_on_probability = 0.0;
  std::string search_object;
  int search_object_index = kNoIndex;
  SourceLocation where;
  FieldLocations fields;
};

struct SharingLink {
  std::string from;
  std::string to;
  int from_index = kNoIndex;
  int to_index = kNoIndex;
  double delay_h = 0.0;
  SourceLocation where;
  FieldLocations fields;
};

struct CrossBorderAgreement {
  std::string assisting;
  std::string responsible;
  int assisting_index = kNoIndex;
  int responsible_index = kNoIndex;
  bool allowed = true;
  std::optional<double> coordination_delay_h;  // default: the policy's
  SourceLocation where;
  FieldLocations fields;
};

struct Policies {
  double rcc_processing_h = 0.0;
  double default_sharing_delay_h = 0.0;
  std::vector<SharingLink> sharing_links;
  bool cross_border_default_allowed = false;
  double cross_border_coordination_delay_h = 0.0;
  std::vector<CrossBorderAgreement> agreements;
  // Whether a SAR-capable asset on a patrol sortie may be sent to an incident from where it is
  // (cross-border rules still apply); otherwise it finishes its sortie first.
  bool patrol_retasking_allowed = true;
  SourceLocation where;
  FieldLocations fields;
};

// Identifies an option overlay applied to a base scenario.
struct OptionInfo {
  std::string name;
  std::string description;
  double cost_musd = 0.0;
  std::string base_path;
  SourceLocation where;
  FieldLocations fields;
};

struct Scenario {
  std::string name;
  std::string description;
  std::string source_path;  // the file loaded (the option file for an overlay)
  std::string source_text;  // the scenario's text (the base's for an option), for provenance
  std::string option_text;  // the option file's text, if any
  std::optional<OptionInfo> option;

  RunSettings run;
  Region region;
  GeodataFiles geodata;
  std::vector<LaneTraffic> lane_traffic;
  std::vector<State> states;
  std::vector<ResponsibilityArea> responsibility_areas;
  std::vector<Base> bases;
  std::vector<SearchObject> search_objects;
  std::vector<AssetType> asset_types;
  std::vector<Asset> assets;
  std::vector<FixedSensor> fixed_sensors;
  std::vector<Patrol> patrols;
  std::vector<IncidentClass> incident_classes;
  std::vector<TargetClass> target_classes;
  Policies policies;
};

// Where field `key` of entity `e` was written, or the entity itself if the field was not.
template <typename Entity>
[[nodiscard]] const SourceLocation& field_location(const Entity& e, std::string_view key) {
  return e.fields.of(key, e.where);
}

[[nodiscard]] std::string_view to_string(BaseKind kind);
[[nodiscard]] std::string_view to_string(AssetCategory category);
[[nodiscard]] std::string_view to_string(SensorKind kind);
[[nodiscard]] std::string_view to_string(DetectionModel model);
[[nodiscard]] std::string_view to_string(FixedSensorKind kind);
[[nodiscard]] std::string_view to_string(PatrolPattern pattern);
[[nodiscard]] std::string_view to_string(Placement::Kind kind);
[[nodiscard]] std::string_view to_string(TargetMotion motion);
[[nodiscard]] std::string_view to_string(Distribution::Kind kind);

}  // namespace mdasim

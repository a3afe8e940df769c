// What the SAR simulation needs from a scenario, prepared once and shared read-only by every
// replication: the individual SAR units (an asset entry of count n is n units, each with its own
// outage stream), the over-water distance field of every port that SAR vessels sail from, the
// sweep width of every asset type for every search object (the best of its sensors), the
// information-sharing and cross-border delays as state-by-state matrices, and the placement
// sampler of every incident class. Units: hours, nm, kt.
#pragma once

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "geo/geography.hpp"
#include "model/placement.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// One aircraft, helicopter, UAV or vessel able to respond (an asset entry with the SAR role).
struct SarUnit {
  std::string name;          // the asset's name, with " #k" when the entry has several units
  int asset_index = kNoIndex;
  int type_index = kNoIndex;
  int base_index = kNoIndex;
  int state_index = kNoIndex;
  GeoPoint base_position;
  bool surface = false;       // vessels move over water (sea-distance field); others by geodesic
  int sea_field = kNoIndex;   // surface units: index into SarSetup::sea_fields
  double cruise_speed_kt = 0.0;
  double search_speed_kt = 0.0;
  double endurance_h = 0.0;
  double readiness_h = 0.0;
  double turnaround_h = 0.0;
  double mission_capable_rate = 1.0;
  double mean_repair_time_h = 0.0;
  std::uint64_t stream_key = 0;  // substream of its outage stream: stable under added units
};

// The distances from one port over water, in single precision (nm; +inf where unreachable).
struct PortSeaField {
  int base_index = kNoIndex;
  std::vector<float> distance_nm;  // per grid cell
};

struct SarIncidentClass {
  PlacementSampler placement;
  // Searches stop when everyone aboard would, with probability 0.99, have died: the survival
  // distribution's 99th percentile after the occurrence (IAMSAR's "probability of survival"
  // rule for suspending a search, made quantitative), and at the latest when the run's duration
  // has passed since the occurrence, so that no drawn survival makes a search outlast twice the
  // run (scenario/check_window.hpp warns where the cut applies).
  double search_suspension_h = 0.0;
};

class SarSetup {
 public:
  // `scenario` and `geography` must outlive the setup. The ports' fields are computed on
  // `threads` threads (the result does not depend on it). Throws std::invalid_argument for a
  // scenario the loader's checks should have refused (it never is for a loaded scenario).
  SarSetup(const Scenario& scenario, const Geography& geography, unsigned threads = 1);

  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const Geography& geography() const { return *geography_; }
  [[nodiscard]] const std::vector<SarUnit>& units() const { return units_; }
  [[nodiscard]] const std::vector<PortSeaField>& sea_fields() const { return sea_fields_; }
  [[nodiscard]] const std::vector<SarIncidentClass>& incident_classes() const { return classes_; }

  // Best sweep width (nm) of an asset type for a search object: 0 when it has no sensor for it
  // (such a unit is never sent to search for that object).
  [[nodiscard]] double sweep_width_nm(int type_index, int search_object_index) const {
    return sweep_width_nm_[static_cast<std::size_t>(type_index) * search_object_count_ +
                           static_cast<std::size_t>(search_object_index)];
  }
  // Hours for information to pass from one state's centre to another's (0 to itself).
  [[nodiscard]] double sharing_delay_h(int from_state, int to_state) const {
    return sharing_delay_h_[pair(from_state, to_state)];
  }
  // Whether `assisting`'s units may respond in `responsible`'s area (always for the same state),
  // and the coordination delay before they may leave (0 for the same state).
  [[nodiscard]] bool cross_border_allowed(int assisting, int responsible) const {
    return allowed_[pair(assisting, responsible)] != 0;
  }
  [[nodiscard]] double coordination_delay_h(int assisting, int responsible) const {
    return coordination_delay_h_[pair(assisting, responsible)];
  }
  // The state responsible for a point at sea: the responsibility map's cell, or, where it has
  // none, the state of the nearest coordination centre.
  [[nodiscard]] int responsible_state(const GeoPoint& p) const;
  // The sea cells around a point (its own and its 8 neighbours) with the length of the leg from
  // each centre to the point: computed once per point, then shared by every port's field.
  struct Neighbourhood {
    std::array<std::size_t, 9> cells{};
    std::array<double, 9> leg_nm{};
    std::size_t count = 0;
  };
  [[nodiscard]] Neighbourhood neighbourhood(const GeoPoint& p) const;
  // Over-water distance (nm) from a port's field to a point: the best over the point's
  // neighbourhood of the field at a sea cell plus the leg from its centre; +inf if none is reached.
  [[nodiscard]] double sea_distance_nm(int sea_field, const Neighbourhood& around) const;
  [[nodiscard]] double sea_distance_nm(const SarUnit& unit, const GeoPoint& p) const {
    return unit.sea_field < 0 ? std::numeric_limits<double>::infinity()
                              : sea_distance_nm(unit.sea_field, neighbourhood(p));
  }

 private:
  [[nodiscard]] std::size_t pair(int a, int b) const {
    return static_cast<std::size_t>(a) * state_count_ + static_cast<std::size_t>(b);
  }

  const Scenario* scenario_;
  const Geography* geography_;
  std::vector<SarUnit> units_;
  std::vector<PortSeaField> sea_fields_;
  std::vector<SarIncidentClass> classes_;
  std::size_t search_object_count_ = 0;
  std::vector<double> sweep_width_nm_;
  std::size_t state_count_ = 0;
  std::vector<double> sharing_delay_h_;
  std::vector<std::uint8_t> allowed_;
  std::vector<double> coordination_delay_h_;
  std::vector<int> centre_base_;  // per state: its coordination centre's base index
};

}  // namespace mdasim

// Patrols prepared once per scenario and shared read-only by every replication: each patrol's
// route (model/patrol_route.hpp) and sortie interval, the units that fly it, each unit's sortie
// plan from its base (transit out, time on station), and the detection laws of every asset type's
// sensors against every search object. Hours, nm, kt.
//
// Units. Every unit of an asset entry that names a patrol flies it: an entry of count n gives n
// units, each with the outage stream of the same name and copy as in the SAR model (so a unit with
// both roles is one unit, `sar_unit` naming it in SarSetup::units()).
//
// Sortie plan. A sortie leaves its base at the planned time (planned sorties need no readiness
// notice), transits at cruise speed to the route's entry (aircraft, helicopters and UAVs by the
// geodesic; vessels over water, by the over-water distance field from the entry), flies the route
// at search speed for its time on station, and returns at cruise speed from where it then is.
// Time on station is the patrol's time_on_station where given, but never more than the
// endurance left after the transit out and the longest possible return, from the route's vertex
// farthest from the base: min(time_on_station, endurance - out - farthest return). A unit for
// which that is not positive cannot fly the patrol (on_station_h = 0) and is never sent.
//
// Schedule. Sorties are planned every 168 / sorties_per_week hours, from a phase drawn uniformly
// in [0, interval) on the patrol's own stream (purpose kSensors, keyed by "patrol " and its name).
//
// Detection laws. Every sensor of a type with a sweep width for a search object gives one law:
// its detection model, that sweep width (stated at the type's search speed), the search speed,
// and the sensor's range (no detection beyond it; unlimited when the range is 0); and the
// sensor's reporting delay, from a detection to the report at the crew's own centre.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "geo/geography.hpp"
#include "model/mobile_detection.hpp"
#include "model/patrol_route.hpp"
#include "model/sar_setup.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

struct PatrolUnit {
  std::string name;  // the asset's name, with " #k" when the entry has several units
  int asset_index = kNoIndex;
  int type_index = kNoIndex;
  int patrol_index = kNoIndex;  // into Scenario::patrols (and PatrolSetup::patrols())
  int base_index = kNoIndex;
  int state_index = kNoIndex;
  GeoPoint base_position;
  int sar_unit = kNoIndex;  // into SarSetup::units() when the unit also has the SAR role
  bool surface = false;
  double cruise_speed_kt = 0.0;
  double search_speed_kt = 0.0;
  double endurance_h = 0.0;
  double turnaround_h = 0.0;
  double mission_capable_rate = 1.0;
  double mean_repair_time_h = 0.0;
  std::uint64_t stream_key = 0;
  double transit_out_h = 0.0;  // base to the route's entry
  double on_station_h = 0.0;   // per sortie; 0: cannot fly the patrol
};

struct PatrolPlan {
  int patrol_index = kNoIndex;
  PatrolRoute route;
  double interval_h = 0.0;         // between planned sorties
  std::uint64_t stream_key = 0;    // of the schedule's phase
  std::vector<int> units;          // into PatrolSetup::units()
};

class PatrolSetup {
 public:
  // `scenario`, `geography` and `sar` must outlive the setup.
  PatrolSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar);

  [[nodiscard]] const std::vector<PatrolUnit>& units() const { return units_; }
  [[nodiscard]] const std::vector<PatrolPlan>& patrols() const { return plans_; }
  // The detection laws of an asset type's sensors against a search object (empty: it cannot see it),
  // and each law's sensor's reporting delay (h), in the same order.
  [[nodiscard]] std::span<const MobileSensorLaw> laws(int type_index, int search_object_index) const;
  [[nodiscard]] std::span<const double> reporting_delays_h(int type_index, int search_object_index) const;
  // Over-water (vessels) or geodesic distance (nm) from a unit's base to a point.
  [[nodiscard]] double return_distance_nm(const PatrolUnit& unit, const GeoPoint& p) const;

 private:
  const SarSetup* sar_;
  std::vector<PatrolUnit> units_;
  std::vector<PatrolPlan> plans_;
  std::size_t search_object_count_ = 0;
  std::vector<std::vector<MobileSensorLaw>> laws_;  // type-major, then search object
  std::vector<std::vector<double>> delays_h_;        // the same shape
};

// The position at time `t_h` of a unit on a sortie launched at `launch_h` (transit out straight
// in lon/lat from the base to the route's entry, then the route from its entry at search speed).
[[nodiscard]] GeoPoint sortie_position(const PatrolUnit& unit, const PatrolPlan& plan, double launch_h, double t_h);

}  // namespace mdasim

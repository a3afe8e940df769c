// The incidents of one SAR replication, drawn before the replication runs: class by class, each
// class from its own random streams (arrivals and places; alerting; survival; search luck), so
// that two options differing only in assets or policies meet the same incidents, alerted at the
// same times, with the same survivors and the same luck in the search (common random numbers).
// Tests and validation runs may also build incidents by hand.
#pragma once

#include <cstdint>
#include <vector>

#include "model/sar_setup.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

struct ReplicationKey {
  std::uint64_t seed = 0;
  std::uint64_t variant = 0;  // 0 shares incidents with other options (common random numbers)
  std::uint64_t replication = 0;
};

struct SarIncident {
  int class_index = 0;
  GeoPoint position;
  int state = kNoIndex;  // the responsible state
  bool beacon = false;
  double occurred_h = 0.0;
  double alerted_h = 0.0;  // at once with a beacon, else after the overdue delay
  double ready_h = 0.0;    // alert + the coordination centre's processing
  double suspend_h = 0.0;  // occurrence + the class's search suspension time
  // A unit exponential: the object is found when the search coverage reaches it (the inverse
  // of POD = 1 - exp(-coverage)), however the coverage is split between sorties.
  double coverage_needed = 1.0;
  std::vector<double> survival_h;  // one per person aboard: how long they live after the occurrence
};

// Incidents occurring in [0, duration), in order of occurrence (ties by class).
[[nodiscard]] std::vector<SarIncident> draw_sar_incidents(const SarSetup& setup, const ReplicationKey& key);

}  // namespace mdasim

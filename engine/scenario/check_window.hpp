// Checks of durations, rates and distributions against the run's window (run.duration, D, at
// most 68 years of measured window for the coverage maps' 32-bit seconds), so
// that the work of one replication is bounded by the window and the scenario's size, never by a
// value drawn at random. Errors for what would make a replication run without useful end or
// exhaust memory; warnings for values the model cuts at the window (with why). The limits:
//
//   spread        a duration distribution's 99th percentile at most 10^4 times its median
//                 (lognormal sigma <= 3.959, Weibull shape >= 0.2056): a survival or delay that
//                 spreads wider is not one anyone measured, and draws from it overflow
//   overdue       an overdue delay's median at most 10 D (far beyond: an error); beyond D, a warning
//   survival      beyond D at the 99th percentile: a warning (searches are suspended after at most D)
//   dwell         beyond D at the 99th percentile: a warning (a target stays at most D)
//   outages       at most 10^4 outage cycles of a unit in D (mean cycle = repair / (1 - MC))
//   sorties       at most 10^6 sorties of a SAR unit in D (one per endurance) and of a patrol
//   counts        at most 10^6 incidents and 10^6 targets expected in D, 10^7 persons aboard
//   loitering     at most 10^5 waypoints of a loitering target over its 99th-percentile dwell
//   fixed delays  readiness, processing, sharing, coordination and reporting delays longer than
//                 D: a warning (nothing they delay can happen within the run)
#pragma once

#include "core/diagnostics.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// The limits above, for the model's own caps and for tests. The measured window itself is at
// most 2^31 - 1 seconds, as the coverage maps count seconds in 32 bits (metrics/coverage.hpp).
inline constexpr double kMaxMeasuredWindowS = 2147483647.0;
inline constexpr double kMaxSpreadRatio = 1e4;           // 99th percentile over median
inline constexpr double kMaxOverdueMedianOfRun = 10.0;   // overdue median over D
inline constexpr double kMaxOutageCyclesPerRun = 1e4;
inline constexpr double kMaxSortiesPerRun = 1e6;
inline constexpr double kMaxExpectedIncidents = 1e6;
inline constexpr double kMaxExpectedTargets = 1e6;
inline constexpr double kMaxExpectedPersons = 1e7;
inline constexpr double kMaxLoiterWaypoints = 1e5;

// Checks a scenario whose references are resolved (check_scenario). Does nothing when the run's
// duration is not positive (already an error).
void check_window(const Scenario& scenario, Diagnostics& diagnostics);

}  // namespace mdasim

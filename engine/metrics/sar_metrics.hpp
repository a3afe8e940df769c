// The SAR measures a planner reads: per replication, from its incident and unit records, and
// across replications as means with 95% confidence intervals. Every measure has a stable key
// (used in the results file, the JSON summary and the printed table), units and a description.
//
// Per replication (over incidents occurring in the measured window):
//   incidents            count
//   reached              count with a unit on scene
//   unreachable          count no allowed unit could reach, search and return from
//   response_mean_h      mean alert-to-scene time of the reached incidents
//   response_median_h    median of the same
//   response_p90_h       90th percentile of the same (type 7)
//   within_2h, within_6h fraction of all incidents reached within 2 h / 6 h of the alert
//                        (never reached counts as not within)
//   found                fraction of incidents found
//   persons_saved        fraction of persons aboard found alive
//   wait_mean_h          mean wait for a unit (ready to first dispatch) of dispatched incidents
//   waited               fraction of dispatched incidents that had to wait (more than 1 s)
//   utilisation          busy hours / window hours, averaged over SAR units (SAR tasks only)
//   alert_delay_mean_h   mean time from the occurrence to the alert of all incidents
//   alerted_by_sensors   fraction of incidents alerted first by a coastal radar or a patrol
// A measure with no incidents to average over is NaN for that replication and is left out of
// the across-replication estimate (whose n says how many replications had it).
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "metrics/better.hpp"
#include "metrics/statistics.hpp"
#include "model/sar_records.hpp"

namespace mdasim {

enum class SarMeasure {
  kIncidents,
  kReached,
  kUnreachable,
  kResponseMean,
  kResponseMedian,
  kResponseP90,
  kWithin2h,
  kWithin6h,
  kFound,
  kPersonsSaved,
  kWaitMean,
  kWaited,
  kUtilisation,
  kAlertDelayMean,
  kAlertedBySensors,
  kCount  // not a measure: the number of them
};

struct SarMeasureInfo {
  std::string_view key;        // e.g. "response_mean_h"
  std::string_view units;      // "h", "1" (fractions and counts)
  std::string_view long_name;  // e.g. "mean alert-to-scene response time"
  Better better;               // which way it improves
};

[[nodiscard]] const SarMeasureInfo& info(SarMeasure measure);

inline constexpr std::size_t kSarMeasureCount = static_cast<std::size_t>(SarMeasure::kCount);

// One replication's measures, indexed by SarMeasure.
struct SarReplicationMetrics {
  std::array<double, kSarMeasureCount> values{};
  [[nodiscard]] double operator[](SarMeasure m) const { return values[static_cast<std::size_t>(m)]; }
  double& operator[](SarMeasure m) { return values[static_cast<std::size_t>(m)]; }
};

[[nodiscard]] SarReplicationMetrics sar_metrics(const SarReplicationResult& result);
// As above, over the incidents of one class only (utilisation is the whole replication's).
[[nodiscard]] SarReplicationMetrics sar_metrics(const SarReplicationResult& result, int class_index);

// Across replications, in replication order: mean and 95% Student-t interval of each measure
// over the replications where it is defined (not NaN).
[[nodiscard]] std::array<Estimate, kSarMeasureCount> summarise(const std::vector<SarReplicationMetrics>& reps,
                                                               double confidence = 0.95);

}  // namespace mdasim

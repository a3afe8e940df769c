// The SAR measures of one replication from its incident and unit records, and their means with
// confidence intervals across replications (see sar_metrics.hpp for the definitions).
#include "metrics/sar_metrics.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace mdasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kOneSecond_h = 1.0 / 3600.0;  // a dispatch later than this after ready has waited

constexpr std::array<SarMeasureInfo, kSarMeasureCount> kInfo{{
    {"incidents", "1", "incidents in the measured window", Better::kNeither},
    {"reached", "1", "incidents reached by a SAR unit", Better::kHigher},
    {"unreachable", "1", "incidents no SAR unit could reach", Better::kLower},
    {"response_mean_h", "h", "mean alert-to-scene response time", Better::kLower},
    {"response_median_h", "h", "median alert-to-scene response time", Better::kLower},
    {"response_p90_h", "h", "90th percentile alert-to-scene response time", Better::kLower},
    {"within_2h", "1", "fraction of incidents reached within 2 h of the alert", Better::kHigher},
    {"within_6h", "1", "fraction of incidents reached within 6 h of the alert", Better::kHigher},
    {"found", "1", "fraction of incidents found", Better::kHigher},
    {"persons_saved", "1", "fraction of persons aboard found alive", Better::kHigher},
    {"wait_mean_h", "h", "mean wait for a SAR unit (ready to first dispatch)", Better::kLower},
    {"waited", "1", "fraction of dispatched incidents that waited for a unit", Better::kLower},
    {"utilisation", "1", "fraction of time SAR units were busy, averaged over units", Better::kNeither},
    {"alert_delay_mean_h", "h", "mean time from the incident to the alert", Better::kLower},
    {"alerted_by_sensors", "1", "fraction alerted first by a coastal radar or patrol", Better::kHigher},
}};

// The plain mean, summed in record order; NaN when empty.
double mean_of(const std::vector<double>& values) {
  if (values.empty()) return kNaN;
  double sum = 0.0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

// Busy hours over window hours, averaged over the units; NaN with no units or an empty window.
double utilisation(const SarReplicationResult& result) {
  const double window_h = result.window_end_h - result.window_start_h;
  if (result.units.empty() || !(window_h > 0.0)) return kNaN;
  double sum = 0.0;
  for (const UnitRecord& unit : result.units) sum += unit.busy_h / window_h;
  return sum / static_cast<double>(result.units.size());
}

// The measures over the incidents for which `include` is true.
template <typename Include>
SarReplicationMetrics measures(const SarReplicationResult& result, Include include) {
  SarReplicationMetrics m;
  std::size_t count = 0;
  std::size_t reached = 0;
  std::size_t unreachable = 0;
  std::size_t found = 0;
  std::int64_t persons = 0;
  std::int64_t saved = 0;
  std::vector<double> response_all;  // every incident's response (NaN if never reached)
  std::vector<double> response_reached;
  std::vector<double> waits;
  std::size_t waited = 0;
  std::vector<double> alert_delays;
  std::size_t by_sensors = 0;
  for (const IncidentRecord& incident : result.incidents) {
    if (!include(incident)) continue;
    ++count;
    alert_delays.push_back(incident.alerted_h - incident.occurred_h);
    if (incident.alerted_by == AlertSource::kCoastalRadar || incident.alerted_by == AlertSource::kPatrol) ++by_sensors;
    const double response_h = incident.response_h();
    response_all.push_back(response_h);
    if (!std::isnan(incident.on_scene_h)) {
      ++reached;
      response_reached.push_back(response_h);
    }
    if (incident.outcome == IncidentOutcome::kUnreachable) ++unreachable;
    if (incident.outcome == IncidentOutcome::kFound) ++found;
    persons += incident.persons;
    saved += incident.persons_saved;
    if (!std::isnan(incident.dispatched_h)) {
      const double wait_h = incident.wait_h();
      waits.push_back(wait_h);
      if (wait_h > kOneSecond_h) ++waited;
    }
  }
  const auto fraction = [](std::size_t part, std::size_t whole) {
    return whole == 0 ? kNaN : static_cast<double>(part) / static_cast<double>(whole);
  };
  m[SarMeasure::kIncidents] = static_cast<double>(count);
  m[SarMeasure::kReached] = static_cast<double>(reached);
  m[SarMeasure::kUnreachable] = static_cast<double>(unreachable);
  m[SarMeasure::kResponseMean] = mean_of(response_reached);
  m[SarMeasure::kResponseMedian] = quantile(response_reached, 0.5);
  m[SarMeasure::kResponseP90] = quantile(response_reached, 0.9);
  m[SarMeasure::kWithin2h] = fraction_at_most(response_all, 2.0);
  m[SarMeasure::kWithin6h] = fraction_at_most(response_all, 6.0);
  m[SarMeasure::kFound] = fraction(found, count);
  m[SarMeasure::kPersonsSaved] = persons > 0 ? static_cast<double>(saved) / static_cast<double>(persons) : kNaN;
  m[SarMeasure::kWaitMean] = mean_of(waits);
  m[SarMeasure::kWaited] = fraction(waited, waits.size());
  m[SarMeasure::kUtilisation] = utilisation(result);
  m[SarMeasure::kAlertDelayMean] = mean_of(alert_delays);
  m[SarMeasure::kAlertedBySensors] = fraction(by_sensors, count);
  return m;
}

}  // namespace

const SarMeasureInfo& info(SarMeasure measure) { return kInfo.at(static_cast<std::size_t>(measure)); }

SarReplicationMetrics sar_metrics(const SarReplicationResult& result) {
  return measures(result, [](const IncidentRecord&) { return true; });
}

SarReplicationMetrics sar_metrics(const SarReplicationResult& result, int class_index) {
  return measures(result, [class_index](const IncidentRecord& r) { return r.class_index == class_index; });
}

std::array<Estimate, kSarMeasureCount> summarise(const std::vector<SarReplicationMetrics>& reps, double confidence) {
  std::array<Estimate, kSarMeasureCount> out{};
  std::vector<double> values;
  values.reserve(reps.size());
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    values.clear();
    for (const SarReplicationMetrics& rep : reps) {
      if (!std::isnan(rep.values[k])) values.push_back(rep.values[k]);
    }
    out[k] = mean_with_ci(values, confidence);
  }
  return out;
}

}  // namespace mdasim

// Measure-by-measure comparison of an option with its baseline (see option_comparison.hpp).
#include "run/option_comparison.hpp"

#include <cmath>
#include <map>
#include <stdexcept>
#include <tuple>

#include "metrics/sar_metrics.hpp"

namespace mdasim {
namespace {

MeasureSeries sar_series(SarMeasure m, std::string subject) {
  const SarMeasureInfo& i = info(m);
  return MeasureSeries{"sar", std::move(subject), std::string(i.key), std::string(i.units), std::string(i.long_name),
                       i.better, {}};
}

}  // namespace

std::vector<MeasureSeries> measure_series(const Scenario& scenario, const VariantResults& results) {
  std::vector<MeasureSeries> out;
  // SAR over all incidents (the per-replication values the summary was made from).
  for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
    MeasureSeries s = sar_series(static_cast<SarMeasure>(k), "all");
    s.values.reserve(results.sar.replications());
    for (const SarReplicationMetrics& rep : results.sar.overall()) s.values.push_back(rep.values[k]);
    out.push_back(std::move(s));
  }
  // SAR per incident class.
  for (std::size_t c = 0; c < scenario.incident_classes.size(); ++c) {
    const std::vector<SarReplicationMetrics> reps = results.sar.class_series(c);
    for (std::size_t k = 0; k < kSarMeasureCount; ++k) {
      const auto m = static_cast<SarMeasure>(k);
      if (!reported_per_class(m)) continue;
      MeasureSeries s = sar_series(m, scenario.incident_classes[c].name);
      for (const SarReplicationMetrics& rep : reps) s.values.push_back(rep.values[k]);
      out.push_back(std::move(s));
    }
  }
  // ISR per target class, then over all classes (the rows of run_isr_replication's metrics).
  const std::size_t rows = results.isr.empty() ? 0 : results.isr.front().size();
  for (std::size_t row = 0; row < rows; ++row) {
    const std::string subject = row < scenario.target_classes.size() ? scenario.target_classes[row].name : "all";
    for (std::size_t k = 0; k < kIsrMeasureCount; ++k) {
      const IsrMeasureInfo& i = isr_measure_info(k);
      MeasureSeries s{"isr", subject, i.key, i.units, i.long_name, i.better, {}};
      s.values.reserve(results.isr.size());
      for (const auto& rep : results.isr) s.values.push_back(isr_measure_value(rep.at(row), k));
      out.push_back(std::move(s));
    }
  }
  return out;
}

std::string verdict(const PairedComparison& paired, Better better) {
  const Estimate& d = paired.difference;
  if (better == Better::kNeither || paired.pairs < 2 || std::isnan(d.mean)) return "-";
  if (d.sd == 0.0 && d.mean == 0.0) return "no change";
  const bool below = d.ci_high < 0.0;
  const bool above = d.ci_low > 0.0;
  if (!below && !above) return "unclear";
  return (below == (better == Better::kLower)) ? "better" : "worse";
}

std::vector<MeasureComparison> compare_measures(const std::vector<MeasureSeries>& baseline,
                                                const std::vector<MeasureSeries>& option, double cost_musd,
                                                double confidence) {
  std::map<std::tuple<std::string, std::string, std::string>, const MeasureSeries*> by_key;
  for (const MeasureSeries& s : option) by_key[{s.domain, s.subject, s.metric}] = &s;
  std::vector<MeasureComparison> out;
  for (const MeasureSeries& b : baseline) {
    const auto it = by_key.find({b.domain, b.subject, b.metric});
    if (it == by_key.end()) continue;
    MeasureComparison c{b.domain, b.subject, b.metric, b.units, b.long_name, b.better, {}, {}, {}};
    c.paired = compare_paired(it->second->values, b.values, confidence);
    c.per_musd = per_unit_cost(c.paired.difference, cost_musd);
    c.verdict = verdict(c.paired, c.better);
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace mdasim

// The ISR measures across replications (see isr_results.hpp).
#include "io/isr_results.hpp"

#include <cmath>
#include <cstdio>

namespace mdasim {
namespace {

constexpr std::array<IsrMeasureInfo, kIsrMeasureCount> kMeasures{{
    {"targets", "1", "targets appearing in the measured window", Better::kNeither},
    {"detected_fraction", "1", "fraction of targets detected before leaving", Better::kHigher},
    {"detect_mean_h", "h", "mean time from appearance to first detection", Better::kLower},
    {"detect_median_h", "h", "median time from appearance to first detection", Better::kLower},
    {"alert_mean_h", "h", "mean time from appearance to the responsible state's alert", Better::kLower},
}};

std::string row_name(const Scenario& scenario, std::size_t row) {
  return row < scenario.target_classes.size() ? scenario.target_classes[row].name : std::string("all");
}

std::string number(double v) {
  if (std::isnan(v)) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, std::abs(v) >= 100.0 ? "%.0f" : "%.3f", v);
  return buf;
}

}  // namespace

const IsrMeasureInfo& isr_measure_info(std::size_t k) { return kMeasures.at(k); }

double isr_measure_value(const TargetClassMetrics& m, std::size_t k) {
  switch (k) {
    case 0: return m.targets;
    case 1: return m.detected_fraction;
    case 2: return m.detect_mean_h;
    case 3: return m.detect_median_h;
    default: return m.alert_mean_h;
  }
}

IsrSummary summarise_isr(const std::vector<std::vector<TargetClassMetrics>>& replications) {
  IsrSummary out;
  if (replications.empty()) return out;
  const std::size_t rows = replications.front().size();
  out.rows.resize(rows);
  std::vector<double> values;
  for (std::size_t row = 0; row < rows; ++row) {
    for (std::size_t k = 0; k < kIsrMeasureCount; ++k) {
      values.clear();
      for (const auto& rep : replications) {
        const double v = isr_measure_value(rep[row], k);
        if (!std::isnan(v)) values.push_back(v);
      }
      out.rows[row][k] = mean_with_ci(values);
    }
  }
  return out;
}

void write_isr_summary(ResultsFile& file, const std::string& variant, const Scenario& scenario, const IsrSummary& summary) {
  ResultsTable t;
  const auto cls = t.add_string("class", "", "target class (all: every class)");
  const auto metric = t.add_string("metric", "", "measure key");
  const auto mean = t.add_double("mean", "", "mean over the replications where the measure is defined");
  const auto lo = t.add_double("ci_low", "", "lower end of the 95% Student-t interval of the mean");
  const auto hi = t.add_double("ci_high", "", "upper end of the 95% Student-t interval of the mean");
  const auto n = t.add_int64("n", "1", "replications where the measure is defined");
  const auto units = t.add_string("units", "", "units of mean, ci_low and ci_high");
  const auto long_name = t.add_string("long_name", "", "what the measure is");
  for (std::size_t row = 0; row < summary.rows.size(); ++row) {
    for (std::size_t k = 0; k < kIsrMeasureCount; ++k) {
      const std::size_t r = t.add_row();
      const Estimate& e = summary.rows[row][k];
      t.set_string(cls, r, row_name(scenario, row));
      t.set_string(metric, r, kMeasures[k].key);
      t.set_double(mean, r, e.mean);
      t.set_double(lo, r, e.ci_low);
      t.set_double(hi, r, e.ci_high);
      t.set_int64(n, r, static_cast<std::int64_t>(e.n));
      t.set_string(units, r, kMeasures[k].units);
      t.set_string(long_name, r, kMeasures[k].long_name);
    }
  }
  file.write_table(variant + "/tables", "isr_summary", t,
                   "ISR measures per target class (fixed sensors and patrols): means over replications with 95% intervals");
}

void print_isr_summary(std::ostream& out, const Scenario& scenario, const IsrSummary& summary) {
  if (summary.rows.size() <= 1) return;  // no target classes
  out << "\nISR targets, detected by fixed radars, AIS receivers and patrols (means)\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-28s %10s %23s %18s %18s\n", "target class", "targets", "detected before leaving",
                "median to detect h", "mean to alert h");
  out << line;
  for (std::size_t row = 0; row < summary.rows.size(); ++row) {
    const auto& e = summary.rows[row];
    std::snprintf(line, sizeof line, "%-28s %10s %23s %18s %18s\n", row_name(scenario, row).c_str(),
                  number(e[0].mean).c_str(), number(e[1].mean).c_str(), number(e[3].mean).c_str(),
                  number(e[4].mean).c_str());
    out << line;
  }
}

}  // namespace mdasim

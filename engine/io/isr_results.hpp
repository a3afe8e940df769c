// The ISR measures of a run across replications: per target class and over all classes, the
// mean with its 95% Student-t interval of each measure (targets appearing, fraction detected
// before leaving, mean and median time to first detection, mean time until the responsible
// state is alerted), as a results-file table and a printed table.
#pragma once

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "io/results_file.hpp"
#include "metrics/better.hpp"
#include "metrics/statistics.hpp"
#include "model/target_detection.hpp"

namespace mdasim {

inline constexpr std::size_t kIsrMeasureCount = 5;

// The measures in the order of TargetClassMetrics: key (e.g. "detected_fraction"), units, and
// what it is.
struct IsrMeasureInfo {
  const char* key;
  const char* units;
  const char* long_name;
  Better better;  // which way it improves
};
[[nodiscard]] const IsrMeasureInfo& isr_measure_info(std::size_t k);
// Measure k of one replication's metrics (NaN where undefined).
[[nodiscard]] double isr_measure_value(const TargetClassMetrics& metrics, std::size_t k);

struct IsrSummary {
  // Per target class, then one row over all classes; measures in the order of TargetClassMetrics.
  std::vector<std::array<Estimate, kIsrMeasureCount>> rows;
};

// `replications[r]` is run_isr_replication's output for replication r.
[[nodiscard]] IsrSummary summarise_isr(const std::vector<std::vector<TargetClassMetrics>>& replications);

// `<variant>/tables/isr_summary`: class ("all" for every class), metric, mean, ci_low, ci_high, n, units.
void write_isr_summary(ResultsFile& file, const std::string& variant, const Scenario& scenario, const IsrSummary& summary);

void print_isr_summary(std::ostream& out, const Scenario& scenario, const IsrSummary& summary);

}  // namespace mdasim

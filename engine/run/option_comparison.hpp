// Comparing an option with its baseline, measure by measure, over replications run on common
// random numbers (run/variant_run.hpp): what `mdasim compare` reports.
//
// The measures compared, each a series of one value per replication:
//   domain "sar", subject "all"     every SAR measure (metrics/sar_metrics.hpp) over all incidents;
//   domain "sar", subject CLASS     the same over one incident class (utilisation excepted);
//   domain "isr", subject CLASS     every ISR measure (io/isr_results.hpp) of one target class;
//   domain "isr", subject "all"     the same over every target class.
// A measure has a direction: lower is better (times, incidents no unit could reach), higher is
// better (fractions reached in time, found, saved, detected; incidents reached), or neither
// (counts of incidents and targets, which options that change only assets leave exactly as they
// are, and the units' utilisation, which is a cost as much as a benefit).
//
// Per measure (metrics/comparison.hpp): each side's mean over the replications where both are
// defined, the paired difference (option - baseline) and relative change with their intervals,
// the difference per US$ million of the option's cost, and a verdict read from the difference's
// interval and the direction:
//   "better" / "worse"  the interval lies wholly on the better / worse side of zero;
//   "no change"         every pair is equal (the option does not touch the measure);
//   "unclear"           the interval contains zero;
//   "-"                 the measure has no direction, or fewer than two pairs.
// Measures are matched by (domain, subject, metric), so an option that adds or removes a class
// is compared on the classes both variants have.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metrics/better.hpp"
#include "metrics/comparison.hpp"
#include "run/variant_run.hpp"

namespace mdasim {

struct MeasureSeries {
  std::string domain;   // "sar" or "isr"
  std::string subject;  // "all", or an incident or target class
  std::string metric;   // the measure's key, e.g. "response_mean_h"
  std::string units;    // "h", "1"
  std::string long_name;
  Better better = Better::kNeither;
  std::vector<double> values;  // per replication, NaN where undefined
};

// Every measure of a variant's results, in the order listed above (within a domain and subject,
// in the measures' own order).
[[nodiscard]] std::vector<MeasureSeries> measure_series(const Scenario& scenario, const VariantResults& results);

struct MeasureComparison {
  std::string domain;
  std::string subject;
  std::string metric;
  std::string units;
  std::string long_name;
  Better better = Better::kNeither;
  PairedComparison paired;
  Estimate per_musd;     // difference per US$ million (NaN for an option that costs nothing)
  std::string verdict;   // see above
};

struct OptionComparison {
  std::string variant;       // the option's group name in the results file
  std::string name;          // the option's name
  std::string description;
  std::string path;          // the option file
  double cost_musd = 0.0;
  std::vector<MeasureComparison> measures;  // in the baseline's order
};

// Pairs the option's series with the baseline's (matched by domain, subject and metric; the
// series must have one value per replication on both sides). Throws std::invalid_argument if
// the replication counts differ.
[[nodiscard]] std::vector<MeasureComparison> compare_measures(const std::vector<MeasureSeries>& baseline,
                                                              const std::vector<MeasureSeries>& option,
                                                              double cost_musd, double confidence = 0.95);

// The verdict for one difference (see above).
[[nodiscard]] std::string verdict(const PairedComparison& paired, Better better);

}  // namespace mdasim

// Presenting a comparison of options with their baseline (run/option_comparison.hpp): the table
// of paired differences in the results file, a JSON summary with stable keys, and the readable
// tables printed by `mdasim compare`.
//
// Results-file table `comparison/paired_differences`, one row per (option, measure): variant,
// domain ("sar", "isr"), class ("all" or a class), metric, units, long_name, better ("lower",
// "higher", "neither"), pairs, baseline_mean, baseline_ci_low, baseline_ci_high, option_mean,
// option_ci_low, option_ci_high, difference, difference_ci_low, difference_ci_high (option -
// baseline, in the measure's units), relative, relative_ci_low, relative_ci_high (option /
// baseline - 1), cost_musd, per_musd, per_musd_ci_low, per_musd_ci_high (difference per US$
// million), verdict.
//
// JSON (one object; numbers that are not finite are null):
//   {"baseline": {"scenario": name, "path": file}, "replications": N, "seed": S, "confidence": 0.95,
//    "options": [{"variant", "name", "description", "path", "cost_musd",
//                 "measures": [{"domain", "class", "metric", "units", "description", "better",
//                               "pairs", "baseline": {"mean", "ci_low", "ci_high"}, "option": {...},
//                               "difference": {...}, "relative": {...}, "per_musd": {...},
//                               "verdict"}, ...]}, ...]}
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "io/results_file.hpp"
#include "io/sar_results.hpp"
#include "run/option_comparison.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

void write_comparison_table(ResultsFile& file, const std::vector<OptionComparison>& options);

[[nodiscard]] std::string comparison_json(const Scenario& baseline, const SarRunInfo& run,
                                          const std::vector<OptionComparison>& options);

// Per option, the key measures (SAR over all incidents; ISR detection and alerting per target
// class and over all) with both means, the difference and relative change with their 95%
// intervals, the difference per US$ million and the verdict; then one line per option with the
// changes in the headline measures.
void print_comparison(std::ostream& out, const std::vector<OptionComparison>& options);

}  // namespace mdasim

// One measure compared between a baseline and an option run over the same replications on common
// random numbers: each side's mean, the paired difference (option - baseline) and the relative
// change (option / baseline - 1), each with its confidence interval, and the change per unit of
// the option's cost. What `mdasim compare` reports per measure.
//
// Pairs. Replication i of the option is paired with replication i of the baseline; a pair in
// which either value is not finite (a measure with nothing to average in that replication, such
// as the mean response of a class with no incident) is left out of every figure, so that all
// figures are over the same replications (`pairs`).
//
// Intervals (two-sided, Student t with pairs - 1 degrees of freedom):
//   difference  the mean of the differences d_i = o_i - b_i, +- t sd(d) / sqrt(n);
//   relative    r - 1 with r = mean(o) / mean(b) (the ratio of the means), +- t sd(e) / (sqrt(n)
//               |mean(b)|) with e_i = o_i - r b_i: the delta-method (linearised) interval of a
//               ratio of paired means (Cochran, Sampling Techniques, 3rd ed., 1977, section 6.4).
//               Not a number when mean(b) is 0.
//   per cost    the difference and its interval divided by the cost (a known constant); not a
//               number for a cost of 0 or less.
#pragma once

#include <span>

#include "metrics/statistics.hpp"

namespace mdasim {

struct PairedComparison {
  std::size_t pairs = 0;  // replications where both values are finite
  Estimate baseline;      // over those pairs
  Estimate option;
  Estimate difference;    // option - baseline
  Estimate relative;      // option / baseline - 1; sd is that of the linearised residuals e_i
};

// Throws std::invalid_argument if the lengths differ or unless 0 < confidence < 1.
[[nodiscard]] PairedComparison compare_paired(std::span<const double> option, std::span<const double> baseline,
                                              double confidence = 0.95);

// The difference per unit of cost (see the header comment).
[[nodiscard]] Estimate per_unit_cost(const Estimate& difference, double cost);

}  // namespace mdasim

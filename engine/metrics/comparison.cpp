// Paired comparison of one measure between a baseline and an option (see comparison.hpp).
#include "metrics/comparison.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace mdasim {

PairedComparison compare_paired(std::span<const double> option, std::span<const double> baseline, double confidence) {
  if (option.size() != baseline.size()) {
    throw std::invalid_argument("paired comparison of " + std::to_string(option.size()) + " option values with " +
                                std::to_string(baseline.size()) + " baseline values");
  }
  if (!(confidence > 0.0 && confidence < 1.0)) throw std::invalid_argument("confidence must be in (0, 1)");
  std::vector<double> o;
  std::vector<double> b;
  o.reserve(option.size());
  b.reserve(baseline.size());
  for (std::size_t i = 0; i < option.size(); ++i) {
    if (!std::isfinite(option[i]) || !std::isfinite(baseline[i])) continue;
    o.push_back(option[i]);
    b.push_back(baseline[i]);
  }
  PairedComparison c;
  c.pairs = o.size();
  c.baseline = mean_with_ci(b, confidence);
  c.option = mean_with_ci(o, confidence);
  c.difference = paired_difference(o, b, confidence);
  // The ratio of the means, with the interval of the linearised residuals.
  const double r = c.option.mean / c.baseline.mean;
  std::vector<double> e(o.size());
  for (std::size_t i = 0; i < o.size(); ++i) e[i] = o[i] - r * b[i];
  const Estimate residual = mean_with_ci(e, confidence);
  c.relative.n = c.pairs;
  c.relative.mean = r - 1.0;
  c.relative.sd = residual.sd;
  if (c.pairs > 0 && std::isfinite(r)) {
    const double half = c.pairs > 1 ? (residual.ci_high - residual.ci_low) / 2.0 / std::abs(c.baseline.mean)
                                    : std::numeric_limits<double>::infinity();
    c.relative.ci_low = c.relative.mean - half;
    c.relative.ci_high = c.relative.mean + half;
  } else {
    c.relative.mean = std::numeric_limits<double>::quiet_NaN();
  }
  return c;
}

Estimate per_unit_cost(const Estimate& difference, double cost) {
  Estimate out = difference;
  if (!(cost > 0.0)) {
    out.mean = out.ci_low = out.ci_high = out.sd = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  out.mean /= cost;
  out.ci_low /= cost;
  out.ci_high /= cost;
  out.sd /= cost;
  return out;
}

}  // namespace mdasim

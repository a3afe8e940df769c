// Means of the scenario's duration distributions (hours), for summaries and analytic fields.
#include <cmath>
#include <numbers>

#include "scenario/scenario.hpp"

namespace mdasim {

double Distribution::mean_h() const {
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kExponential: return a;
    case Kind::kUniform: return 0.5 * (a + b);
    case Kind::kNormal: {
      // Normal(mean a, sd b) truncated to [0, inf): a + b * phi(alpha) / (1 - Phi(alpha)),
      // alpha = -a / b.
      if (b <= 0.0) return std::max(a, 0.0);
      const double alpha = -a / b;
      const double phi = std::exp(-0.5 * alpha * alpha) / std::sqrt(2.0 * std::numbers::pi);
      const double tail = 0.5 * std::erfc(alpha / std::numbers::sqrt2);
      return a + b * phi / tail;
    }
    case Kind::kLognormal: return a * std::exp(0.5 * b * b);
    case Kind::kWeibull: return a * std::tgamma(1.0 + 1.0 / b);
  }
  return a;
}

}  // namespace mdasim

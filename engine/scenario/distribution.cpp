// Means and quantiles of the scenario's duration distributions (hours), for summaries, analytic
// fields and search suspension.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "metrics/statistics.hpp"
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

double Distribution::quantile_h(double p) const {
  switch (kind) {
    case Kind::kFixed: return a;
    case Kind::kExponential: return -a * std::log1p(-p);
    case Kind::kUniform: return a + p * (b - a);
    case Kind::kNormal: {
      // Truncated to [0, inf): F(x) = (Phi((x - a) / b) - Phi(alpha)) / (1 - Phi(alpha)).
      if (b <= 0.0) return std::max(a, 0.0);
      const double lower = 0.5 * std::erfc(a / (b * std::numbers::sqrt2));  // Phi(-a / b)
      return std::max(0.0, a + b * standard_normal_quantile(lower + p * (1.0 - lower)));
    }
    case Kind::kLognormal: return a * std::exp(b * standard_normal_quantile(p));
    case Kind::kWeibull: return a * std::pow(-std::log1p(-p), 1.0 / b);
  }
  return a;
}

}  // namespace mdasim

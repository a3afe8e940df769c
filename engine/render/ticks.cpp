// Nice tick values (see ticks.hpp).
#include "render/ticks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mdasim {

double nice_number(double x, bool round) {
  if (!(x > 0.0) || !std::isfinite(x)) return 0.0;
  const double exponent = std::floor(std::log10(x));
  const double power = std::pow(10.0, exponent);
  const double fraction = x / power;  // in [1, 10)
  double nice = 10.0;
  if (round) {
    if (fraction < 1.5) {
      nice = 1.0;
    } else if (fraction < 3.0) {
      nice = 2.0;
    } else if (fraction < 7.0) {
      nice = 5.0;
    }
  } else {
    if (fraction <= 1.0) {
      nice = 1.0;
    } else if (fraction <= 2.0) {
      nice = 2.0;
    } else if (fraction <= 5.0) {
      nice = 5.0;
    }
  }
  return nice * power;
}

namespace {

// The next smaller nice step: 10 -> 5 -> 2 -> 1 -> 0.5 ...
double smaller_step(double step) {
  const double power = std::pow(10.0, std::floor(std::log10(step) + 1e-9));
  const double leading = std::round(step / power);
  if (leading >= 5.0) return 2.0 * power;
  if (leading >= 2.0) return power;
  return 0.5 * power;
}

std::vector<double> multiples_within(double low, double high, double step) {
  std::vector<double> values;
  const double slack = step * 1e-6;
  const double first = std::ceil((low - slack) / step);
  const double last = std::floor((high + slack) / step);
  for (double k = first; k <= last && values.size() < 1000; k += 1.0) {
    double v = k * step;
    if (std::abs(v) < slack) v = 0.0;
    values.push_back(v);
  }
  return values;
}

}  // namespace

Ticks nice_ticks(double low, double high, int target) {
  Ticks ticks;
  if (!std::isfinite(low)) return ticks;
  if (!std::isfinite(high) || !(high > low)) {
    ticks.values.push_back(low);
    return ticks;
  }
  const int n = std::max(target, 2);
  double step = nice_number((high - low) / static_cast<double>(n - 1), true);
  std::vector<double> values = multiples_within(low, high, step);
  for (int guard = 0; values.size() < 2 && guard < 60; ++guard) {
    step = smaller_step(step);
    values = multiples_within(low, high, step);
  }
  ticks.step = step;
  ticks.decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  ticks.values = std::move(values);
  return ticks;
}

std::string format_tick(double value, int decimals) {
  const int d = std::clamp(decimals, 0, 12);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", d, value);
  std::string text(buf);
  // "-0", "-0.00": a value that rounds to zero is written without its sign.
  if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
  return text;
}

}  // namespace mdasim

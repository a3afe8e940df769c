// The engine's own random variates, written out so that results are the same with every
// compiler and standard library (the standard library's distributions are not specified
// exactly and differ between implementations). Each function consumes numbers from one stream.
// Durations in hours.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/random_stream.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// Exponential with the given mean, by inversion.
[[nodiscard]] double sample_exponential(RandomStream& rng, double mean);
// Standard normal, by the Marsaglia polar method (two uniforms per accepted pair; the pair's
// second value is not kept, so each call is a pure function of the stream's position).
[[nodiscard]] double sample_standard_normal(RandomStream& rng);
[[nodiscard]] double sample_normal(RandomStream& rng, double mean, double sd);
// Normal truncated to [0, inf), by rejection (mean >= -sd) or exponential tilting otherwise.
[[nodiscard]] double sample_normal_nonnegative(RandomStream& rng, double mean, double sd);
// ln X ~ N(ln median, sigma^2).
[[nodiscard]] double sample_lognormal(RandomStream& rng, double median, double sigma);
// P(X > t) = exp(-(t/scale)^shape), by inversion.
[[nodiscard]] double sample_weibull(RandomStream& rng, double scale, double shape);
[[nodiscard]] double sample_uniform(RandomStream& rng, double lo, double hi);
// Poisson with the given mean: multiplication of uniforms for small means, the PTRS
// transformed rejection of Hörmann (1993) for means of 10 and more.
[[nodiscard]] std::uint64_t sample_poisson(RandomStream& rng, double mean);
// A scenario duration distribution.
[[nodiscard]] double sample(RandomStream& rng, const Distribution& d);

// Discrete choice among weights (non-negative, not all zero) by Walker's alias method: O(1) a
// draw after O(n) set-up.
class DiscreteChoice {
 public:
  DiscreteChoice() = default;
  explicit DiscreteChoice(std::span<const double> weights);
  [[nodiscard]] std::size_t sample(RandomStream& rng) const;
  [[nodiscard]] std::size_t size() const { return probability_.size(); }

 private:
  std::vector<double> probability_;
  std::vector<std::uint32_t> alias_;
};

}  // namespace mdasim

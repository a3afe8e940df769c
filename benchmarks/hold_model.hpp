// The hold model's inputs, shared by the event-kernel benchmark and its peers' (ns-3's
// schedulers): the pending-set sizes and one pre-drawn sequence of exponential increments (mean
// 1), reused cyclically, so every pending-event set is fed exactly the same times.
#pragma once

#include <cstddef>
#include <vector>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"

namespace mdasim::bench {

inline constexpr std::size_t kHoldIncrements = std::size_t{1} << 20;  // a power of two: index & (n - 1)
inline constexpr long kHoldSmallest = 1000;                           // pending events: 10^3 to 10^6
inline constexpr long kHoldLargest = 1000000;

// The increments, in the hold model's time unit (the kernel reads them as hours).
inline std::vector<double> hold_increments() {
  RandomStream rng(1, 0, 0, StreamPurpose::kTest);
  std::vector<double> out(kHoldIncrements);
  for (double& x : out) x = sample_exponential(rng, 1.0);
  return out;
}

}  // namespace mdasim::bench

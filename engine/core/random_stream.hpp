// Random streams for the simulation: a counter-based generator (Random123's Philox4x64-10)
// keyed by (seed, variant) with counter (replication, purpose, block), so that every
// replication and every purpose (incidents, asset outages, search, ...) draws from its own
// independent stream. A stream's numbers depend only on those keys: not on thread count,
// scheduling, or what other streams drew. Adding an asset does not change the incidents.
#pragma once

#include <cstdint>

#include <Random123/philox.h>

namespace mdasim {

// What a stream is for. Options that change only assets keep the same incident streams.
enum class StreamPurpose : std::uint64_t {
  kIncidents = 1,
  kTargets = 2,
  kAlerting = 3,
  kAssets = 4,
  kSearch = 5,
  kSurvival = 6,
  kSensors = 7,
  kSightings = 8,  // detections by patrols' sensors: one draw per (object, sortie, sensor)
  kTest = 1000,
};

class RandomStream {
  __extension__ using u128 = unsigned __int128;  // GCC/Clang's 128-bit integer, for Lemire's method

 public:
  // `variant` distinguishes the options of a comparison that must NOT share numbers; use 0 for
  // common random numbers across options. `substream` separates entities within one purpose
  // (e.g. asset k of the outage stream).
  RandomStream(std::uint64_t seed, std::uint64_t variant, std::uint64_t replication, StreamPurpose purpose,
               std::uint64_t substream = 0)
      : key_{{seed, variant}}, counter_{{replication, static_cast<std::uint64_t>(purpose), substream, 0}} {}

  // The next 64 random bits.
  std::uint64_t next_u64() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }

  // Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  // Uniform on (0, 1): never 0, so log() is safe.
  double uniform_open() { return (static_cast<double>(next_u64() >> 11) + 0.5) * 0x1.0p-53; }

  // Uniform integer on [0, n) without modulo bias (n > 0).
  std::uint64_t below(std::uint64_t n) {
    // Lemire's multiply-shift with rejection.
    u128 m = static_cast<u128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<u128>(next_u64()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }

 private:
  void refill() {
    block_ = philox_(counter_, key_);
    ++counter_.v[3];
    used_ = 0;
  }

  r123::Philox4x64 philox_;
  r123::Philox4x64::key_type key_;
  r123::Philox4x64::ctr_type counter_;
  r123::Philox4x64::ctr_type block_{};
  unsigned used_ = 4;
};

}  // namespace mdasim

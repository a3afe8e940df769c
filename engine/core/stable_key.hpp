// Stable 64-bit keys from names (FNV-1a), for the substreams of per-entity random streams: an
// entity keyed by its name keeps its numbers when other entities are added or removed.
#pragma once

#include <cstdint>
#include <string_view>

namespace mdasim {

[[nodiscard]] constexpr std::uint64_t stable_key(std::string_view name) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
  for (const char c : name) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;  // FNV prime
  }
  return h;
}

// The key of the `copy`-th unit of a named entry (units of one asset entry).
[[nodiscard]] constexpr std::uint64_t stable_key(std::string_view name, std::int64_t copy) {
  const std::uint64_t h = stable_key(name);
  return h ^ (static_cast<std::uint64_t>(copy) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

}  // namespace mdasim

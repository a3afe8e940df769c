// Sightings by patrol sorties (see sightings.hpp).
#include "model/sightings.hpp"

#include <cmath>
#include <limits>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"

namespace mdasim {

void sortie_track(const PatrolSetup& setup, const PatrolSortie& sortie, std::vector<TrackPoint>& out) {
  const double duration_h = sortie.station_end_h - sortie.station_start_h;
  if (!(duration_h > 0.0)) return;
  const PatrolUnit& unit = setup.units()[static_cast<std::size_t>(sortie.unit)];
  const PatrolPlan& plan = setup.patrols()[static_cast<std::size_t>(sortie.patrol)];
  append_route_track(plan.route, 0.0, unit.search_speed_kt, sortie.station_start_h, duration_h, out);
}

std::uint64_t sighting_substream(SightingObject kind, std::uint32_t object_index, std::uint32_t sortie_index,
                                 std::uint32_t law_index) {
  constexpr std::uint32_t kObjectLimit = 1U << 30;
  constexpr std::uint32_t kSortieLimit = 1U << 24;
  constexpr std::uint32_t kLawLimit = 1U << 8;
  const auto k = static_cast<std::uint64_t>(kind);
  if (object_index < kObjectLimit && sortie_index < kSortieLimit && law_index < kLawLimit) {
    return (k << 62) | (std::uint64_t{object_index} << 32) | (std::uint64_t{sortie_index} << 8) | law_index;
  }
  // Beyond the packed ranges: a 64-bit mix (splitmix64 finaliser) with the top bit set, which the
  // packed keys never have with kind < 2.
  std::uint64_t x = (k << 56) ^ (std::uint64_t{object_index} << 24) ^ (std::uint64_t{sortie_index} * 0x9e3779b97f4a7c15ULL) ^ law_index;
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x | (std::uint64_t{1} << 63);
}

Sighting first_sighting(const PatrolSetup& setup, const PatrolSortie& sortie, std::uint32_t sortie_index,
                        std::span<const TrackPoint> track, std::span<const TrackPoint> object_track,
                        int search_object_index, const ReplicationKey& key, SightingObject kind,
                        std::uint32_t object_index, double from_h, double to_h) {
  Sighting best;
  if (track.empty() || object_track.empty() || !(from_h <= to_h)) return best;
  const PatrolUnit& unit = setup.units()[static_cast<std::size_t>(sortie.unit)];
  const std::span<const MobileSensorLaw> laws = setup.laws(unit.type_index, search_object_index);
  const std::span<const double> delays_h = setup.reporting_delays_h(unit.type_index, search_object_index);
  for (std::size_t l = 0; l < laws.size(); ++l) {
    double needed = 0.0;
    if (laws[l].law == DetectionModel::kInverseCube) {
      RandomStream rng(key.seed, key.variant, key.replication, StreamPurpose::kSightings,
                       sighting_substream(kind, object_index, sortie_index, static_cast<std::uint32_t>(l)));
      needed = sample_exponential(rng, 1.0);
    }
    const double t = detection_time_h(track, object_track, laws[l], from_h, needed);
    if (!(t <= to_h)) continue;  // never, or too late
    const double reported_h = t + delays_h[l];
    if (std::isnan(best.reported_h) || reported_h < best.reported_h) best = {t, reported_h};
  }
  return best;
}

}  // namespace mdasim

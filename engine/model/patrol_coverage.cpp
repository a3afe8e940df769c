// Coverage of the grid by patrol sorties (see patrol_coverage.hpp).
#include "model/patrol_coverage.hpp"

#include <algorithm>
#include <cmath>

#include "model/sightings.hpp"
#include "model/target_detection.hpp"

namespace mdasim {

double coverage_radius_nm(std::span<const MobileSensorLaw> laws) {
  double best = 0.0;
  for (const MobileSensorLaw& law : laws) best = std::max(best, std::min(law.sweep_width_nm / 2.0, law.max_range_nm));
  return best;
}

PatrolCoverageSetup::PatrolCoverageSetup(const PatrolSetup& patrols, const Geography& geography, int search_object_index)
    : patrols_(&patrols), geography_(&geography) {
  radius_nm_.reserve(patrols.units().size());
  for (const PatrolUnit& u : patrols.units()) {
    radius_nm_.push_back(search_object_index < 0 ? 0.0 : coverage_radius_nm(patrols.laws(u.type_index, search_object_index)));
  }
}

void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out) {
  const double radius_nm = setup.radius_nm(sortie.unit);
  if (!(radius_nm > 0.0)) return;
  std::vector<TrackPoint> track;
  sortie_track(setup.patrols(), sortie, track);
  const Grid& grid = setup.geography().grid();
  const std::vector<std::uint8_t>& sea = setup.geography().sea.sea();
  // Per cell, the intervals of consecutive segments that touch are joined, so that a cell under
  // a vertex is one interval, not two.
  std::vector<CoverageInterval> local;
  for (std::size_t s = 0; s + 1 < track.size(); ++s) {
    const TrackPoint& a = track[s];
    const TrackPoint& b = track[s + 1];
    if (!(b.time_h > a.time_h)) continue;
    // The cells whose centre may lie within the radius: the segment's box grown by the radius.
    const double mid_lat = 0.5 * (a.position.lat_deg + b.position.lat_deg);
    const LocalFrame frame({a.position.lon_deg, mid_lat});
    const double grow_lon = radius_nm / frame.nm_per_deg_lon;
    const double grow_lat = radius_nm / frame.nm_per_deg_lat;
    const double lon0 = std::min(a.position.lon_deg, b.position.lon_deg) - grow_lon;
    const double lon1 = std::max(a.position.lon_deg, b.position.lon_deg) + grow_lon;
    const double lat0 = std::min(a.position.lat_deg, b.position.lat_deg) - grow_lat;
    const double lat1 = std::max(a.position.lat_deg, b.position.lat_deg) + grow_lat;
    const double cell = grid.cell_deg();
    const int c0 = std::max(0, static_cast<int>(std::floor((lon0 - grid.lon_min_deg()) / cell)));
    const int c1 = std::min(grid.cols() - 1, static_cast<int>(std::floor((lon1 - grid.lon_min_deg()) / cell)));
    const int r0 = std::max(0, static_cast<int>(std::floor((lat0 - grid.lat_min_deg()) / cell)));
    const int r1 = std::min(grid.rows() - 1, static_cast<int>(std::floor((lat1 - grid.lat_min_deg()) / cell)));
    for (int r = r0; r <= r1; ++r) {
      for (int c = c0; c <= c1; ++c) {
        const std::size_t index = grid.index(r, c);
        if (sea[index] == 0) continue;
        const LocalFrame at({grid.center_lon(c), grid.center_lat(r)});
        const auto iv = in_range_interval(at, radius_nm, a, b);
        if (!iv || !(iv->end_h > iv->start_h)) continue;
        local.push_back({index, iv->start_h, iv->end_h});
      }
    }
  }
  std::sort(local.begin(), local.end(), [](const CoverageInterval& x, const CoverageInterval& y) {
    return x.cell != y.cell ? x.cell < y.cell : x.start_h < y.start_h;
  });
  for (std::size_t k = 0; k < local.size();) {
    CoverageInterval joined = local[k];
    std::size_t n = k + 1;
    while (n < local.size() && local[n].cell == joined.cell && local[n].start_h <= joined.end_h) {
      joined.end_h = std::max(joined.end_h, local[n].end_h);
      ++n;
    }
    out.push_back(joined);
    k = n;
  }
}

void add_patrol_coverage(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                         CoverageAccumulator& accumulator) {
  std::vector<CoverageInterval> intervals;
  for (const PatrolSortie& so : sorties) sortie_coverage(setup, so, intervals);
  accumulator.add_batch(intervals);
  accumulator.finish();
}

}  // namespace mdasim

// Coverage of the grid by patrol sorties (see patrol_coverage.hpp).
#include "model/patrol_coverage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "model/sightings.hpp"

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
  const Grid& grid = geography.grid();
  row_frames_.reserve(static_cast<std::size_t>(grid.rows()));
  for (int r = 0; r < grid.rows(); ++r) row_frames_.emplace_back(GeoPoint{0.0, grid.center_lat(r)});
}

namespace {

constexpr std::uint32_t kNoInterval = std::numeric_limits<std::uint32_t>::max();

// sortie_coverage with the caller's `latest`: per grid cell, kNoInterval on entry and on return
// (in between, the index in `out` of the cell's latest interval from this sortie).
void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out,
                     std::vector<std::uint32_t>& latest) {
  const double radius_nm = setup.radius_nm(sortie.unit);
  if (!(radius_nm > 0.0)) return;
  std::vector<TrackPoint> track;
  sortie_track(setup.patrols(), sortie, track);
  const Grid& grid = setup.geography().grid();
  const std::vector<std::uint8_t>& sea = setup.geography().sea.sea();
  // Per cell, the intervals of consecutive segments that touch are joined, so that a cell under
  // a vertex is one interval, not two. Segments come in time order, so each cell's intervals
  // come in order of start, and each is joined to the cell's latest if it starts by its end.
  const std::size_t first = out.size();
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
    // A centre that the segment passes within the radius of is within it of a point of the
    // segment at most the radius north or south of the centre; widened by a margin far above
    // the rounding of the solution below, so that no cell it would find is left out.
    const double reach_nm = radius_nm * (1.0 + 1e-9) + 1e-9;
    for (int r = r0; r <= r1; ++r) {
      const LocalFrame& row = setup.row_frame(r);
      const double cy = grid.center_lat(r);
      const double ya = (a.position.lat_deg - cy) * row.nm_per_deg_lat;
      const double yb = (b.position.lat_deg - cy) * row.nm_per_deg_lat;
      double f0 = 0.0;
      double f1 = 1.0;
      if (ya != yb) {
        const double fa = (-reach_nm - ya) / (yb - ya);
        const double fb = (reach_nm - ya) / (yb - ya);
        f0 = std::max(0.0, std::min(fa, fb));
        f1 = std::min(1.0, std::max(fa, fb));
        if (!(f0 <= f1)) continue;
      } else if (std::abs(ya) > reach_nm) {
        continue;
      }
      const double dlon = b.position.lon_deg - a.position.lon_deg;
      const double grow_row_lon = reach_nm / row.nm_per_deg_lon;
      const double near0 = std::min(a.position.lon_deg + f0 * dlon, a.position.lon_deg + f1 * dlon) - grow_row_lon;
      const double near1 = std::max(a.position.lon_deg + f0 * dlon, a.position.lon_deg + f1 * dlon) + grow_row_lon;
      // Columns whose centre lies in [near0, near1], give or take one, within the box (all of
      // the box's should a bound not be a number).
      const double x0 = std::floor((near0 - grid.lon_min_deg()) / cell - 0.5);
      const double x1 = std::ceil((near1 - grid.lon_min_deg()) / cell - 0.5);
      const int cc0 = x0 > c0 ? static_cast<int>(std::min(x0, static_cast<double>(c1) + 1.0)) : c0;
      const int cc1 = x1 < c1 ? static_cast<int>(std::max(x1, static_cast<double>(c0) - 1.0)) : c1;
      for (int c = cc0; c <= cc1; ++c) {
        const std::size_t index = grid.index(r, c);
        if (sea[index] == 0) continue;
        LocalFrame at = row;
        at.origin = {grid.center_lon(c), cy};
        const auto iv = in_range_interval(at, radius_nm, a, b);
        if (!iv || !(iv->end_h > iv->start_h)) continue;
        std::uint32_t& last = latest[index];
        if (last != kNoInterval && iv->start_h <= out[last].end_h) {
          out[last].end_h = std::max(out[last].end_h, iv->end_h);
        } else {
          last = static_cast<std::uint32_t>(out.size());
          out.push_back({index, iv->start_h, iv->end_h});
        }
      }
    }
  }
  for (std::size_t k = first; k < out.size(); ++k) latest[out[k].cell] = kNoInterval;
}

}  // namespace

void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out) {
  std::vector<std::uint32_t> latest(setup.geography().grid().size(), kNoInterval);
  sortie_coverage(setup, sortie, out, latest);
}

void add_patrol_coverage(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                         CoverageAccumulator& accumulator, std::vector<CoverageInterval>* out) {
  std::vector<CoverageInterval> intervals;
  std::vector<std::uint32_t> latest(setup.geography().grid().size(), kNoInterval);
  for (const PatrolSortie& so : sorties) sortie_coverage(setup, so, intervals, latest);
  accumulator.add_batch(intervals);
  accumulator.finish();
  if (out != nullptr) out->insert(out->end(), intervals.begin(), intervals.end());
}

}  // namespace mdasim

// Coverage of the grid by patrol sorties (see patrol_coverage.hpp).
#include "model/patrol_coverage.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "geo/segment_in_circle.hpp"
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

// What depends only on the row in in_radius(): y0 and dy, and their squares.
struct RowSegment {
  double y0 = 0.0;
  double dy = 0.0;
  double y0_squared = 0.0;
  double dy_squared = 0.0;
};

using SegmentCell = PatrolSegmentCache::Cell;

// Whether a unit flying from a to b comes within `radius_nm` of the centre of a cell of a grid
// row, and when, as fractions of the segment in `out`: in_range_interval() (target_detection.hpp)
// in the row's frame moved to the centre (the same segment_in_circle), hence the same times once
// scaled by times_of().
bool in_radius(double nm_per_deg_lon, double center_lon_deg, const RowSegment& row, double radius_nm,
               const GeoPoint& a, const GeoPoint& b, SegmentCell& out) {
  const double x0 = (a.lon_deg - center_lon_deg) * nm_per_deg_lon;
  const double dx = (b.lon_deg - center_lon_deg) * nm_per_deg_lon - x0;
  const std::optional<SegmentInCircle> in =
      segment_in_circle(x0, dx, row.y0, row.dy, row.y0_squared, row.dy_squared, radius_nm);
  if (!in) return false;
  out.whole = in->whole;
  out.tau_in = in->tau_in;
  out.tau_out = in->tau_out;
  return true;
}

// The times of a SegmentCell on the segment from a to b (as in_range_interval() gives them).
TimeInterval times_of(const SegmentCell& c, const TrackPoint& a, const TrackPoint& b) {
  if (c.whole) return {a.time_h, b.time_h};
  const double span_h = b.time_h - a.time_h;
  return {a.time_h + c.tau_in * span_h, a.time_h + c.tau_out * span_h};
}

// Appends to `out` the sea cells whose centre a unit flying from a to b comes within `radius_nm` of.
void segment_cells(const PatrolCoverageSetup& setup, double radius_nm, const GeoPoint& a, const GeoPoint& b,
                   std::vector<SegmentCell>& out) {
  const Grid& grid = setup.geography().grid();
  const std::vector<std::uint8_t>& sea = setup.geography().sea.sea();
  // The cells whose centre may lie within the radius: the segment's box grown by the radius.
  const double mid_lat = 0.5 * (a.lat_deg + b.lat_deg);
  const LocalFrame frame({a.lon_deg, mid_lat});
  const double grow_lon = radius_nm / frame.nm_per_deg_lon;
  const double grow_lat = radius_nm / frame.nm_per_deg_lat;
  const double lon0 = std::min(a.lon_deg, b.lon_deg) - grow_lon;
  const double lon1 = std::max(a.lon_deg, b.lon_deg) + grow_lon;
  const double lat0 = std::min(a.lat_deg, b.lat_deg) - grow_lat;
  const double lat1 = std::max(a.lat_deg, b.lat_deg) + grow_lat;
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
    const double ya = (a.lat_deg - cy) * row.nm_per_deg_lat;
    const double yb = (b.lat_deg - cy) * row.nm_per_deg_lat;
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
    const double dlon = b.lon_deg - a.lon_deg;
    const double grow_row_lon = reach_nm / row.nm_per_deg_lon;
    const double near0 = std::min(a.lon_deg + f0 * dlon, a.lon_deg + f1 * dlon) - grow_row_lon;
    const double near1 = std::max(a.lon_deg + f0 * dlon, a.lon_deg + f1 * dlon) + grow_row_lon;
    // Columns whose centre lies in [near0, near1], give or take one, within the box (all of
    // the box's should a bound not be a number).
    const double x0 = std::floor((near0 - grid.lon_min_deg()) / cell - 0.5);
    const double x1 = std::ceil((near1 - grid.lon_min_deg()) / cell - 0.5);
    const int cc0 = x0 > c0 ? static_cast<int>(std::min(x0, static_cast<double>(c1) + 1.0)) : c0;
    const int cc1 = x1 < c1 ? static_cast<int>(std::max(x1, static_cast<double>(c0) - 1.0)) : c1;
    const RowSegment in_row{ya, yb - ya, ya * ya, (yb - ya) * (yb - ya)};
    for (int c = cc0; c <= cc1; ++c) {
      const std::size_t index = grid.index(r, c);
      if (sea[index] == 0) continue;
      SegmentCell hit;
      if (!in_radius(row.nm_per_deg_lon, grid.center_lon(c), in_row, radius_nm, a, b, hit)) continue;
      hit.cell = static_cast<std::uint32_t>(index);
      out.push_back(hit);
    }
  }
}

}  // namespace

std::span<const PatrolSegmentCache::Cell> PatrolSegmentCache::cells(const PatrolCoverageSetup& setup, double radius_nm,
                                                                     const GeoPoint& a, const GeoPoint& b) {
  const Key key{std::bit_cast<std::uint64_t>(a.lon_deg), std::bit_cast<std::uint64_t>(a.lat_deg),
                std::bit_cast<std::uint64_t>(b.lon_deg), std::bit_cast<std::uint64_t>(b.lat_deg),
                std::bit_cast<std::uint64_t>(radius_nm)};
  auto found = segments_.find(key);
  if (found == segments_.end()) {
    if (cells_.size() > kMaxCells) {
      segments_.clear();
      cells_.clear();
    }
    const std::size_t first = cells_.size();
    segment_cells(setup, radius_nm, a, b, cells_);
    found = segments_.emplace(key, std::pair{first, cells_.size() - first}).first;
  }
  return std::span<const Cell>(cells_).subspan(found->second.first, found->second.second);
}

std::size_t PatrolSegmentCache::KeyHash::operator()(const Key& k) const {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (const std::uint64_t word : k) h = (h ^ word) * 0xff51afd7ed558ccdULL + (h >> 29);
  return static_cast<std::size_t>(h);
}

namespace {

// sortie_coverage with the caller's working memory: `track`, `segments`, and `latest`: per grid
// cell, kNoInterval on entry and on return (in between, the index in `out` of the cell's latest
// interval from this sortie).
void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out,
                     PatrolCoverageBuffers& buffers) {
  const double radius_nm = setup.radius_nm(sortie.unit);
  if (!(radius_nm > 0.0)) return;
  std::vector<TrackPoint>& track = buffers.track;
  std::vector<std::uint32_t>& latest = buffers.latest;
  track.clear();
  sortie_track(setup.patrols(), sortie, track);
  // Per cell, the intervals of consecutive segments that touch are joined, so that a cell under
  // a vertex is one interval, not two. Segments come in time order, so each cell's intervals
  // come in order of start, and each is joined to the cell's latest if it starts by its end.
  const std::size_t first = out.size();
  for (std::size_t s = 0; s + 1 < track.size(); ++s) {
    const TrackPoint& a = track[s];
    const TrackPoint& b = track[s + 1];
    if (!(b.time_h > a.time_h)) continue;
    for (const SegmentCell& hit : buffers.segments.cells(setup, radius_nm, a.position, b.position)) {
      const TimeInterval iv = times_of(hit, a, b);
      if (!(iv.end_h > iv.start_h)) continue;
      std::uint32_t& last = latest[hit.cell];
      if (last != kNoInterval && iv.start_h <= out[last].end_h) {
        out[last].end_h = std::max(out[last].end_h, iv.end_h);
      } else {
        last = static_cast<std::uint32_t>(out.size());
        out.push_back({hit.cell, iv.start_h, iv.end_h});
      }
    }
  }
  for (std::size_t k = first; k < out.size(); ++k) latest[out[k].cell] = kNoInterval;
}

}  // namespace

void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out) {
  PatrolCoverageBuffers buffers;
  buffers.latest.assign(setup.geography().grid().size(), kNoInterval);
  sortie_coverage(setup, sortie, out, buffers);
}

void patrol_coverage_seconds(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                             const CoverageAccumulator& window, CoverageByCell& out, PatrolCoverageBuffers& buffers,
                             CoverageSorter& sorter) {
  buffers.latest.resize(setup.geography().grid().size(), kNoInterval);
  buffers.seconds.clear();
  for (const PatrolSortie& so : sorties) {
    // In seconds sortie by sortie, while its intervals are in the cache.
    buffers.intervals.clear();
    sortie_coverage(setup, so, buffers.intervals, buffers);
    window.append_clipped(buffers.intervals, buffers.seconds);
  }
  // A sortie gives each cell its intervals in order of start, and sorties come one after another:
  // mostly in order already.
  sorter.sort(buffers.seconds, out);
}

void add_patrol_coverage(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                         CoverageAccumulator& accumulator) {
  CoverageByCell cells;
  PatrolCoverageBuffers buffers;
  CoverageSorter sorter;
  patrol_coverage_seconds(setup, sorties, accumulator, cells, buffers, sorter);
  accumulator.add_replication(cells);
}

}  // namespace mdasim

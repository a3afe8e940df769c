// Coverage of the grid by patrol sorties: the sea cells each sortie's sensors sweep while on
// station, and when. Hours, nm.
//
// A cell is covered by a sortie while the unit is within its coverage radius of the cell's centre,
// on the sortie's on-station track (model/sightings.hpp). The radius is for the same search object
// as the fixed sensors' coverage maps (the lowest target, model/fixed_sensors.hpp), over the
// unit's sensors: a definite-range sensor's min(W/2, range), an inverse-cube sensor's W/2 capped
// by its range (the half-width of the swath inside which one pass detects as much as the whole
// lateral-range curve does: the definite-range sensor of the same sweep width). The intervals are
// solved per track segment in the flat frame around the cell's centre (target_detection.hpp), no
// time stepping. A unit without a sensor for the object covers nothing.
//
// Cost: per segment only the cells near it are solved: in each grid row, those whose centre lies
// within the radius (in the row's frame, with a margin far above rounding) of the part of the
// segment within the radius of the row's centre latitude; the frames' scales depend only on the
// latitude, so they are computed once per grid row. A segment's cells, with the fractions of it
// over which each is covered, depend only on its end points and the radius: sorties fly their
// patrol's route again and again, so they are solved once per distinct segment
// (PatrolSegmentCache) and scaled to each sortie's times, which gives the same numbers as solving
// afresh.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "geo/geography.hpp"
#include "model/target_detection.hpp"
#include "metrics/coverage.hpp"
#include "metrics/coverage_sort.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_records.hpp"

namespace mdasim {

class PatrolCoverageSetup {
 public:
  // `patrols` and `geography` must outlive the setup; `search_object_index` may be kNoIndex (no
  // coverage).
  PatrolCoverageSetup(const PatrolSetup& patrols, const Geography& geography, int search_object_index);

  [[nodiscard]] const PatrolSetup& patrols() const { return *patrols_; }
  [[nodiscard]] const Geography& geography() const { return *geography_; }
  // Per PatrolSetup unit: its coverage radius (nm), 0 when it covers nothing.
  [[nodiscard]] double radius_nm(int unit) const { return radius_nm_[static_cast<std::size_t>(unit)]; }
  // The flat frame of the centres of grid row `row` (its origin's longitude 0): the frame around
  // a cell's centre is this one with the origin moved to the centre.
  [[nodiscard]] const LocalFrame& row_frame(int row) const { return row_frames_[static_cast<std::size_t>(row)]; }

 private:
  const PatrolSetup* patrols_;
  const Geography* geography_;
  std::vector<double> radius_nm_;
  std::vector<LocalFrame> row_frames_;
};

// The coverage radius (nm) of a set of detection laws (see the header comment).
[[nodiscard]] double coverage_radius_nm(std::span<const MobileSensorLaw> laws);

// The covered intervals of one sortie, appended to `out` (any order).
void sortie_coverage(const PatrolCoverageSetup& setup, const PatrolSortie& sortie, std::vector<CoverageInterval>& out);

// The cells a track segment covers, by the segment's end points and the radius (bit for bit):
// sorties of a patrol fly the same route again and again, so most segments recur within a
// replication and from one to the next. Per cell, when the unit is within the radius, as
// fractions of the segment (times_of in patrol_coverage.cpp turns them into the same times as a
// solution afresh). Serves one PatrolCoverageSetup; forgets all once it holds kMaxCells cells.
class PatrolSegmentCache {
 public:
  struct Cell {
    std::uint32_t cell = 0;
    bool whole = false;  // a segment of no length (in the frame) within the radius: all of it
    double tau_in = 0.0;
    double tau_out = 0.0;
  };
  // The cells of the segment from a to b for `radius_nm`, solved on first use. The span is valid
  // until the next call.
  [[nodiscard]] std::span<const Cell> cells(const PatrolCoverageSetup& setup, double radius_nm, const GeoPoint& a,
                                            const GeoPoint& b);

 private:
  static constexpr std::size_t kMaxCells = std::size_t{1} << 20;
  using Key = std::array<std::uint64_t, 5>;
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  std::unordered_map<Key, std::pair<std::size_t, std::size_t>, KeyHash> segments_;  // first cell, count
  std::vector<Cell> cells_;
};

// Working memory of patrol_coverage_seconds(), kept by the caller from one replication to the
// next so that none is allocated again. Serves one PatrolCoverageSetup.
struct PatrolCoverageBuffers {
  std::vector<TrackPoint> track;
  std::vector<CoverageInterval> intervals;
  std::vector<CoverageSeconds> seconds;  // the intervals in window seconds, before grouping by cell
  std::vector<std::uint32_t> latest;  // per grid cell, between sorties all "none"
  PatrolSegmentCache segments;
};

// One replication's coverage by its sorties in whole seconds of the window of `window` (an
// accumulator sized for the grid and measuring the run's window; only its grid and window are
// used): `out` replaced by the intervals, grouped by cell and start (by `sorter`).
void patrol_coverage_seconds(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                             const CoverageAccumulator& window, CoverageByCell& out, PatrolCoverageBuffers& buffers,
                             CoverageSorter& sorter);

// Adds one replication's sorties to `accumulator` and finishes the replication.
void add_patrol_coverage(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                         CoverageAccumulator& accumulator);

}  // namespace mdasim

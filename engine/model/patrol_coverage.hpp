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
// latitude, so they are computed once per grid row.
#pragma once

#include <vector>

#include "geo/geography.hpp"
#include "model/target_detection.hpp"
#include "metrics/coverage.hpp"
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

// Adds one replication's sorties to `accumulator` and finishes the replication; the intervals
// are also appended to `intervals` when given (for a union with other sensors).
void add_patrol_coverage(const PatrolCoverageSetup& setup, const std::vector<PatrolSortie>& sorties,
                         CoverageAccumulator& accumulator, std::vector<CoverageInterval>* intervals = nullptr);

}  // namespace mdasim

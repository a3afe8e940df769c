// The analytic SAR response-time field: for every sea cell of the grid, the expected time from
// the alert to the first unit's arrival, if the first unit to be asked is chosen among those up
// (not down for maintenance), and the probability that no unit able to respond is up.
//
// Per cell, the units that may respond (the responsible state's own, others where the policy
// allows) and can (endurance covers transit out, the minimum search time and transit back) are
// sorted by arrival time t_1 <= t_2 <= ..., with
//   t_k = centre processing + foreign delay (sharing + coordination) + readiness + distance / cruise speed,
// and the centre sends the earliest that is up. Unit k is up with probability a_k (its type's
// mission-capable rate), independently, so the first up unit is k with probability
//   p_k = a_k prod_{j<k} (1 - a_j),
// the expected response given that some unit is up is sum_k p_k t_k / sum_k p_k, and none is up
// with probability prod_k (1 - a_k) = 1 - sum_k p_k. Units of one asset entry share their
// arrival time, so an entry of n units enters as one candidate up with probability
// 1 - (1 - a)^n. The field ignores units busy with other incidents (SAR units are busy a few per
// cent of the time in the baseline; the simulated field, by cell, shows the difference).
// Distances: the haversine on the mean sphere for aircraft (within 0.5% of the geodesic, see
// geo/geodesy.hpp), the port's over-water field at the cell for vessels. Hours, nm.
#pragma once

#include <vector>

#include "model/sar_setup.hpp"

namespace mdasim {

struct ResponseFieldOptions {
  // The search object the unit must have a sweep width for; kNoIndex: any unit may search.
  int search_object_index = kNoIndex;
  double min_search_time_h = 1.0;
  unsigned threads = 1;  // the field does not depend on it
};

struct ResponseField {
  // Per grid cell, row-major (Grid::index); NaN on land. expected_response_h is NaN where no
  // unit may and can respond (p_none is then 1).
  std::vector<float> expected_response_h;
  std::vector<float> p_none;
};

[[nodiscard]] ResponseField analytic_response_field(const SarSetup& setup, const ResponseFieldOptions& options = {});

}  // namespace mdasim

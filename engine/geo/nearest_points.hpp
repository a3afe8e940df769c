// A fixed set of points on the ellipsoid and the two questions asked of it when checking what a
// sensor, patrol or SAR unit can reach: is any point within a distance of a place, and which
// point is nearest and how far. Points are filed in 1-degree buckets of latitude and longitude,
// and a question scans only the buckets a circle of that radius can touch, screening each point
// with the geodesic's rigorous lower bound (geo/geodesy.hpp: geodesic_floor_nm) before the
// geodesic itself. Distances in nm.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "geo/geodesy.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

class NearestPoints {
 public:
  explicit NearestPoints(const std::vector<GeoPoint>& points);

  [[nodiscard]] bool empty() const { return points_.empty(); }
  // Whether some point lies within `radius_nm` of `p` (geodesic distance).
  [[nodiscard]] bool any_within(const GeoPoint& p, double radius_nm) const;

  struct Nearest {
    std::size_t index = 0;  // into the points given
    double distance_nm = 0.0;
  };
  // The nearest point to `p` if one lies within `radius_nm`.
  [[nodiscard]] std::optional<Nearest> nearest_within(const GeoPoint& p, double radius_nm) const;
  // The nearest point to `p`; nothing when there are no points.
  [[nodiscard]] std::optional<Nearest> nearest(const GeoPoint& p) const;

 private:
  // Calls visit(index) for each point in a bucket that a circle of `radius_nm` around `p` may
  // touch, until it returns false.
  template <typename Visit>
  void scan(const GeoPoint& p, double radius_nm, Visit visit) const;

  std::vector<GeoPoint> points_;
  std::vector<FloorPoint> floors_;
  std::vector<std::uint32_t> bucket_start_;  // kRows x kCols + 1 offsets into order_
  std::vector<std::uint32_t> order_;         // point indices by bucket
};

}  // namespace mdasim

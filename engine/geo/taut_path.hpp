// Straightening a path over water: a grid path (sea_path.hpp) zigzags between cell centres and
// bends at every change of move; pulled taut, it keeps only the points it must go round. From
// each kept point the path is followed ahead for as long as a straight line (in longitude and
// latitude, as lanes and legs are drawn) from that point reaches the next point without
// touching land, tested exactly against the land polygons (PolygonIndex::touches_segment); the
// last point so reached is kept next. Where even the next point cannot be reached so (a grid
// move that grazes a coast, or a start on land), the path's own leg is kept: the result never
// touches land where the input did not, and is never longer than the input.
#pragma once

#include <vector>

#include "geo/polygon_index.hpp"

namespace mdasim {

[[nodiscard]] std::vector<GeoPoint> taut_path(const PolygonIndex& land, const std::vector<GeoPoint>& path);

// Sum of the geodesic lengths of a polyline's legs (nm).
[[nodiscard]] double polyline_nm(const std::vector<GeoPoint>& path);

}  // namespace mdasim

// Even-odd point-in-polygon for small scenario polygons (areas drawn by users, a few to a few
// hundred vertices); coastlines use PolygonIndex instead. Degrees, edges straight in lon/lat.
#pragma once

#include "scenario/scenario.hpp"

namespace mdasim {

[[nodiscard]] bool polygon_contains(const Polygon& polygon, const GeoPoint& p);

}  // namespace mdasim

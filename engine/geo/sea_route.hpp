// The over-water route between two points as the simulation's vessels sail it: the shortest path
// on the grid's sea cells (sea_distance.hpp: 16 moves between cell centres, never cutting a
// corner of land), measured as the simulation measures a vessel's distance from its port to an
// incident (model/sar_setup.hpp, SarSetup::sea_distance_nm):
//
//   start  the point is the field's source: from its own cell when that is at sea, else (a port
//          on the coast) from the sea cells around it, each with the geodesic leg to its centre;
//   end    in a sea cell (where the simulation's incidents are): the least over that cell and
//          its 8 neighbours that are at sea of the distance to the cell plus the haversine leg
//          from its centre (approx_distance_nm); in a land cell (a port, or a point at sea
//          that the grid counts as land), or when none of those cells is reached, as a start:
//          through the sea cells around it, with geodesic legs, so that a route between two
//          ports is the same both ways (within the grid's rounding).
//
// So for a start at a port and an end in a sea cell the length is the distance the simulation
// uses, in double precision (the simulation keeps its fields in single precision).
#pragma once

#include <optional>
#include <vector>

#include "geo/polygon_index.hpp"
#include "geo/sea_distance.hpp"

namespace mdasim {

struct SeaRoute {
  double length_nm = 0.0;
  // start, the centres of the path's cells where its move changes, end; legs_nm[i] joins
  // path[i] and path[i + 1] (the first and last are the legs between the points and their
  // cells, the others the grid's moves), and they sum to length_nm.
  std::vector<GeoPoint> path;
  std::vector<double> leg_nm;
  std::size_t start_cell = 0;  // the first and last sea cells of the path
  std::size_t end_cell = 0;
};

// The over-water field from `from` (as the simulation makes it for a port): the input of
// sea_route and of the access legs of lane routes.
[[nodiscard]] SeaDistanceField sea_field_from(const SeaGrid& sea, const GeoPoint& from);

// The route from `from` to `to` on `field` (made by sea_field_from(sea, from)). Nothing when no
// path over water joins them.
[[nodiscard]] std::optional<SeaRoute> sea_route(const SeaGrid& sea, const SeaDistanceField& field, const GeoPoint& from,
                                                const GeoPoint& to);

}  // namespace mdasim

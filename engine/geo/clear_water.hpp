// Shortest paths over water whose legs keep clear of land, for the legs mdasim route draws
// itself (access legs to the lanes, joins between parts of the lanes). The simulation's
// over-water distances (sea_distance.hpp) move between sea-cell centres by the grid's rule
// alone (a cell is sea when its centre is), so a move can graze a coast or cross an islet
// smaller than a cell. Here every move between sea-cell centres is also tested exactly against
// the land polygons (PolygonIndex::touches_segment), and one that touches land costs
// kLandTouchPenaltyNm more than its length: a path touches land only where the grid offers no
// way round within that much (a strait narrower than its cells, say; sea_window.hpp makes finer
// grids for that). A source starts from the sea cells around it (its own and its 8 neighbours)
// at its starting distance, its legs to their centres tested the same way. Dijkstra from all
// sources at once, over the 16 moves with the grid's lengths, up to an optional bound; each cell
// keeps the cell it was reached from. Distances include the penalties: measure a path by its
// legs (taut_path.hpp).
#pragma once

#include <cstdint>
#include <limits>
#include <vector>

#include "geo/polygon_index.hpp"
#include "geo/sea_grid.hpp"

namespace mdasim {

inline constexpr double kLandTouchPenaltyNm = 1000.0;

struct ClearWaterField {
  static constexpr std::uint32_t kStart = std::numeric_limits<std::uint32_t>::max();
  std::vector<double> distance_nm;  // per cell, from the nearest source with penalties; +inf where not reached
  std::vector<std::uint32_t> from;  // per reached cell: the cell it was reached from, or kStart
  std::vector<int> source;          // per reached cell: index of its source, else -1
};

// The field from `sources` (each with its starting distance `start_nm`, 0 when not given),
// stopping once every cell within `max_nm` is settled (cells beyond may be left unreached).
[[nodiscard]] ClearWaterField clear_water_field(const SeaGrid& sea, const PolygonIndex& land,
                                                const std::vector<GeoPoint>& sources,
                                                const std::vector<double>& start_nm = {},
                                                double max_nm = std::numeric_limits<double>::infinity());

// The cells of the path to `cell`, from its source's start cell; empty when not reached.
[[nodiscard]] std::vector<std::size_t> clear_water_cells(const ClearWaterField& field, std::size_t cell);

// The distance (with penalties) from the field's sources to the point `q`, at sea: through a
// reached sea cell at or next to q's, the leg from its centre to q penalised as a move is. When
// q is on land or nothing is reached: +inf, and `via` is left as it was.
[[nodiscard]] double clear_water_to(const SeaGrid& sea, const PolygonIndex& land, const ClearWaterField& field,
                                    const GeoPoint& q, std::size_t& via);

}  // namespace mdasim

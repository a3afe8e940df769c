// The separate bodies of water of the sea grid: the sea cells joined by the moves of the
// over-water distance fields (geo/sea_distance.hpp: 16 neighbours, diagonal and knight's moves
// only through sea cells, so that the bodies are those of cells sharing an edge), numbered, with
// each body's size in cells. A port whose first sea cells
// lie only in a small body (a river or lagoon the grid's resolution cuts off from the open sea)
// sends its vessels nowhere else: the scenario checks warn of it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/sea_grid.hpp"

namespace mdasim {

struct SeaBodies {
  std::vector<std::int32_t> body;  // per grid cell: its body, or -1 on land
  std::vector<std::size_t> cells;  // per body: how many cells it has
  // The size of the largest body (0 with no sea).
  [[nodiscard]] std::size_t largest() const;
};

[[nodiscard]] SeaBodies sea_bodies(const SeaGrid& sea);

}  // namespace mdasim

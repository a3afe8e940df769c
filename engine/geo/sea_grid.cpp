// SeaGrid: per-row geodesic move lengths between cell centres.
#include "geo/sea_grid.hpp"

#include <algorithm>
#include <limits>

#include "geo/geodesy.hpp"

namespace mdasim {

SeaGrid::SeaGrid(const Grid& grid, std::vector<std::uint8_t> sea) : grid_(grid), sea_(std::move(sea)) {
  move_nm_.assign(static_cast<std::size_t>(grid_.rows()) * kGridMoves.size(), std::numeric_limits<double>::infinity());
  for (int r = 0; r < grid_.rows(); ++r) {
    const GeoPoint a{grid_.center_lon(0), grid_.center_lat(r)};
    for (std::size_t m = 0; m < kGridMoves.size(); ++m) {
      const GeoPoint b{grid_.center_lon(kGridMoves[m].d_col), grid_.lat_min_deg() + (r + kGridMoves[m].d_row + 0.5) * grid_.cell_deg()};
      move_nm_[static_cast<std::size_t>(r) * kGridMoves.size() + m] = geodesic_nm(a, b);
    }
  }
}

std::size_t SeaGrid::sea_cell_count() const {
  return static_cast<std::size_t>(std::count_if(sea_.begin(), sea_.end(), [](std::uint8_t s) { return s != 0; }));
}

}  // namespace mdasim

// A regular lat/lon grid over a box: cells of `cell_deg` degrees, indexed row-major from the
// south-west corner (row = latitude band, col = longitude band). Cell (row, col) covers
// [lon_min + col*cell, lon_min + (col+1)*cell) x [lat_min + row*cell, lat_min + (row+1)*cell).
// The last row and column may extend past the box when its size is not a whole number of cells.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>

#include "scenario/scenario.hpp"

namespace mdasim {

class Grid {
 public:
  Grid() = default;
  Grid(double lon_min_deg, double lat_min_deg, double lon_max_deg, double lat_max_deg, double cell_deg);
  explicit Grid(const Region& region)
      : Grid(region.lon_min_deg, region.lat_min_deg, region.lon_max_deg, region.lat_max_deg, region.cell_deg) {}

  [[nodiscard]] int cols() const { return cols_; }
  [[nodiscard]] int rows() const { return rows_; }
  [[nodiscard]] std::size_t size() const { return static_cast<std::size_t>(cols_) * static_cast<std::size_t>(rows_); }
  [[nodiscard]] double cell_deg() const { return cell_deg_; }
  [[nodiscard]] double lon_min_deg() const { return lon_min_; }
  [[nodiscard]] double lat_min_deg() const { return lat_min_; }

  [[nodiscard]] std::size_t index(int row, int col) const {
    return static_cast<std::size_t>(row) * static_cast<std::size_t>(cols_) + static_cast<std::size_t>(col);
  }
  [[nodiscard]] int row_of(std::size_t index) const { return static_cast<int>(index / static_cast<std::size_t>(cols_)); }
  [[nodiscard]] int col_of(std::size_t index) const { return static_cast<int>(index % static_cast<std::size_t>(cols_)); }

  [[nodiscard]] double center_lon(int col) const { return lon_min_ + (col + 0.5) * cell_deg_; }
  [[nodiscard]] double center_lat(int row) const { return lat_min_ + (row + 0.5) * cell_deg_; }
  [[nodiscard]] GeoPoint center(std::size_t index) const { return {center_lon(col_of(index)), center_lat(row_of(index))}; }

  // The cell holding `p`, or nothing outside the grid.
  [[nodiscard]] std::optional<std::size_t> cell_of(const GeoPoint& p) const {
    const double x = (p.lon_deg - lon_min_) / cell_deg_;
    const double y = (p.lat_deg - lat_min_) / cell_deg_;
    if (!(x >= 0.0 && y >= 0.0 && x < cols_ && y < rows_)) return std::nullopt;
    return index(static_cast<int>(y), static_cast<int>(x));
  }

 private:
  double lon_min_ = 0.0;
  double lat_min_ = 0.0;
  double cell_deg_ = 1.0;
  int cols_ = 0;
  int rows_ = 0;
};

inline Grid::Grid(double lon_min_deg, double lat_min_deg, double lon_max_deg, double lat_max_deg, double cell_deg)
    : lon_min_(lon_min_deg), lat_min_(lat_min_deg), cell_deg_(cell_deg) {
  // A tolerance so that 45 / 0.1 gives 450 cells, not 451.
  cols_ = static_cast<int>(std::ceil((lon_max_deg - lon_min_deg) / cell_deg - 1e-9));
  rows_ = static_cast<int>(std::ceil((lat_max_deg - lat_min_deg) / cell_deg - 1e-9));
}

}  // namespace mdasim

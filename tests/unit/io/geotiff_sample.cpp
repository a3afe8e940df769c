// Writes a small sample GeoTIFF, for tests/io/check_geotiff.py to inspect with `gdalinfo -json`:
// 4 columns x 3 rows of 0.5 degrees from (100E, 0N), value 10 * row + col (row 0 southernmost),
// NaN at row 1, col 2. Usage: mdasim_geotiff_sample OUTPUT.tif
#include <exception>
#include <iostream>
#include <limits>
#include <vector>

#include "geo/grid.hpp"
#include "io/geotiff.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: mdasim_geotiff_sample OUTPUT.tif\n";
    return 2;
  }
  try {
    const mdasim::Grid grid(100.0, 0.0, 102.0, 1.5, 0.5);
    std::vector<float> values(grid.size());
    for (int row = 0; row < grid.rows(); ++row) {
      for (int col = 0; col < grid.cols(); ++col) values[grid.index(row, col)] = static_cast<float>(10 * row + col);
    }
    values[grid.index(1, 2)] = std::numeric_limits<float>::quiet_NaN();
    mdasim::write_geotiff(argv[1], grid, values, "h", "sample response time");
  } catch (const std::exception& e) {
    std::cerr << "mdasim_geotiff_sample: " << e.what() << '\n';
    return 1;
  }
  return 0;
}

// Map layers of a run: per-cell float fields on the scenario grid, written into the results
// file under `<variant>/maps` with `lat` and `lon` coordinate datasets (cell centres, degrees)
// attached as dimension scales, so xarray and Panoply read them as netCDF-4 variables on named
// dimensions, and `mdasim heatmap` draws them. Land cells are NaN.
#pragma once

#include <string>
#include <vector>

#include "geo/grid.hpp"
#include "io/results_file.hpp"

namespace mdasim {

struct MapLayer {
  std::string name;       // the dataset's name, e.g. "expected_response_h"
  std::string units;      // "h", "1", ...
  std::string long_name;  // what it shows, for axes and titles
  std::vector<float> values;  // per grid cell, row-major (Grid::index): row 0 is the southernmost
};

// The group holding a variant's maps.
[[nodiscard]] inline std::string maps_group(const std::string& variant) { return variant + "/maps"; }

// Writes the grid's coordinates and every layer (each must have one value per grid cell).
void write_map_layers(ResultsFile& file, const std::string& variant, const Grid& grid,
                      const std::vector<MapLayer>& layers);

}  // namespace mdasim

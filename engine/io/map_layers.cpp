// Writing a run's map layers (see map_layers.hpp).
#include "io/map_layers.hpp"

#include <stdexcept>

namespace mdasim {

void write_map_layers(ResultsFile& file, const std::string& variant, const Grid& grid,
                      const std::vector<MapLayer>& layers) {
  const std::string group = maps_group(variant);
  std::vector<double> lat_deg(static_cast<std::size_t>(grid.rows()));
  std::vector<double> lon_deg(static_cast<std::size_t>(grid.cols()));
  for (int r = 0; r < grid.rows(); ++r) lat_deg[static_cast<std::size_t>(r)] = grid.center_lat(r);
  for (int c = 0; c < grid.cols(); ++c) lon_deg[static_cast<std::size_t>(c)] = grid.center_lon(c);
  file.write_grid_coordinates(group, lat_deg, lon_deg);
  for (const MapLayer& layer : layers) {
    if (layer.values.size() != grid.size()) {
      throw std::invalid_argument("map layer '" + layer.name + "' has " + std::to_string(layer.values.size()) +
                                  " values for a grid of " + std::to_string(grid.size()) + " cells");
    }
    file.write_map(group, layer.name, layer.values, lat_deg.size(), lon_deg.size(), layer.units, layer.long_name);
  }
}

}  // namespace mdasim

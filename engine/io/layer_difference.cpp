// The difference of two map layers on one grid (see layer_difference.hpp).
#include "io/layer_difference.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

namespace mdasim {
namespace {

std::string degrees_text(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// Throws when the two lists of cell centres are not the same.
void require_same_axis(const std::vector<double>& a, const std::vector<double>& b, const char* what) {
  if (a.size() != b.size()) {
    throw std::invalid_argument("the grids differ: " + std::to_string(a.size()) + " and " + std::to_string(b.size()) +
                                " " + what + " cells");
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      throw std::invalid_argument(std::string("the grids differ: ") + what + " cell " + std::to_string(i) +
                                  " is centred at " + degrees_text(a[i]) + " and " + degrees_text(b[i]) + " degrees");
    }
  }
}

void require_one_value_per_cell(const MapLayerData& layer) {
  const std::size_t cells = layer.lat_deg.size() * layer.lon_deg.size();
  if (layer.values.size() != cells) {
    throw std::invalid_argument("layer '" + layer.info.name + "' has " + std::to_string(layer.values.size()) +
                                " values for " + std::to_string(cells) + " cells");
  }
}

}  // namespace

MapLayerData layer_difference(const MapLayerData& a, const MapLayerData& b) {
  require_one_value_per_cell(a);
  require_one_value_per_cell(b);
  require_same_axis(a.lat_deg, b.lat_deg, "latitude");
  require_same_axis(a.lon_deg, b.lon_deg, "longitude");
  if (a.info.units != b.info.units) {
    throw std::invalid_argument("the units differ: '" + a.info.units + "' and '" + b.info.units + "'");
  }
  MapLayerData out;
  out.info = a.info;
  out.lat_deg = a.lat_deg;
  out.lon_deg = a.lon_deg;
  out.values.resize(a.values.size());
  for (std::size_t i = 0; i < a.values.size(); ++i) {
    const float x = a.values[i];
    const float y = b.values[i];
    out.values[i] = std::isnan(x) || std::isnan(y) ? std::numeric_limits<float>::quiet_NaN() : x - y;
  }
  return out;
}

}  // namespace mdasim

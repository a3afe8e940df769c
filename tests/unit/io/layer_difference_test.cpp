// The difference of two map layers: exact values cell by cell, NaN where either map has none,
// the first map's name, units and coordinates, and a clear refusal of maps on different grids or
// in different units.
#include "io/layer_difference.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// 3 x 2 cells (cols x rows) of 0.5 degree from (100E, 0N).
MapLayerData layer(std::vector<float> values) {
  MapLayerData l;
  l.info = {"response_h", "h", "response time"};
  l.lat_deg = {0.25, 0.75};
  l.lon_deg = {100.25, 100.75, 101.25};
  l.values = std::move(values);
  return l;
}

std::string message_of(const MapLayerData& a, const MapLayerData& b) {
  try {
    (void)layer_difference(a, b);
    return "no error";
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
}

TEST(LayerDifference, ExactValuesCellByCell) {
  const MapLayerData option = layer({2.5f, 1.0f, 7.25f, 0.0f, -1.5f, 3.0f});
  const MapLayerData base = layer({2.0f, 1.5f, 7.25f, 0.25f, 1.5f, -3.0f});
  const MapLayerData d = layer_difference(option, base);
  EXPECT_EQ(d.info.name, "response_h");
  EXPECT_EQ(d.info.units, "h");
  EXPECT_EQ(d.info.long_name, "response time");
  EXPECT_EQ(d.lat_deg, option.lat_deg);
  EXPECT_EQ(d.lon_deg, option.lon_deg);
  EXPECT_EQ(d.values, (std::vector<float>{0.5f, -0.5f, 0.0f, -0.25f, -3.0f, 6.0f}));
  // The other way round: the negatives.
  EXPECT_EQ(layer_difference(base, option).values, (std::vector<float>{-0.5f, 0.5f, 0.0f, 0.25f, 3.0f, -6.0f}));
}

TEST(LayerDifference, NoValueWhereEitherHasNone) {
  const MapLayerData option = layer({kNaN, 1.0f, 2.0f, kNaN, 4.0f, 5.0f});
  const MapLayerData base = layer({1.0f, kNaN, 2.0f, kNaN, 3.0f, 5.0f});
  const MapLayerData d = layer_difference(option, base);
  EXPECT_TRUE(std::isnan(d.values[0]));  // none in the option
  EXPECT_TRUE(std::isnan(d.values[1]));  // none in the base
  EXPECT_EQ(d.values[2], 0.0f);
  EXPECT_TRUE(std::isnan(d.values[3]));  // none in either (land)
  EXPECT_EQ(d.values[4], 1.0f);
  EXPECT_EQ(d.values[5], 0.0f);
}

TEST(LayerDifference, RefusesDifferentGrids) {
  const MapLayerData a = layer({1, 2, 3, 4, 5, 6});

  MapLayerData more_rows = a;
  more_rows.lat_deg.push_back(1.25);
  more_rows.values.resize(9, 1.0f);
  EXPECT_THROW((void)layer_difference(a, more_rows), std::invalid_argument);
  EXPECT_EQ(message_of(a, more_rows), "the grids differ: 2 and 3 latitude cells");

  MapLayerData shifted = a;
  shifted.lon_deg[1] = 100.8;
  EXPECT_EQ(message_of(a, shifted), "the grids differ: longitude cell 1 is centred at 100.75 and 100.8 degrees");
  EXPECT_EQ(message_of(shifted, a), "the grids differ: longitude cell 1 is centred at 100.8 and 100.75 degrees");

  // Same number of cells, laid out the other way (3 x 2 against 2 x 3).
  MapLayerData transposed = a;
  transposed.lat_deg = {0.25, 0.75, 1.25};
  transposed.lon_deg = {100.25, 100.75};
  EXPECT_EQ(message_of(a, transposed), "the grids differ: 2 and 3 latitude cells");

  MapLayerData minutes = a;
  minutes.info.units = "min";
  EXPECT_EQ(message_of(a, minutes), "the units differ: 'h' and 'min'");

  MapLayerData short_values = a;
  short_values.values.pop_back();
  EXPECT_EQ(message_of(a, short_values), "layer 'response_h' has 5 values for 6 cells");
}

}  // namespace
}  // namespace mdasim

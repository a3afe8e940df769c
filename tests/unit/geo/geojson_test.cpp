// Reading GeoJSON layers: the forms RFC 7946 allows, and clear errors for what it does not.
#include "geo/geojson.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "../scenario/rule_check.hpp"

namespace mdasim {
namespace {

class GeoJson : public ::testing::Test {
 protected:
  std::string write(const std::string& text) {
    path_ = std::filesystem::temp_directory_path() /
            ("mdasim-geojson-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + ".geojson");
    std::ofstream(path_) << text;
    return path_.string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::filesystem::path path_;
};

TEST_F(GeoJson, FeatureCollectionOfPolygonsAndMultiPolygons) {
  Diagnostics d;
  const auto layer = read_polygon_layer(write(R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "id": "096", "properties": {"name": "A", "iso_a2": "BN", "n": 3},
     "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
    {"type": "Feature", "properties": null, "geometry": {"type": "MultiPolygon",
     "coordinates": [[[[2,0],[3,0],[3,1],[2,0]]], [[[4,0],[5,0],[5,1],[4,0]], [[4.2,0.1],[4.8,0.1],[4.8,0.5],[4.2,0.1]]]]}},
    {"type": "Feature", "properties": {}, "geometry": null}
  ]})"), d);
  ASSERT_TRUE(layer.has_value()) << test::printed(d);
  ASSERT_EQ(layer->polygons.size(), 3u);
  EXPECT_EQ(layer->polygons[0][0].size(), 3u);  // closing position dropped
  EXPECT_EQ(layer->polygons[2].size(), 2u);     // outer ring and a hole
  EXPECT_EQ(layer->feature_of[2], 1u);
  ASSERT_EQ(layer->features.size(), 3u);
  EXPECT_EQ(layer->features[0].at("iso_a2"), "BN");
  EXPECT_EQ(layer->features[0].at("id"), "096");
  EXPECT_EQ(layer->features[0].at("n"), "3");
}

TEST_F(GeoJson, LinesFromLineStringsAndMultiLineStrings) {
  Diagnostics d;
  const auto layer = read_line_layer(write(R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[100,0],[101,0,5]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "MultiLineString", "coordinates": [[[1,1],[2,2]],[[3,3],[4,4]]]}}
  ]})"), d);
  ASSERT_TRUE(layer.has_value()) << test::printed(d);
  EXPECT_EQ(layer->lines.size(), 3u);
  EXPECT_DOUBLE_EQ(layer->lines[0][1].lon_deg, 101.0);
}

TEST_F(GeoJson, ABareGeometry) {
  Diagnostics d;
  const auto layer = read_line_layer(write(R"({"type": "LineString", "coordinates": [[100,0],[101,0]]})"), d);
  ASSERT_TRUE(layer.has_value());
  EXPECT_EQ(layer->lines.size(), 1u);
}

TEST_F(GeoJson, Errors) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"{\"type\": \"FeatureCollection\",\n \"features\": [}", ":2:15: error: not valid JSON"},
      {"[1, 2]", "not GeoJSON"},
      {R"({"type": "FeatureCollection"})", "without a \"features\" array"},
      {R"({"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]}}]})",
       "feature 1: geometry type 'Point' in a polygon layer; expected Polygon or MultiPolygon"},
      {R"({"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]})", "fewer than 3 distinct positions"},
      {R"({"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,"x"],[0,0]]]})", "a position is not [longitude, latitude]"},
      {R"({"type": "Polygon", "coordinates": [[[0,0],[200,0],[1,1],[0,0]]]})", "outside longitude -180..180"},
      {R"({"type": "Polygon"})", "geometry without \"coordinates\""},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    EXPECT_FALSE(read_polygon_layer(write(c.text), d).has_value()) << c.text;
    EXPECT_NE(test::printed(d).find(c.message), std::string::npos) << c.text << "\n" << test::printed(d);
  }
}

TEST_F(GeoJson, MissingFile) {
  Diagnostics d;
  EXPECT_FALSE(read_line_layer("/nonexistent/lanes.geojson", d).has_value());
  EXPECT_NE(test::printed(d).find("cannot open GeoJSON file"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

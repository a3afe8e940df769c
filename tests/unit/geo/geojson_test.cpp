// Reading GeoJSON layers: the forms RFC 7946 allows, and clear errors for what it does not.
#include "geo/geojson.hpp"

#include <sys/stat.h>

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
  EXPECT_EQ(test::printed(d),
            "/nonexistent/lanes.geojson: error: cannot read GeoJSON file: no such file (looked for "
            "/nonexistent/lanes.geojson)\n");
}

TEST_F(GeoJson, AFifoOrAFolderIsRefusedAtOnce) {
  const std::string fifo = write("") + ".fifo";
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Diagnostics d;
  EXPECT_FALSE(read_polygon_layer(fifo, d).has_value());
  std::filesystem::remove(fifo);
  EXPECT_EQ(test::printed(d), fifo + ": error: cannot read GeoJSON file: it is a FIFO (named pipe), not a regular file\n");
  Diagnostics folder;
  EXPECT_FALSE(read_polygon_layer(std::filesystem::temp_directory_path().string(), folder).has_value());
  EXPECT_NE(test::printed(folder).find("it is a folder, not a regular file"), std::string::npos);
}

// Each error names the feature (from 1) and points at the feature, ring or position at fault.
TEST_F(GeoJson, ErrorsAreLocatedAtTheFeatureRingOrPosition) {
  struct Case {
    const char* text;
    const char* expected;  // the diagnostic after the file name
  };
  const Case cases[] = {
      {"{\"type\": \"FeatureCollection\", \"features\": [\n"
       "  {\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[100,0],[101,0],[101,1],[100,0]]]}},\n"
       "  {\"type\": \"Feature\", \"properties\": {}, \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [[[100,0],[101,0],[101,\"x\"],[100,0]]]}}\n"
       "]}",
       ":3:106: error: feature 2: a position is not [longitude, latitude]"},
      {"{\"type\": \"FeatureCollection\", \"features\": [\n"
       "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\",\n"
       "   \"coordinates\": [[[0,0],[1,0],[1,1],[0,0]], [[0.2,0.2],[0.4,0.2],[0.2,0.2]]]}}]}",
       ":3:47: error: feature 1: a polygon ring has fewer than 3 distinct positions"},
      {"{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\", \"geometry\": null},\n"
       "  {\"type\": \"Feature\", \"geometry\": {\"type\": \"LineString\", \"coordinates\": [[0,0],[1,1]]}}]}",
       ":3:35: error: feature 2: geometry type 'LineString' in a polygon layer; expected Polygon or MultiPolygon"},
      {"{\"type\": \"FeatureCollection\", \"features\": [\n  {\"type\": \"Feature\"},\n  {\"type\": \"Feat\"}]}",
       ":3:3: error: feature 2 is not a GeoJSON Feature (its \"type\" is 'Feat')"},
      {"{\"type\": \"Polygon\",\n \"coordinates\": [[0,0],[1,0],[1,1],[0,0]]}",
       ":2:17: error: feature 1: the coordinates of a Polygon are not a list of rings, each a list of [longitude, "
       "latitude] positions"},
      {"{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0,0],[1,0],[1,1]]], []]}",
       ":1:65: error: feature 1: a Polygon needs at least one ring"},
      {"{\"type\": \"Feature\", \"geometry\": 7}", ":1:33: error: feature 1: \"geometry\" is not an object (nor null)"},
  };
  for (const Case& c : cases) {
    Diagnostics d;
    const std::string path = write(c.text);
    EXPECT_FALSE(read_polygon_layer(path, d).has_value()) << c.text;
    EXPECT_EQ(test::printed(d), path + c.expected + "\n") << c.text;
  }
}

TEST_F(GeoJson, MembersInAnyOrder) {
  Diagnostics d;
  const auto layer = read_polygon_layer(write(R"({"features": [
    {"geometry": {"coordinates": [[[0,0],[1,0],[1,1]]], "type": "Polygon"}, "properties": {"iso_a2": "BN"}, "type": "Feature"}
  ], "type": "FeatureCollection"})"), d);
  ASSERT_TRUE(layer.has_value()) << test::printed(d);
  ASSERT_EQ(layer->polygons.size(), 1u);
  EXPECT_EQ(layer->polygons[0][0].size(), 3u);
  EXPECT_EQ(layer->features[0].at("iso_a2"), "BN");
  Diagnostics d2;
  const auto root_feature = read_line_layer(write(R"({"properties": {"name": "lane", "n": 1.5},
    "geometry": {"type": "MultiLineString", "coordinates": [[[0,0],[1,1]], [[2,2],[3,3],[4,4]]]}, "type": "Feature"})"), d2);
  ASSERT_TRUE(root_feature.has_value()) << test::printed(d2);
  EXPECT_EQ(root_feature->lines.size(), 2u);
  EXPECT_EQ(root_feature->lines[1].size(), 3u);
  EXPECT_EQ(root_feature->features.at(0).at("n"), "1.5");
}

TEST_F(GeoJson, APositionOutsideTheWorldIsLocated) {
  Diagnostics d;
  const std::string path = write("{\"type\": \"LineString\",\n \"coordinates\": [[0,0], [190.5, 1]]}");
  EXPECT_FALSE(read_line_layer(path, d).has_value());
  EXPECT_EQ(test::printed(d),
            path + ":2:25: error: feature 1: position [190.5, 1] is outside longitude -180..180 or latitude -90..90\n");
}

// The limits stop a file at the feature that passes them, before anything more is read or kept.
TEST_F(GeoJson, LimitsOnPositionsFeaturesAndBytes) {
  GeoJsonLimits limits;
  limits.max_positions_per_feature = 4;
  limits.max_positions_per_layer = 7;
  const std::string feature = R"({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}})";
  Diagnostics fits;
  EXPECT_TRUE(read_polygon_layer(write("{\"type\": \"FeatureCollection\", \"features\": [" + feature + "]}"), fits, limits)
                  .has_value());
  Diagnostics one_too_many;
  std::string path = write("{\"type\": \"FeatureCollection\", \"features\": [\n" +
                           std::string(R"({"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,1],[0,0]]]}})") + "]}");
  EXPECT_FALSE(read_polygon_layer(path, one_too_many, limits).has_value());
  EXPECT_EQ(test::printed(one_too_many),
            path + ":2:1: error: feature 1: more than 4 positions; a feature may have at most that many (a limit of mdasim's)\n");
  Diagnostics layer_full;
  path = write("{\"type\": \"FeatureCollection\", \"features\": [\n" + feature + ",\n" + feature + "]}");
  EXPECT_FALSE(read_polygon_layer(path, layer_full, limits).has_value());
  EXPECT_EQ(test::printed(layer_full),
            path + ":3:1: error: feature 2: the layer has more than 7 positions by this feature; a layer may have at "
                   "most that many (a limit of mdasim's)\n");
  limits.max_features = 1;
  Diagnostics features;
  path = write("{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\", \"geometry\": null},\n {\"type\": \"Feature\", \"geometry\": null}]}");
  EXPECT_FALSE(read_polygon_layer(path, features, limits).has_value());
  EXPECT_NE(test::printed(features).find(":2:2: error: the layer has more than 1 features"), std::string::npos);
  limits.max_bytes = 16;
  Diagnostics bytes;
  path = write(feature);
  EXPECT_FALSE(read_polygon_layer(path, bytes, limits).has_value());
  EXPECT_EQ(test::printed(bytes), path + ": error: cannot read GeoJSON file: it is " + std::to_string(feature.size()) +
                                      " bytes; a GeoJSON file may be at most 16 bytes\n");
}

TEST_F(GeoJson, DeepNestingIsRefused) {
  Diagnostics d;
  const std::string path = write("{\"type\": \"Feature\", \"properties\": {\"a\": " + std::string(100000, '[') +
                                 std::string(100000, ']') + "}}");
  EXPECT_FALSE(read_polygon_layer(path, d).has_value());
  EXPECT_NE(test::printed(d).find("error: JSON nested more than 64 levels deep"), std::string::npos) << test::printed(d);
}

// A 2-million-position polygon (what the shipped limits are for) is refused at the millionth.
TEST_F(GeoJson, AFeatureOverTheDefaultLimitIsRefused) {
  std::string text = "{\"type\": \"Polygon\", \"coordinates\": [[";
  text.reserve(12'000'000);
  for (int i = 0; i < 2'000'000; ++i) text += "[1,2],";
  text += "[1,2]]]}";
  Diagnostics d;
  const std::string path = write(text);
  EXPECT_FALSE(read_polygon_layer(path, d).has_value());
  EXPECT_EQ(test::printed(d), path + ":1:1: error: feature 1: more than 1,000,000 positions; a feature may have at most "
                                     "that many (a limit of mdasim's)\n");
}

}  // namespace
}  // namespace mdasim

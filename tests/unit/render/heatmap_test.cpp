// The heatmap renderer: the documented layout, value ranges and colour maps per layer, cells
// drawn in their colours with land in the land colour, labels placed by priority under a cap,
// text that puts ink on the image (fonts found), and PNG files written whole or not at all.
#include "render/heatmap.hpp"
#include "../io/temp_directory.hpp"

#include <cmath>
#include <fstream>
#include <limits>
#include <stdexcept>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// A layer of cols x rows cells of `cell` degrees from (lon0, lat0), every value `fill`.
HeatmapLayer grid_layer(double lon0, double lat0, int cols, int rows, double cell, float fill = 1.0f) {
  HeatmapLayer layer;
  layer.name = "response_h";
  layer.units = "h";
  layer.long_name = "response time";
  for (int r = 0; r < rows; ++r) layer.lat_deg.push_back(lat0 + (r + 0.5) * cell);
  for (int c = 0; c < cols; ++c) layer.lon_deg.push_back(lon0 + (c + 0.5) * cell);
  layer.values.assign(static_cast<std::size_t>(rows * cols), fill);
  return layer;
}

struct Pixel {
  int r, g, b;
};

Pixel pixel(const HeatmapImage& image, double x, double y) {
  const std::uint32_t p = image.pixels.at(static_cast<std::size_t>(static_cast<int>(y) * image.width_px + static_cast<int>(x)));
  return {static_cast<int>(p >> 16 & 0xFF), static_cast<int>(p >> 8 & 0xFF), static_cast<int>(p & 0xFF)};
}

Pixel pixel_at(const HeatmapImage& image, double lon, double lat) {
  return pixel(image, image.layout.x_of(lon), image.layout.y_of(lat));
}

// Pixels of ink (text is dark grey, anti-aliased) in [x0, x1) x [y0, y1).
int dark_pixels(const HeatmapImage& image, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const Pixel p = pixel(image, x, y);
      if (std::max({p.r, p.g, p.b}) < 160) ++n;
    }
  }
  return n;
}

TEST(HeatmapLayout, FollowsTheDocumentedFormula) {
  const HeatmapLayer layer = grid_layer(100.0, 0.0, 40, 40, 0.1);
  const HeatmapLayout small = heatmap_layout(layer, 800);  // u = 10
  EXPECT_EQ(small.width_px, 800);
  EXPECT_DOUBLE_EQ(small.map_x, 40.0);
  EXPECT_DOUBLE_EQ(small.map_y, 50.0);
  EXPECT_DOUBLE_EQ(small.map_w, 650.0);
  EXPECT_DOUBLE_EQ(small.map_h, 650.0);  // 650 / cos(2 deg) = 650.4
  EXPECT_EQ(small.height_px, 50 + 650 + 45);
  EXPECT_NEAR(small.lon_west, 100.0, 1e-9);
  EXPECT_NEAR(small.lat_north, 4.0, 1e-9);

  const HeatmapLayout large = heatmap_layout(layer, 1600);  // u = 16
  EXPECT_DOUBLE_EQ(large.map_w, 1600.0 - 64.0 - 176.0);
  EXPECT_DOUBLE_EQ(large.map_h, 1361.0);  // 1360 / cos(2 deg) = 1360.83
  EXPECT_EQ(large.height_px, 80 + 1361 + 72);
  EXPECT_DOUBLE_EQ(large.x_of(100.0), large.map_x);
  EXPECT_DOUBLE_EQ(large.y_of(0.0), large.map_y + large.map_h);
}

TEST(HeatmapLayout, TallRegionsAreNarrowedAndCentred) {
  const HeatmapLayer layer = grid_layer(100.0, 0.0, 2, 40, 0.5);  // 1 x 20 degrees
  const HeatmapLayout l = heatmap_layout(layer, 800);
  EXPECT_DOUBLE_EQ(l.map_h, 1625.0);  // 2.5 x 650
  EXPECT_LT(l.map_w, 100.0);
  EXPECT_NEAR(l.map_x + l.map_w / 2.0, 40.0 + 650.0 / 2.0, 1.0);
}

TEST(HeatmapLayout, RefusesBadInput) {
  const HeatmapLayer layer = grid_layer(100.0, 0.0, 4, 4, 1.0);
  EXPECT_THROW((void)heatmap_layout(layer, kMinHeatmapWidthPx - 1), std::invalid_argument);
  EXPECT_THROW((void)heatmap_layout(layer, kMaxHeatmapWidthPx + 1), std::invalid_argument);
  HeatmapLayer short_values = layer;
  short_values.values.pop_back();
  EXPECT_THROW((void)heatmap_layout(short_values, 800), std::invalid_argument);
  HeatmapLayer uneven = layer;
  uneven.lon_deg[2] += 0.3;
  EXPECT_THROW((void)heatmap_layout(uneven, 800), std::invalid_argument);
}

TEST(ValueScale, FractionsTimesAndCounts) {
  HeatmapLayer fraction = grid_layer(0.0, 0.0, 2, 1, 1.0, 0.3f);
  fraction.name = "radar_covered_fraction";
  fraction.units = "1";
  ValueScale s = value_scale(fraction);
  EXPECT_TRUE(s.fraction);
  EXPECT_EQ(s.low, 0.0);
  EXPECT_EQ(s.high, 1.0);
  EXPECT_EQ(s.colormap, "viridis");
  EXPECT_EQ(s.caption, "fraction (1)");

  fraction.name = "p_no_unit_up";
  EXPECT_TRUE(value_scale(fraction).fraction);

  HeatmapLayer count = grid_layer(0.0, 0.0, 3, 1, 1.0);
  count.name = "incidents_per_replication";
  count.units = "1";
  count.values = {0.5f, 2.5f, kNaN};
  s = value_scale(count);
  EXPECT_FALSE(s.fraction);
  EXPECT_EQ(s.low, 0.5);
  EXPECT_EQ(s.high, 2.5);
  EXPECT_EQ(s.colormap, "viridis");

  HeatmapLayer time = grid_layer(0.0, 0.0, 2, 1, 1.0, 3.0f);
  s = value_scale(time);
  EXPECT_EQ(s.colormap, "magma_r");
  EXPECT_EQ(s.caption, "hours (h)");
  EXPECT_EQ(s.low, 0.0);  // one value v: 0..2v
  EXPECT_EQ(s.high, 6.0);
  time.values = {0.0f, 0.0f};
  EXPECT_EQ(value_scale(time).high, 1.0);
  time.values = {kNaN, kNaN};
  EXPECT_FALSE(value_scale(time).any_value);
}

// 8 x 8 cells of 0.5 degree over 100..104E, 0..4N: the two western columns land, values rising
// eastwards (2 to 7 h), one sea cell without a value.
HeatmapScene test_scene() {
  HeatmapScene scene;
  scene.layer = grid_layer(100.0, 0.0, 8, 8, 0.5);
  scene.land_cells.assign(64, 0);
  for (int r = 0; r < 8; ++r) {
    for (int c = 0; c < 8; ++c) {
      const auto i = static_cast<std::size_t>(r * 8 + c);
      scene.layer.values[i] = c < 2 ? kNaN : static_cast<float>(c);
      scene.land_cells[i] = c < 2 ? 1 : 0;
    }
  }
  scene.layer.values[5 * 8 + 5] = kNaN;  // (102.75E, 2.75N): sea without a value
  scene.title = "Test title";
  scene.subtitle = "subtitle";
  scene.footnote = "footnote line one\nfootnote line two";
  scene.markers = {{MarkerKind::kAirfield, {102.25, 1.25}, "Alpha", 2},
                   {MarkerKind::kPort, {103.25, 3.25}, "Beta", 1},
                   {MarkerKind::kPort, {110.0, 3.0}, "Off the map", 5},
                   {MarkerKind::kCoastalRadar, {101.0, 0.5}, "", 0}};
  return scene;
}

// Frees cairo's and fontconfig's process-wide caches after each drawing test, so that
// LeakSanitizer (the asan preset) reports nothing.
class RenderHeatmap : public ::testing::Test {
 protected:
  void TearDown() override { release_render_caches(); }
};

TEST_F(RenderHeatmap, CellsLandAndNoData) {
  const HeatmapScene scene = test_scene();
  const HeatmapImage image = render_heatmap(scene, 800);
  ASSERT_EQ(image.width_px, 800);
  ASSERT_EQ(image.height_px, image.layout.height_px);
  ASSERT_EQ(image.pixels.size(), 800u * static_cast<std::size_t>(image.height_px));
  EXPECT_EQ(image.scale.low, 2.0);
  EXPECT_EQ(image.scale.high, 7.0);

  for (double lat : {0.25, 1.75, 3.75}) {
    const Pixel p = pixel_at(image, 100.25, lat);
    EXPECT_EQ(p.r, kLandRgb[0]);
    EXPECT_EQ(p.g, kLandRgb[1]);
    EXPECT_EQ(p.b, kLandRgb[2]);
  }
  const Colormap map = colormap_for(image.scale);
  for (int c : {2, 4, 7}) {
    const double lon = 100.0 + (c + 0.5) * 0.5;
    const Rgb want = map.at((c - 2.0) / 5.0);
    const Pixel p = pixel_at(image, lon, 0.75);
    EXPECT_NEAR(p.r, want.r * 255.0, 1.0) << c;
    EXPECT_NEAR(p.g, want.g * 255.0, 1.0) << c;
    EXPECT_NEAR(p.b, want.b * 255.0, 1.0) << c;
  }
  // The sea cell without a value is hatched white and grey, not land and not a map colour.
  const Pixel none = pixel_at(image, 102.75, 2.75);
  EXPECT_GE(std::min({none.r, none.g, none.b}), 190);
  EXPECT_FALSE(none.r == kLandRgb[0] && none.g == kLandRgb[1] && none.b == kLandRgb[2]);
}

TEST_F(RenderHeatmap, TextPutsInkOnTheImage) {
  HeatmapScene scene = test_scene();
  const HeatmapImage image = render_heatmap(scene, 800);
  scene.title.clear();
  scene.subtitle.clear();
  scene.footnote.clear();
  const HeatmapImage untitled = render_heatmap(scene, 800);
  const auto& l = image.layout;
  const int top = static_cast<int>(l.map_y);
  const int bottom = static_cast<int>(l.map_y + l.map_h);
  // The title and subtitle above the map, and the footnote below it, change many pixels.
  const auto changed = [&](int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y) {
      for (int x = 0; x < 800; ++x) {
        const Pixel a = pixel(image, x, y);
        const Pixel b = pixel(untitled, x, y);
        if (std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) > 96) ++n;
      }
    }
    return n;
  };
  EXPECT_GT(changed(0, top), 300);
  EXPECT_GT(changed(bottom + 3, image.height_px), 300);
  // Latitude labels left of the map (with their tick marks), longitude labels below it, the
  // colour-bar ticks and legend right of it.
  EXPECT_GT(dark_pixels(untitled, 0, top, static_cast<int>(l.map_x) - 6, bottom), 40);
  EXPECT_GT(dark_pixels(untitled, 0, bottom + 6, 800, image.height_px), 60);
  EXPECT_GT(dark_pixels(image, static_cast<int>(l.map_x + l.map_w) + 3, 0, 800, image.height_px), 200);
}

TEST_F(RenderHeatmap, LabelsByPriorityUnderACap) {
  HeatmapScene scene = test_scene();
  HeatmapImage image = render_heatmap(scene, 800);
  EXPECT_EQ(image.labelled, (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_TRUE(image.unlabelled.empty());  // the marker off the map is not a candidate

  scene.max_labels = 1;
  image = render_heatmap(scene, 800);
  EXPECT_EQ(image.labelled, (std::vector<std::string>{"Alpha"}));
  EXPECT_EQ(image.unlabelled, (std::vector<std::string>{"Beta"}));
}

TEST_F(RenderHeatmap, LandFromTheLayerWhenNoMaskIsGiven) {
  HeatmapScene scene = test_scene();
  scene.land_cells.clear();  // every NaN cell is land, including the one at sea
  const HeatmapImage image = render_heatmap(scene, 800);
  const Pixel p = pixel_at(image, 102.75, 2.75);
  EXPECT_EQ(p.r, kLandRgb[0]);
  scene.land_cells.assign(3, 0);
  EXPECT_THROW((void)render_heatmap(scene, 800), std::invalid_argument);
}

class WritePng : public test::TempDirectoryTest {
 protected:
  WritePng() : TempDirectoryTest("mdasim-png-") {}
  void TearDown() override {
    release_render_caches();
    TempDirectoryTest::TearDown();
  }
};

TEST_F(WritePng, WritesAWholeFileOrNothing) {
  const HeatmapImage image = render_heatmap(test_scene(), 640);
  const std::filesystem::path path = directory_ / "map.png";
  write_png(path, image);
  std::ifstream in(path, std::ios::binary);
  std::string head(24, '\0');
  in.read(head.data(), 24);
  EXPECT_EQ(head.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(head.substr(12, 4), "IHDR");
  const auto be32 = [&](std::size_t at) {
    return static_cast<unsigned>(static_cast<unsigned char>(head[at])) << 24 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 1])) << 16 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 2])) << 8 |
           static_cast<unsigned>(static_cast<unsigned char>(head[at + 3]));
  };
  EXPECT_EQ(be32(16), 640u);
  EXPECT_EQ(be32(20), static_cast<unsigned>(image.height_px));
  EXPECT_EQ(files(), (std::vector<std::filesystem::path>{"map.png"}));  // no temporary file left

  EXPECT_THROW(write_png(directory_ / "no-such-folder" / "map.png", image), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(directory_ / "no-such-folder"));
  EXPECT_THROW(write_png(directory_ / "empty.png", HeatmapImage{}), std::invalid_argument);
}

}  // namespace
}  // namespace mdasim

// The heatmap renderer: the documented layout, value ranges (automatic or set by the caller) and
// colour maps per layer, cells drawn in their colours with land in the land colour, patrol routes
// drawn dashed with a legend entry, labels placed by priority under a cap, text that puts ink on
// the image (fonts found), and PNG files written whole or not at all.
#include "render/heatmap.hpp"
#include "../io/temp_directory.hpp"
#include "png_size.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
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

// Ink of a route or text: every channel below 100 (the test scene's colours there are light).
bool is_ink(const Pixel& p) { return std::max({p.r, p.g, p.b}) < 100; }

// Whether the pixel at (x, y) or one of its 8 neighbours is ink (a thin anti-aliased line may
// straddle two rows).
bool ink_near(const HeatmapImage& image, double x, double y) {
  for (int dy = -1; dy <= 1; ++dy) {
    for (int dx = -1; dx <= 1; ++dx) {
      if (is_ink(pixel(image, x + dx, y + dy))) return true;
    }
  }
  return false;
}

// Of `n` points evenly spread along the line from a to b between fractions t0 and t1 of its
// length, how many have ink near them.
int ink_along(const HeatmapImage& image, const GeoPoint& a, const GeoPoint& b, double t0, double t1, int n) {
  int inked = 0;
  for (int i = 0; i < n; ++i) {
    const double t = t0 + (t1 - t0) * i / (n - 1);
    const double lon = a.lon_deg + t * (b.lon_deg - a.lon_deg);
    const double lat = a.lat_deg + t * (b.lat_deg - a.lat_deg);
    inked += ink_near(image, image.layout.x_of(lon), image.layout.y_of(lat)) ? 1 : 0;
  }
  return inked;
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

TEST(ValueScale, ARangeSetByTheCallerOverridesTheAutomaticOne) {
  HeatmapLayer fraction = grid_layer(0.0, 0.0, 2, 1, 1.0, 0.01f);
  fraction.name = "patrol_covered_fraction";
  fraction.units = "1";
  EXPECT_FALSE(value_scale(fraction).user_range);
  ValueScale s = value_scale(fraction, ValueRange{0.0, 0.05});
  EXPECT_TRUE(s.user_range);
  EXPECT_TRUE(s.fraction);
  EXPECT_EQ(s.low, 0.0);
  EXPECT_EQ(s.high, 0.05);
  EXPECT_EQ(s.caption, "fraction (1)");

  HeatmapLayer time = grid_layer(0.0, 0.0, 2, 1, 1.0, 3.0f);
  s = value_scale(time, ValueRange{-1.0, 10.0});
  EXPECT_EQ(s.low, -1.0);
  EXPECT_EQ(s.high, 10.0);
  EXPECT_EQ(s.colormap, "magma_r");

  const double inf = std::numeric_limits<double>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (const ValueRange bad :
       {ValueRange{1.0, 0.0}, ValueRange{0.5, 0.5}, ValueRange{nan, 1.0}, ValueRange{0.0, inf}}) {
    EXPECT_THROW((void)value_scale(time, bad), std::invalid_argument) << bad.low << " to " << bad.high;
  }
}

// A difference layer: RdBu reversed over a range symmetric about zero (zero at the centre),
// whatever the units, unless the caller sets the range.
TEST(ValueScale, DifferencesAreSymmetricAboutZero) {
  HeatmapLayer d = grid_layer(0.0, 0.0, 4, 1, 1.0);
  d.difference = true;
  d.values = {-0.25f, 0.5f, kNaN, 0.125f};
  ValueScale s = value_scale(d);
  EXPECT_TRUE(s.difference);
  EXPECT_FALSE(s.user_range);
  EXPECT_EQ(s.low, -0.5);
  EXPECT_EQ(s.high, 0.5);
  EXPECT_EQ(s.colormap, "RdBu_r");
  EXPECT_EQ(s.caption, "difference (h)");
  d.values = {-2.0f, 0.5f, kNaN, 0.0f};  // the larger side sets both ends
  s = value_scale(d);
  EXPECT_EQ(s.low, -2.0);
  EXPECT_EQ(s.high, 2.0);
  d.values = {0.0f, 0.0f, kNaN, 0.0f};  // no difference: -1..1
  s = value_scale(d);
  EXPECT_TRUE(s.any_value);
  EXPECT_EQ(s.low, -1.0);
  EXPECT_EQ(s.high, 1.0);
  d.values = {kNaN, kNaN, kNaN, kNaN};
  s = value_scale(d);
  EXPECT_FALSE(s.any_value);
  EXPECT_EQ(s.low, -1.0);
  EXPECT_EQ(s.high, 1.0);

  // A fraction's difference is not held to 0..1.
  d.name = "radar_covered_fraction";
  d.units = "1";
  d.values = {-0.25f, 0.125f, kNaN, 0.0f};
  s = value_scale(d);
  EXPECT_FALSE(s.fraction);
  EXPECT_EQ(s.low, -0.25);
  EXPECT_EQ(s.high, 0.25);
  EXPECT_EQ(s.colormap, "RdBu_r");
  EXPECT_EQ(s.caption, "difference (1)");

  // --range: as set, not centred on zero.
  s = value_scale(d, ValueRange{-0.1, 0.3});
  EXPECT_TRUE(s.user_range);
  EXPECT_EQ(s.low, -0.1);
  EXPECT_EQ(s.high, 0.3);
  EXPECT_EQ(s.colormap, "RdBu_r");
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

// Squared distance between a pixel and a colour map entry, per channel 0..255.
double distance2(const Pixel& p, const Rgb& c) {
  const double dr = p.r - c.r * 255.0, dg = p.g - c.g * 255.0, db = p.b - c.b * 255.0;
  return dr * dr + dg * dg + db * db;
}

TEST_F(RenderHeatmap, UserRangeChangesTheColours) {
  HeatmapScene scene = test_scene();
  scene.layer.name = "patrol_covered_fraction";
  scene.layer.units = "1";
  for (std::size_t i = 0; i < scene.layer.values.size(); ++i) {
    if (!std::isnan(scene.layer.values[i])) scene.layer.values[i] = 0.02f;
  }
  scene.layer.values[7] = 0.5f;  // (103.75E, 0.25N): above the range below
  const HeatmapImage automatic = render_heatmap(scene, 800);  // a fraction: 0..1
  scene.value_range = ValueRange{0.0, 0.02};
  const HeatmapImage ranged = render_heatmap(scene, 800);
  EXPECT_TRUE(ranged.scale.user_range);
  EXPECT_EQ(ranged.scale.high, 0.02);

  const Colormap viridis = Colormap::viridis();
  const Rgb& top = viridis.entry(Colormap::kEntries - 1);
  const Rgb& bottom = viridis.entry(0);
  for (const GeoPoint& cell : {GeoPoint{101.25, 0.75}, GeoPoint{102.75, 3.75}, GeoPoint{103.75, 0.25}}) {
    const Pixel p = pixel_at(ranged, cell.lon_deg, cell.lat_deg);  // 0.02 at the top; 0.5 clamped to it
    EXPECT_LT(distance2(p, top), 3.0) << cell.lon_deg << ", " << cell.lat_deg;
  }
  const Pixel low = pixel_at(automatic, 101.25, 0.75);  // 0.02 of 0..1: near the bottom
  EXPECT_LT(distance2(low, bottom), 100.0);
  EXPECT_GT(distance2(low, top), 100.0 * distance2(low, bottom));

  // The colour bar is the same map; its tick labels (0 to 1 against 0 to 0.02) differ.
  const auto& l = ranged.layout;
  int changed = 0;
  for (int y = static_cast<int>(l.map_y); y < static_cast<int>(l.map_y + 0.5 * l.map_h); ++y) {
    for (int x = static_cast<int>(l.map_x + l.map_w + 2.5 * l.unit_px); x < 800; ++x) {
      const Pixel a = pixel(ranged, x, y);
      const Pixel b = pixel(automatic, x, y);
      changed += std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) > 96 ? 1 : 0;
    }
  }
  EXPECT_GT(changed, 100) << changed;
}

// A difference map: cells at zero near-white, below zero blue, above red, from the RdBu table.
TEST_F(RenderHeatmap, DifferencesInDivergingColours) {
  HeatmapScene scene = test_scene();
  scene.layer.difference = true;
  for (std::size_t i = 0; i < scene.layer.values.size(); ++i) {
    const float v = scene.layer.values[i];
    if (!std::isnan(v)) scene.layer.values[i] = v - 4.0f;  // -2 .. 3 across the sea
  }
  const HeatmapImage image = render_heatmap(scene, 800);
  EXPECT_EQ(image.scale.low, -3.0);
  EXPECT_EQ(image.scale.high, 3.0);
  const Colormap map = Colormap::rdbu().reversed();
  // Columns 2, 4, 7: -2, 0, +3 of -3..3.
  EXPECT_LT(distance2(pixel_at(image, 101.25, 0.75), map.at(1.0 / 6.0)), 3.0);
  EXPECT_LT(distance2(pixel_at(image, 102.25, 0.75), map.at(0.5)), 3.0);
  EXPECT_LT(distance2(pixel_at(image, 103.75, 0.75), map.entry(Colormap::kEntries - 1)), 3.0);
  const Pixel zero = pixel_at(image, 102.25, 0.75);
  EXPECT_GE(std::min({zero.r, zero.g, zero.b}), 240);  // near-white
  const Pixel below = pixel_at(image, 101.25, 0.75);
  EXPECT_GT(below.b, below.r + 60);
  const Pixel above = pixel_at(image, 103.75, 0.75);
  EXPECT_GT(above.r, above.b + 60);
  // Land keeps the land colour.
  const Pixel land = pixel_at(image, 100.25, 0.75);
  EXPECT_EQ(land.r, kLandRgb[0]);
  EXPECT_EQ(land.b, kLandRgb[2]);
}

// The test scene with a triangular racetrack in the light south-west of the sea and a station.
const GeoPoint kTrackA{101.2, 0.4};
const GeoPoint kTrackB{102.4, 0.4};
const GeoPoint kTrackC{102.4, 0.9};
const GeoPoint kStation{101.75, 2.75};

TEST_F(RenderHeatmap, PatrolRoutesAreDashedDarkLinesWithALegendEntry) {
  HeatmapScene scene = test_scene();
  const HeatmapImage without = render_heatmap(scene, 1600);
  scene.routes = {{{kTrackA, kTrackB, kTrackC}, "Triangle"}, {{kStation}, "Station"}};
  const HeatmapImage with = render_heatmap(scene, 1600);

  // Ink around the middle of the first leg and of the closing leg (C back to A), in dashes:
  // some points along the leg are left clear.
  for (const auto& [a, b] : {std::pair{kTrackA, kTrackB}, std::pair{kTrackC, kTrackA}}) {
    EXPECT_EQ(ink_along(without, a, b, 0.4, 0.6, 41), 0);
    const int inked = ink_along(with, a, b, 0.4, 0.6, 41);
    EXPECT_GE(inked, 12) << a.lon_deg << ", " << a.lat_deg;
    EXPECT_LE(inked, 37) << a.lon_deg << ", " << a.lat_deg;
  }
  // The station is an open circle: ink on the ring, none at the centre.
  const double x = with.layout.x_of(kStation.lon_deg);
  const double y = with.layout.y_of(kStation.lat_deg);
  const double r = std::max(3.0, 0.4 * with.layout.unit_px);
  EXPECT_TRUE(ink_near(with, x + r, y));
  EXPECT_TRUE(ink_near(with, x, y - r));
  EXPECT_FALSE(is_ink(pixel(with, x, y)));
  EXPECT_FALSE(ink_near(without, x + r, y));

  // The legend below the colour bar gains "patrol route" and "patrol station".
  const auto& l = with.layout;
  const int legend_x = static_cast<int>(l.map_x + l.map_w) + 3;
  const int legend_y = static_cast<int>(l.map_y + std::min(0.5 * l.map_h, 22.0 * l.unit_px) + 2.8 * l.unit_px);
  const int legend_before = dark_pixels(without, legend_x, legend_y, 1600, with.height_px);
  EXPECT_GT(dark_pixels(with, legend_x, legend_y, 1600, with.height_px), legend_before + 150);

  EXPECT_EQ(with.labelled_routes, (std::vector<std::string>{"Triangle", "Station"}));
  EXPECT_TRUE(with.unlabelled_routes.empty());
}

TEST_F(RenderHeatmap, RouteLabelsAreNotCountedInTheCap) {
  HeatmapScene scene = test_scene();
  scene.max_labels = 0;
  // One route labelled, one with no label, one starting in the map's south-west corner, where no
  // place around its first point is inside the map.
  scene.routes = {{{kTrackA, kTrackB}, "Barrier"},
                  {{kTrackB, kTrackC}, ""},
                  {{GeoPoint{100.0, 0.0}, kTrackA}, "Corner"}};
  HeatmapImage image = render_heatmap(scene, 800);
  EXPECT_TRUE(image.labelled.empty());
  EXPECT_EQ(image.unlabelled, (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(image.labelled_routes, (std::vector<std::string>{"Barrier"}));
  EXPECT_EQ(image.unlabelled_routes, (std::vector<std::string>{"Corner"}));

  scene.max_labels = -1;
  image = render_heatmap(scene, 800);
  EXPECT_EQ(image.labelled, (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(image.labelled_routes, (std::vector<std::string>{"Barrier"}));
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
  const std::optional<test::PngSize> size = test::png_size(path);
  ASSERT_TRUE(size.has_value());
  EXPECT_EQ(size->width_px, 640u);
  EXPECT_EQ(size->height_px, static_cast<unsigned>(image.height_px));
  EXPECT_EQ(files(), (std::vector<std::filesystem::path>{"map.png"}));  // no temporary file left

  EXPECT_THROW(write_png(directory_ / "no-such-folder" / "map.png", image), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(directory_ / "no-such-folder"));
  EXPECT_THROW(write_png(directory_ / "empty.png", HeatmapImage{}), std::invalid_argument);
}

}  // namespace
}  // namespace mdasim

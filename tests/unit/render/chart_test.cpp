// The XY chart renderer: the documented layout and default ranges, markers, error bars and curves
// drawn at the pixels the layout gives in their series' colours, curves broken at non-finite
// values, the legend kept off the data, text that puts ink on the image, refusals of mismatched
// data and bad ranges, and PNG files of the requested size written whole.
#include "render/chart.hpp"
#include "render/heatmap.hpp"  // release_render_caches
#include "../io/temp_directory.hpp"
#include "png_size.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <stdexcept>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr Rgb kRed{0.8, 0.1, 0.1};
constexpr Rgb kBlue{0.1, 0.3, 0.8};

struct Pixel {
  int r, g, b;
};

Pixel pixel(const ChartImage& image, double x, double y) {
  const std::uint32_t p =
      image.pixels.at(static_cast<std::size_t>(static_cast<int>(y) * image.width_px + static_cast<int>(x)));
  return {static_cast<int>(p >> 16 & 0xFF), static_cast<int>(p >> 8 & 0xFF), static_cast<int>(p & 0xFF)};
}

// Whether the pixel at (x, y) has the colour, within 2 of 255 per channel.
bool has_colour(const ChartImage& image, double x, double y, const Rgb& c) {
  const Pixel p = pixel(image, x, y);
  return std::abs(p.r - c.r * 255.0) <= 2.0 && std::abs(p.g - c.g * 255.0) <= 2.0 && std::abs(p.b - c.b * 255.0) <= 2.0;
}

// Pixels of ink (text is dark grey, anti-aliased) in [x0, x1) x [y0, y1).
int dark_pixels(const ChartImage& image, double x0, double y0, double x1, double y1) {
  int n = 0;
  for (int y = static_cast<int>(y0); y < static_cast<int>(y1); ++y) {
    for (int x = static_cast<int>(x0); x < static_cast<int>(x1); ++x) {
      const Pixel p = pixel(image, x, y);
      if (std::max({p.r, p.g, p.b}) < 160) ++n;
    }
  }
  return n;
}

// POD against coverage: the law 1 - exp(-C) sampled finely, and four simulated points with bars.
Chart pod_chart() {
  Chart chart;
  chart.title = "Random search: probability of detection";
  chart.subtitle = "simulated against 1 - exp(-C)";
  chart.x_label = "coverage C = W V t / A";
  chart.y_label = "probability of detection";
  chart.footnote = "bars: 95% intervals";
  chart.x_range = std::pair{0.0, 4.0};
  chart.y_range = std::pair{0.0, 1.0};
  ChartCurve law{"1 - exp(-C)", {}, {}, kBlue, false};
  for (int i = 0; i <= 80; ++i) {
    law.x.push_back(i * 0.05);
    law.y.push_back(1.0 - std::exp(-i * 0.05));
  }
  chart.curves.push_back(law);
  chart.points.push_back({"simulated", {0.17, 0.7, 1.5, 2.9}, {0.16, 0.5, 0.78, 0.945},
                          {0.12, 0.44, 0.73, 0.92}, {0.20, 0.56, 0.83, 0.97}, kRed});
  return chart;
}

// A horizontal line at y = 0.5 over x = 0..4 (in 0.5 steps), in a 0..4 x 0..1 frame.
Chart level_chart() {
  Chart chart;
  chart.x_range = std::pair{0.0, 4.0};
  chart.y_range = std::pair{0.0, 1.0};
  ChartCurve level{"level", {}, {}, kBlue, false};
  for (int i = 0; i <= 8; ++i) {
    level.x.push_back(i * 0.5);
    level.y.push_back(0.5);
  }
  chart.curves.push_back(level);
  return chart;
}

TEST(ChartLayout, FollowsTheDocumentedFormula) {
  const Chart chart = pod_chart();
  const ChartLayout small = chart_layout(chart, 1000, 700);  // u = 10
  EXPECT_EQ(small.width_px, 1000);
  EXPECT_EQ(small.height_px, 700);
  EXPECT_DOUBLE_EQ(small.unit_px, 10.0);
  EXPECT_DOUBLE_EQ(small.plot_x, 65.0);
  EXPECT_DOUBLE_EQ(small.plot_y, 50.0);
  EXPECT_DOUBLE_EQ(small.plot_w, 1000.0 - 65.0 - 20.0);
  EXPECT_DOUBLE_EQ(small.plot_h, 700.0 - 50.0 - 60.0);
  EXPECT_DOUBLE_EQ(small.x_of(0.0), 65.0);
  EXPECT_DOUBLE_EQ(small.x_of(4.0), 65.0 + 915.0);
  EXPECT_DOUBLE_EQ(small.y_of(1.0), 50.0);
  EXPECT_DOUBLE_EQ(small.y_of(0.25), 50.0 + 0.75 * 590.0);

  const ChartLayout large = chart_layout(chart, 1600, 1000);  // u = 16
  EXPECT_DOUBLE_EQ(large.plot_x, 104.0);
  EXPECT_DOUBLE_EQ(large.plot_y, 80.0);
  EXPECT_DOUBLE_EQ(large.plot_w, 1600.0 - 104.0 - 32.0);
  EXPECT_DOUBLE_EQ(large.plot_h, 1000.0 - 80.0 - 96.0);
}

TEST(ChartLayout, DefaultRangesContainAllData) {
  Chart chart;
  chart.curves.push_back({"", {1.0, 2.0, kNaN, 5.0}, {0.3, 0.6, 40.0, kNaN}, kBlue, false});
  chart.points.push_back({"", {0.5, 6.0, kNaN}, {0.2, 0.9, 50.0}, {-0.2, 0.8, 1.0}, {0.4, 1.3, 2.0}, kRed});
  const ChartLayout l = chart_layout(chart, 800, 600);
  // x: 0.5..6 and y: -0.2..1.3 (the bars' ends; samples and bars with a NaN are not drawn and do
  // not count), each widened by 4% of its span.
  EXPECT_NEAR(l.x_low, 0.5 - 0.04 * 5.5, 1e-12);
  EXPECT_NEAR(l.x_high, 6.0 + 0.04 * 5.5, 1e-12);
  EXPECT_NEAR(l.y_low, -0.2 - 0.04 * 1.5, 1e-12);
  EXPECT_NEAR(l.y_high, 1.3 + 0.04 * 1.5, 1e-12);
  for (const ChartPoints& p : chart.points) {
    for (std::size_t i = 0; i < p.x.size(); ++i) {
      if (!std::isfinite(p.x[i])) continue;
      EXPECT_GT(l.x_of(p.x[i]), l.plot_x);
      EXPECT_LT(l.x_of(p.x[i]), l.plot_x + l.plot_w);
      EXPECT_GT(l.y_of(p.y_low[i]), l.plot_y);
      EXPECT_LT(l.y_of(p.y_low[i]), l.plot_y + l.plot_h);
      EXPECT_GT(l.y_of(p.y_high[i]), l.plot_y);
    }
  }

  // One value v: v -+ |v| / 10; none: 0..1; a range set by the caller is kept as it is.
  Chart single;
  single.points.push_back({"", {2.0}, {0.0}, {}, {}, kRed});
  const ChartLayout one = chart_layout(single, 800, 600);
  EXPECT_DOUBLE_EQ(one.x_low, 1.8);
  EXPECT_DOUBLE_EQ(one.x_high, 2.2);
  EXPECT_DOUBLE_EQ(one.y_low, -0.5);
  EXPECT_DOUBLE_EQ(one.y_high, 0.5);
  const ChartLayout none = chart_layout(Chart{}, 800, 600);
  EXPECT_EQ(none.x_low, 0.0);
  EXPECT_EQ(none.x_high, 1.0);
  single.y_range = std::pair{-3.0, 7.0};
  EXPECT_EQ(chart_layout(single, 800, 600).y_low, -3.0);
  EXPECT_EQ(chart_layout(single, 800, 600).y_high, 7.0);
}

TEST(ChartLayout, RefusesMismatchedSizesAndBadRanges) {
  const Chart good = pod_chart();
  EXPECT_NO_THROW((void)chart_layout(good, 800, 600));

  Chart curve = good;
  curve.curves[0].y.pop_back();
  EXPECT_THROW((void)chart_layout(curve, 800, 600), std::invalid_argument);
  Chart points = good;
  points.points[0].y.push_back(0.5);
  EXPECT_THROW((void)chart_layout(points, 800, 600), std::invalid_argument);
  Chart bars = good;
  bars.points[0].y_high.clear();
  EXPECT_THROW((void)chart_layout(bars, 800, 600), std::invalid_argument);
  Chart short_bars = good;
  short_bars.points[0].y_low.pop_back();
  short_bars.points[0].y_high.pop_back();
  EXPECT_THROW((void)chart_layout(short_bars, 800, 600), std::invalid_argument);

  for (const auto& range : {std::pair{1.0, 1.0}, std::pair{2.0, 1.0}, std::pair{kNaN, 1.0},
                            std::pair{0.0, std::numeric_limits<double>::infinity()}}) {
    Chart x = good;
    x.x_range = range;
    EXPECT_THROW((void)chart_layout(x, 800, 600), std::invalid_argument) << range.first << " " << range.second;
    Chart y = good;
    y.y_range = range;
    EXPECT_THROW((void)chart_layout(y, 800, 600), std::invalid_argument) << range.first << " " << range.second;
  }
  EXPECT_THROW((void)chart_layout(good, kMinChartWidthPx - 1, 600), std::invalid_argument);
  EXPECT_THROW((void)chart_layout(good, 800, kMinChartHeightPx - 1), std::invalid_argument);
  EXPECT_THROW((void)chart_layout(good, kMaxChartSidePx + 1, 600), std::invalid_argument);
  EXPECT_THROW((void)render_chart(curve, 800, 600), std::invalid_argument);
}

// Frees cairo's and fontconfig's process-wide caches after each drawing test, so that
// LeakSanitizer (the asan preset) reports nothing.
class RenderChart : public ::testing::Test {
 protected:
  void TearDown() override { release_render_caches(); }
};

TEST_F(RenderChart, MarkersAndErrorBarsAtTheirPixels) {
  const Chart chart = pod_chart();
  const ChartImage image = render_chart(chart, 1000, 700);
  ASSERT_EQ(image.width_px, 1000);
  ASSERT_EQ(image.height_px, 700);
  ASSERT_EQ(image.pixels.size(), 1000u * 700u);
  const ChartLayout& l = image.layout;
  const ChartPoints& p = chart.points[0];
  for (std::size_t i = 0; i < p.x.size(); ++i) {
    const double x = l.x_of(p.x[i]);
    EXPECT_TRUE(has_colour(image, x, l.y_of(p.y[i]), kRed)) << i;
    EXPECT_TRUE(has_colour(image, x, l.y_of(p.y_low[i]), kRed)) << i;
    EXPECT_TRUE(has_colour(image, x, l.y_of(p.y_high[i]), kRed)) << i;
    // The bar's caps reach 4 px to each side (u = 10), and the bar ends there: beyond is no bar.
    EXPECT_TRUE(has_colour(image, x + 3.0, l.y_of(p.y_low[i]), kRed)) << i;
    EXPECT_TRUE(has_colour(image, x - 3.0, l.y_of(p.y_high[i]), kRed)) << i;
    EXPECT_FALSE(has_colour(image, x, l.y_of(p.y_low[i]) + 4.0, kRed)) << i;
    EXPECT_FALSE(has_colour(image, x, l.y_of(p.y_high[i]) - 4.0, kRed)) << i;
    // The legend leaves the points uncovered.
    EXPECT_FALSE(x >= image.legend_x && x <= image.legend_x + image.legend_w && l.y_of(p.y[i]) >= image.legend_y &&
                 l.y_of(p.y[i]) <= image.legend_y + image.legend_h)
        << i;
  }
  // The law's curve passes through its samples where no point covers it.
  for (double c : {0.4, 1.1, 2.2, 3.5}) {
    EXPECT_TRUE(has_colour(image, l.x_of(c), l.y_of(1.0 - std::exp(-c)), kBlue)) << c;
  }
  EXPECT_GT(image.legend_w, 0.0);
  EXPECT_GT(image.legend_h, 0.0);
}

TEST_F(RenderChart, ACurvePassesThroughItsSamples) {
  const ChartImage image = render_chart(level_chart(), 1000, 700);
  const ChartLayout& l = image.layout;
  const double y = l.y_of(0.5);
  int on = 0;
  int n = 0;
  for (double x = l.plot_x + 2.0; x < l.plot_x + l.plot_w - 2.0; x += 1.0, ++n) {
    on += has_colour(image, x, y, kBlue) ? 1 : 0;
  }
  EXPECT_EQ(on, n);
  // Off the line: no curve colour (grid lines are grey).
  for (double x = l.plot_x + 2.0; x < l.plot_x + l.plot_w - 2.0; x += 7.0) {
    EXPECT_FALSE(has_colour(image, x, y - 2.0 * l.unit_px, kBlue)) << x;
    EXPECT_FALSE(has_colour(image, x, y + 2.0 * l.unit_px, kBlue)) << x;
  }

  // Dashed, the same line has its colour along part of the row only.
  Chart dashed = level_chart();
  dashed.curves[0].dashed = true;
  const ChartImage dashes = render_chart(dashed, 1000, 700);
  on = 0;
  for (double x = l.plot_x + 2.0; x < l.plot_x + l.plot_w - 2.0; x += 1.0) {
    on += has_colour(dashes, x, y, kBlue) ? 1 : 0;
  }
  EXPECT_GT(on, n / 3);
  EXPECT_LT(on, 3 * n / 4);
}

TEST_F(RenderChart, NonFiniteValuesBreakACurve) {
  Chart chart = level_chart();
  chart.curves[0].y[4] = kNaN;  // x = 2: the curve stops at x = 1.5 and starts again at 2.5
  const ChartImage image = render_chart(chart, 1000, 700);
  const ChartLayout& l = image.layout;
  const double y = l.y_of(0.5);
  for (double x : {0.2, 1.0, 1.45, 2.55, 3.0, 3.8}) EXPECT_TRUE(has_colour(image, l.x_of(x), y, kBlue)) << x;
  for (double x : {1.6, 2.0, 2.4}) EXPECT_FALSE(has_colour(image, l.x_of(x), y, kBlue)) << x;
}

TEST_F(RenderChart, TextPutsInkOnTheImage) {
  Chart chart = pod_chart();
  const ChartImage with = render_chart(chart, 1000, 700);
  chart.title.clear();
  chart.subtitle.clear();
  chart.x_label.clear();
  chart.y_label.clear();
  chart.footnote.clear();
  const ChartImage without = render_chart(chart, 1000, 700);
  const ChartLayout& l = with.layout;
  const double below = l.plot_y + l.plot_h;
  // Title and subtitle; x label; footnote.
  for (const auto& [x0, y0, x1, y1] : {std::array{0.0, 0.0, 1000.0, l.plot_y - 5.0},
                                       std::array{l.plot_x, below + 1.5 * l.unit_px, 1000.0, below + 3.2 * l.unit_px},
                                       std::array{0.0, below + 3.3 * l.unit_px, 1000.0, 700.0}}) {
    EXPECT_GT(dark_pixels(with, x0, y0, x1, y1), 20) << x0 << " " << y0;
    EXPECT_EQ(dark_pixels(without, x0, y0, x1, y1), 0) << x0 << " " << y0;
  }
  // The y label, left of the tick labels (drawn in both).
  EXPECT_GT(dark_pixels(with, 0.0, l.plot_y, l.plot_x, below),
            dark_pixels(without, 0.0, l.plot_y, l.plot_x, below) + 20);
}

class WriteChartPng : public test::TempDirectoryTest {
 protected:
  WriteChartPng() : TempDirectoryTest("mdasim-chart-") {}
  void TearDown() override {
    release_render_caches();
    TempDirectoryTest::TearDown();
  }
};

TEST_F(WriteChartPng, WritesAWholeFileOfTheRequestedSize) {
  const std::filesystem::path path = directory_ / "pod.png";
  write_chart_png(pod_chart(), 900, 640, path);
  const std::optional<test::PngSize> size = test::png_size(path);
  ASSERT_TRUE(size.has_value());
  EXPECT_EQ(size->width_px, 900u);
  EXPECT_EQ(size->height_px, 640u);
  EXPECT_EQ(files(), (std::vector<std::filesystem::path>{"pod.png"}));  // no temporary file left

  EXPECT_THROW(write_chart_png(pod_chart(), 900, 640, directory_ / "no-such-folder" / "pod.png"), std::runtime_error);
  EXPECT_FALSE(std::filesystem::exists(directory_ / "no-such-folder"));
  Chart bad = pod_chart();
  bad.y_range = std::pair{1.0, 0.0};
  EXPECT_THROW(write_chart_png(bad, 900, 640, directory_ / "bad.png"), std::invalid_argument);
  EXPECT_EQ(files(), (std::vector<std::filesystem::path>{"pod.png"}));
}

}  // namespace
}  // namespace mdasim

// Drawing an XY chart as a briefing-quality PNG with cairo, for the validation report: curves
// (lines through sampled points, e.g. an analytic law sampled finely) and series of points with
// optional vertical error bars (e.g. simulated estimates with their 95% intervals), over a frame
// with ticks, light grid lines and axis labels, under a title and subtitle, with a legend and a
// footnote, on white. Independent of the command line and of the models: the caller supplies
// the data and the texts.
//
// Layout (pixels), for an image `width` x `height`:
//   u        = max(10, width / 100)                 the font unit (16 px at 1600)
//   left     = ceil(6.5 u), right = ceil(2 u), top = ceil(5 u), bottom = ceil(6 u)
//   plot_x   = left, plot_y = top, plot_w = width - left - right, plot_h = height - top - bottom
//   x_of(x)  = plot_x + (x - x_low) / (x_high - x_low) * plot_w
//   y_of(y)  = plot_y + (y_high - y) / (y_high - y_low) * plot_h
// The frame is [plot_x, plot_x + plot_w] x [plot_y, plot_y + plot_h]. Title and subtitle are
// drawn above it as on a heatmap (baselines 1.9 u and 3.4 u, from plot_x); below it the x tick
// labels (baseline 1.2 u under the frame), the x axis label (2.7 u under) and the footnote (first
// baseline 4.3 u under, at most two lines); left of it the y tick labels and, turned a quarter
// left, the y axis label.
//
// Ranges: x_low..x_high is the chart's x_range when set, else the extent of the x values drawn
// (those of samples and points with x and y finite, and of bars with x and both ends finite),
// widened by 4% of its span on each side; y_low..y_high likewise from the y values drawn, the
// bars' ends included. A single value v gives v - d..v + d with d = |v| / 10 (0.5 for v = 0);
// nothing drawn gives 0..1. Ticks are nice_ticks (ticks.hpp) inside the range,
// about plot_w / (8 u) on x and plot_h / (4 u) on y (each 3 to 10), each with a grid line.
//
// Drawing, bottom up, all data clipped to the frame: grid lines; curves in order (solid or
// dashed lines of width max(2, 0.15 u)); for each series of points, its error bars (vertical
// lines of width max(2, 0.12 u) from y_of(y_low) to y_of(y_high) with caps max(4, 0.35 u) to
// each side at both ends) and then its markers (discs of radius max(3.5, 0.3 u) with a thin white
// rim); then the frame, ticks, labels and legend. A non-finite x or y is skipped: a curve breaks
// there, and a point is not drawn; a bar is drawn when both its ends are finite. Widths of at
// least 2 px and discs of radius above 1.5 px cover the whole pixel (floor(x_of(x)),
// floor(y_of(y))) in the series' colour.
//
// Legend: one row per curve or series with a label (curves first), each a short sample (a line,
// or a marker with a bar) and the label, in a white box inside the frame, 0.6 u from it, in the
// corner that covers the least data: top right, top left, bottom right, bottom left, the first of
// those with the fewest data samples under the box (curves and bars sampled every u pixels along
// their length, each marker counted four times).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "render/colormap.hpp"

namespace mdasim {

inline constexpr int kMinChartWidthPx = 300;
inline constexpr int kMinChartHeightPx = 200;
inline constexpr int kMaxChartSidePx = 10000;

// A line through (x[i], y[i]) in order.
struct ChartCurve {
  std::string label;  // legend text; empty: not in the legend
  std::vector<double> x, y;
  Rgb colour;
  bool dashed = false;
};

// Markers at (x[i], y[i]) with optional vertical error bars from y_low[i] to y_high[i].
struct ChartPoints {
  std::string label;  // legend text; empty: not in the legend
  std::vector<double> x, y;
  std::vector<double> y_low, y_high;  // both empty, or both one per point
  Rgb colour;
};

struct Chart {
  std::string title;     // first line, bold
  std::string subtitle;  // second line
  std::string x_label, y_label;
  std::string footnote;  // below the chart, small; '\n' starts a new line (at most two fit)
  std::optional<std::pair<double, double>> x_range, y_range;  // (low, high); empty: from the data
  std::vector<ChartCurve> curves;
  std::vector<ChartPoints> points;
};

// Where things go; x_of/y_of map data values to pixels.
struct ChartLayout {
  int width_px = 0;
  int height_px = 0;
  double unit_px = 0.0;  // the font unit u
  double plot_x = 0.0, plot_y = 0.0, plot_w = 0.0, plot_h = 0.0;
  double x_low = 0.0, x_high = 1.0, y_low = 0.0, y_high = 1.0;

  [[nodiscard]] double x_of(double x) const { return plot_x + (x - x_low) / (x_high - x_low) * plot_w; }
  [[nodiscard]] double y_of(double y) const { return plot_y + (y_high - y) / (y_high - y_low) * plot_h; }
};

// Throws std::invalid_argument for a width or height outside kMin.../kMaxChartSidePx, a range
// that is not finite with low < high, or a curve or series whose vectors' sizes do not match.
[[nodiscard]] ChartLayout chart_layout(const Chart& chart, int width_px, int height_px);

// A drawn chart: opaque pixels, 0xAARRGGBB row-major from the top-left.
struct ChartImage {
  int width_px = 0;
  int height_px = 0;
  std::vector<std::uint32_t> pixels;
  ChartLayout layout;
  double legend_x = 0.0, legend_y = 0.0, legend_w = 0.0, legend_h = 0.0;  // the legend's box; all 0: none
};

// Draws the chart. Throws like chart_layout, and std::runtime_error if cairo fails.
[[nodiscard]] ChartImage render_chart(const Chart& chart, int width_px, int height_px);

// Draws the chart and writes it as PNG, whole or not at all (as write_png in heatmap.hpp).
// Throws like render_chart, and std::runtime_error naming the file when it cannot be written.
void write_chart_png(const Chart& chart, int width_px, int height_px, const std::filesystem::path& png);

}  // namespace mdasim

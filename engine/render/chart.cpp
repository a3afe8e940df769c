// Drawing an XY chart with cairo (see chart.hpp for the layout, ranges and drawing rules).
#include "render/chart.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <sstream>
#include <stdexcept>

#include "render/drawing.hpp"
#include "render/ticks.hpp"

namespace mdasim {
namespace {

using drawing::Align;
using drawing::font;
using drawing::kInk;
using drawing::kWhite;
using drawing::set_rgb;
using drawing::show_text;

void check_range(const std::optional<std::pair<double, double>>& range, const char* axis) {
  if (range && !(std::isfinite(range->first) && std::isfinite(range->second) && range->first < range->second)) {
    std::ostringstream text;
    text << "the " << axis << " range " << range->first << " to " << range->second
         << " is not two finite numbers with the low one first";
    throw std::invalid_argument(text.str());
  }
}

void check_sizes(const Chart& chart) {
  for (const ChartCurve& c : chart.curves) {
    if (c.x.size() != c.y.size()) {
      throw std::invalid_argument("curve '" + c.label + "' has " + std::to_string(c.x.size()) + " x values and " +
                                  std::to_string(c.y.size()) + " y values");
    }
  }
  for (const ChartPoints& p : chart.points) {
    const std::size_t n = p.x.size();
    if (p.y.size() != n || p.y_low.size() != p.y_high.size() || (!p.y_low.empty() && p.y_low.size() != n)) {
      throw std::invalid_argument("points '" + p.label + "' have " + std::to_string(n) + " x, " +
                                  std::to_string(p.y.size()) + " y, " + std::to_string(p.y_low.size()) +
                                  " low and " + std::to_string(p.y_high.size()) + " high values");
    }
  }
}

// The extent of the values added, widened as chart.hpp says.
class Extent {
 public:
  void add(double v) {
    low_ = std::min(low_, v);
    high_ = std::max(high_, v);
  }

  [[nodiscard]] std::pair<double, double> range() const {
    if (!(low_ <= high_)) return {0.0, 1.0};
    if (low_ == high_) {
      const double d = low_ == 0.0 ? 0.5 : std::abs(low_) / 10.0;
      return {low_ - d, low_ + d};
    }
    const double margin = 0.04 * (high_ - low_);
    return {low_ - margin, high_ + margin};
  }

 private:
  double low_ = std::numeric_limits<double>::infinity();
  double high_ = -std::numeric_limits<double>::infinity();
};

int tick_target(double length_px, double spacing_px) {
  return std::clamp(static_cast<int>(std::lround(length_px / spacing_px)), 3, 10);
}

struct LegendBox {
  double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
  [[nodiscard]] bool contains(double px, double py) const { return px >= x && px <= x + w && py >= y && py <= y + h; }
};

class ChartPainter {
 public:
  ChartPainter(cairo_t* cr, const Chart& chart, const ChartLayout& layout)
      : cr_(cr), chart_(chart), l_(layout), u_(layout.unit_px) {}

  void paint(ChartImage& out) {
    set_rgb(cr_, kWhite);
    cairo_paint(cr_);
    const Ticks x_ticks = nice_ticks(l_.x_low, l_.x_high, tick_target(l_.plot_w, 8.0 * u_));
    const Ticks y_ticks = nice_ticks(l_.y_low, l_.y_high, tick_target(l_.plot_h, 4.0 * u_));
    cairo_save(cr_);
    cairo_rectangle(cr_, l_.plot_x, l_.plot_y, l_.plot_w, l_.plot_h);
    cairo_clip(cr_);
    draw_grid(x_ticks, y_ticks);
    for (const ChartCurve& c : chart_.curves) draw_curve(c);
    for (const ChartPoints& p : chart_.points) draw_points(p);
    cairo_restore(cr_);
    draw_frame_and_ticks(x_ticks, y_ticks);
    draw_legend(out);
    drawing::draw_title_block(cr_, chart_.title, chart_.subtitle, l_.plot_x, l_.plot_w, u_);
    drawing::draw_footnote_lines(cr_, chart_.footnote, l_.plot_x, l_.plot_y + l_.plot_h + 4.3 * u_, l_.plot_w, u_);
  }

 private:
  [[nodiscard]] double line(double units) const { return std::max(1.0, units * u_); }
  [[nodiscard]] double curve_width() const { return std::max(2.0, 0.15 * u_); }
  [[nodiscard]] double bar_width() const { return std::max(2.0, 0.12 * u_); }
  [[nodiscard]] double cap_half() const { return std::max(4.0, 0.35 * u_); }
  [[nodiscard]] double marker_radius() const { return std::max(3.5, 0.3 * u_); }

  void draw_grid(const Ticks& x_ticks, const Ticks& y_ticks) {
    cairo_new_path(cr_);
    for (double v : x_ticks.values) {
      cairo_move_to(cr_, l_.x_of(v), l_.plot_y);
      cairo_line_to(cr_, l_.x_of(v), l_.plot_y + l_.plot_h);
    }
    for (double v : y_ticks.values) {
      cairo_move_to(cr_, l_.plot_x, l_.y_of(v));
      cairo_line_to(cr_, l_.plot_x + l_.plot_w, l_.y_of(v));
    }
    set_rgb(cr_, kInk, 0.12);
    cairo_set_line_width(cr_, line(0.06));
    cairo_stroke(cr_);
  }

  // Strokes the current path as a curve's line, dashed or solid.
  void stroke_curve(const ChartCurve& c) {
    const std::array<double, 2> dashes{0.7 * u_, 0.45 * u_};
    if (c.dashed) cairo_set_dash(cr_, dashes.data(), static_cast<int>(dashes.size()), 0.0);
    set_rgb(cr_, c.colour);
    cairo_set_line_width(cr_, curve_width());
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0.0);
  }

  void draw_curve(const ChartCurve& c) {
    cairo_new_path(cr_);
    bool joined = false;  // the previous sample was finite: continue from it
    for (std::size_t i = 0; i < c.x.size(); ++i) {
      if (!std::isfinite(c.x[i]) || !std::isfinite(c.y[i])) {
        joined = false;
        continue;
      }
      if (joined) {
        cairo_line_to(cr_, l_.x_of(c.x[i]), l_.y_of(c.y[i]));
      } else {
        cairo_move_to(cr_, l_.x_of(c.x[i]), l_.y_of(c.y[i]));
      }
      joined = true;
    }
    stroke_curve(c);
  }

  void bar(const Rgb& colour, double x, double y_low, double y_high) {
    cairo_new_path(cr_);
    cairo_move_to(cr_, x, y_low);
    cairo_line_to(cr_, x, y_high);
    for (double y : {y_low, y_high}) {
      cairo_move_to(cr_, x - cap_half(), y);
      cairo_line_to(cr_, x + cap_half(), y);
    }
    set_rgb(cr_, colour);
    cairo_set_line_width(cr_, bar_width());
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
    cairo_stroke(cr_);
  }

  void marker(const Rgb& colour, double x, double y) {
    const double rim = line(0.08);
    cairo_new_path(cr_);
    cairo_arc(cr_, x, y, marker_radius() + 0.5 * rim, 0.0, 2.0 * std::numbers::pi);
    set_rgb(cr_, kWhite);
    cairo_set_line_width(cr_, rim);
    cairo_stroke(cr_);
    cairo_arc(cr_, x, y, marker_radius(), 0.0, 2.0 * std::numbers::pi);
    set_rgb(cr_, colour);
    cairo_fill(cr_);
  }

  void draw_points(const ChartPoints& p) {
    for (std::size_t i = 0; i < p.y_low.size(); ++i) {
      if (std::isfinite(p.x[i]) && std::isfinite(p.y_low[i]) && std::isfinite(p.y_high[i])) {
        bar(p.colour, l_.x_of(p.x[i]), l_.y_of(p.y_low[i]), l_.y_of(p.y_high[i]));
      }
    }
    for (std::size_t i = 0; i < p.x.size(); ++i) {
      if (std::isfinite(p.x[i]) && std::isfinite(p.y[i])) marker(p.colour, l_.x_of(p.x[i]), l_.y_of(p.y[i]));
    }
  }

  void draw_frame_and_ticks(const Ticks& x_ticks, const Ticks& y_ticks) {
    cairo_new_path(cr_);
    cairo_rectangle(cr_, l_.plot_x, l_.plot_y, l_.plot_w, l_.plot_h);
    for (double v : x_ticks.values) {
      cairo_move_to(cr_, l_.x_of(v), l_.plot_y + l_.plot_h);
      cairo_line_to(cr_, l_.x_of(v), l_.plot_y + l_.plot_h + 0.3 * u_);
    }
    for (double v : y_ticks.values) {
      cairo_move_to(cr_, l_.plot_x - 0.3 * u_, l_.y_of(v));
      cairo_line_to(cr_, l_.plot_x, l_.y_of(v));
    }
    set_rgb(cr_, kInk);
    cairo_set_line_width(cr_, line(0.07));
    cairo_stroke(cr_);

    font(cr_, 0.75 * u_);
    for (double v : x_ticks.values) {
      show_text(cr_, format_tick(v, x_ticks.decimals), l_.x_of(v), l_.plot_y + l_.plot_h + 1.2 * u_, Align::kCentre,
                kInk);
    }
    double widest = 0.0;
    for (double v : y_ticks.values) {
      const std::string text = format_tick(v, y_ticks.decimals);
      widest = std::max(widest, drawing::text_width(cr_, text));
      show_text(cr_, text, l_.plot_x - 0.45 * u_, l_.y_of(v), Align::kRight, kInk, true);
    }

    font(cr_, 0.85 * u_);
    show_text(cr_, chart_.x_label, l_.plot_x + 0.5 * l_.plot_w, l_.plot_y + l_.plot_h + 2.7 * u_, Align::kCentre,
              kInk);
    if (chart_.y_label.empty()) return;
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    const double baseline = std::max(fe.ascent + 0.4 * u_, l_.plot_x - 0.45 * u_ - widest - 0.6 * u_);
    cairo_save(cr_);
    cairo_translate(cr_, baseline, l_.plot_y + 0.5 * l_.plot_h);
    cairo_rotate(cr_, -0.5 * std::numbers::pi);
    show_text(cr_, chart_.y_label, 0.0, 0.0, Align::kCentre, kInk);
    cairo_restore(cr_);
  }

  // How many data samples lie in the box (chart.hpp: curves and bars every u pixels, markers
  // four times).
  [[nodiscard]] int samples_under(const LegendBox& box) const {
    int n = 0;
    const auto along = [&](double x0, double y0, double x1, double y1) {
      const int steps = std::max(1, static_cast<int>(std::ceil(std::hypot(x1 - x0, y1 - y0) / u_)));
      for (int k = 0; k <= steps; ++k) {
        const double t = static_cast<double>(k) / steps;
        n += box.contains(x0 + t * (x1 - x0), y0 + t * (y1 - y0)) ? 1 : 0;
      }
    };
    for (const ChartCurve& c : chart_.curves) {
      for (std::size_t i = 1; i < c.x.size(); ++i) {
        if (std::isfinite(c.x[i - 1]) && std::isfinite(c.y[i - 1]) && std::isfinite(c.x[i]) && std::isfinite(c.y[i])) {
          along(l_.x_of(c.x[i - 1]), l_.y_of(c.y[i - 1]), l_.x_of(c.x[i]), l_.y_of(c.y[i]));
        }
      }
    }
    for (const ChartPoints& p : chart_.points) {
      for (std::size_t i = 0; i < p.x.size(); ++i) {
        if (!std::isfinite(p.x[i])) continue;
        const double x = l_.x_of(p.x[i]);
        if (std::isfinite(p.y[i])) n += box.contains(x, l_.y_of(p.y[i])) ? 4 : 0;
        if (i < p.y_low.size() && std::isfinite(p.y_low[i]) && std::isfinite(p.y_high[i])) {
          along(x, l_.y_of(p.y_low[i]), x, l_.y_of(p.y_high[i]));
        }
      }
    }
    return n;
  }

  void draw_legend(ChartImage& out) {
    std::vector<std::pair<const ChartCurve*, const ChartPoints*>> rows;
    for (const ChartCurve& c : chart_.curves) {
      if (!c.label.empty()) rows.emplace_back(&c, nullptr);
    }
    for (const ChartPoints& p : chart_.points) {
      if (!p.label.empty()) rows.emplace_back(nullptr, &p);
    }
    if (rows.empty()) return;
    font(cr_, 0.72 * u_);
    double widest = 0.0;
    for (const auto& [c, p] : rows) widest = std::max(widest, drawing::text_width(cr_, c ? c->label : p->label));
    const double pad = 0.6 * u_;
    const double sample = 2.2 * u_;
    const double row = 1.35 * u_;
    const double w = pad + sample + 0.5 * u_ + widest + pad;
    const double h = static_cast<double>(rows.size()) * row + pad;
    const double inset = 0.6 * u_;
    const double left = l_.plot_x + inset;
    const double right = l_.plot_x + l_.plot_w - inset - w;
    const double top = l_.plot_y + inset;
    const double bottom = l_.plot_y + l_.plot_h - inset - h;
    const std::array<LegendBox, 4> corners{
        {{right, top, w, h}, {left, top, w, h}, {right, bottom, w, h}, {left, bottom, w, h}}};
    LegendBox box = corners[0];
    int fewest = samples_under(box);
    for (std::size_t i = 1; i < corners.size() && fewest > 0; ++i) {
      const int n = samples_under(corners[i]);
      if (n < fewest) {
        fewest = n;
        box = corners[i];
      }
    }
    out.legend_x = box.x;
    out.legend_y = box.y;
    out.legend_w = box.w;
    out.legend_h = box.h;

    cairo_new_path(cr_);
    cairo_rectangle(cr_, box.x, box.y, box.w, box.h);
    set_rgb(cr_, kWhite, 0.92);
    cairo_fill_preserve(cr_);
    set_rgb(cr_, kInk, 0.35);
    cairo_set_line_width(cr_, line(0.05));
    cairo_stroke(cr_);
    double y = box.y + 0.5 * pad + 0.5 * row;
    const double x = box.x + pad;
    for (const auto& [c, p] : rows) {
      if (c) {
        cairo_new_path(cr_);
        cairo_move_to(cr_, x, y);
        cairo_line_to(cr_, x + sample, y);
        stroke_curve(*c);
      } else {
        if (!p->y_low.empty()) bar(p->colour, x + 0.5 * sample, y + 0.4 * row, y - 0.4 * row);
        marker(p->colour, x + 0.5 * sample, y);
      }
      show_text(cr_, c ? c->label : p->label, x + sample + 0.5 * u_, y, Align::kLeft, kInk, true);
      y += row;
    }
  }

  cairo_t* cr_;
  const Chart& chart_;
  const ChartLayout& l_;
  double u_;
};

}  // namespace

ChartLayout chart_layout(const Chart& chart, int width_px, int height_px) {
  if (width_px < kMinChartWidthPx || width_px > kMaxChartSidePx || height_px < kMinChartHeightPx ||
      height_px > kMaxChartSidePx) {
    throw std::invalid_argument("chart size " + std::to_string(width_px) + " x " + std::to_string(height_px) +
                                " px is outside " + std::to_string(kMinChartWidthPx) + ".." +
                                std::to_string(kMaxChartSidePx) + " x " + std::to_string(kMinChartHeightPx) + ".." +
                                std::to_string(kMaxChartSidePx));
  }
  check_range(chart.x_range, "x");
  check_range(chart.y_range, "y");
  check_sizes(chart);

  // Only what is drawn counts: samples with x and y finite, bars with x and both ends finite.
  Extent x_extent;
  Extent y_extent;
  const auto add = [&](double x, double y) {
    if (!std::isfinite(x) || !std::isfinite(y)) return;
    x_extent.add(x);
    y_extent.add(y);
  };
  for (const ChartCurve& c : chart.curves) {
    for (std::size_t i = 0; i < c.x.size(); ++i) add(c.x[i], c.y[i]);
  }
  for (const ChartPoints& p : chart.points) {
    for (std::size_t i = 0; i < p.x.size(); ++i) {
      add(p.x[i], p.y[i]);
      if (i < p.y_low.size() && std::isfinite(p.y_low[i]) && std::isfinite(p.y_high[i])) {
        add(p.x[i], p.y_low[i]);
        add(p.x[i], p.y_high[i]);
      }
    }
  }
  const auto [x_low, x_high] = chart.x_range.value_or(x_extent.range());
  const auto [y_low, y_high] = chart.y_range.value_or(y_extent.range());

  ChartLayout l;
  l.width_px = width_px;
  l.height_px = height_px;
  const double u = std::max(10.0, width_px / 100.0);
  l.unit_px = u;
  l.plot_x = std::ceil(6.5 * u);
  l.plot_y = std::ceil(5.0 * u);
  l.plot_w = width_px - l.plot_x - std::ceil(2.0 * u);
  l.plot_h = height_px - l.plot_y - std::ceil(6.0 * u);
  l.x_low = x_low;
  l.x_high = x_high;
  l.y_low = y_low;
  l.y_high = y_high;
  return l;
}

ChartImage render_chart(const Chart& chart, int width_px, int height_px) {
  ChartImage image;
  image.layout = chart_layout(chart, width_px, height_px);
  image.width_px = width_px;
  image.height_px = height_px;
  drawing::SurfacePtr surface = drawing::make_surface(CAIRO_FORMAT_ARGB32, width_px, height_px);
  {
    drawing::ContextPtr cr = drawing::make_context(surface.get());
    ChartPainter painter(cr.get(), chart, image.layout);
    painter.paint(image);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("drawing failed: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  image.pixels = drawing::surface_pixels(surface.get());
  return image;
}

void write_chart_png(const Chart& chart, int width_px, int height_px, const std::filesystem::path& png) {
  const ChartImage image = render_chart(chart, width_px, height_px);
  drawing::write_pixels_png(png, image.width_px, image.height_px, image.pixels);
}

}  // namespace mdasim

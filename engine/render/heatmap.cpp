// Drawing a map layer with cairo (see heatmap.hpp for the projection, layout and colour rules).
#include "render/heatmap.hpp"

#include <fontconfig/fontconfig.h>

#include <algorithm>
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
using drawing::ContextPtr;
using drawing::fitted_size;
using drawing::font;
using drawing::kInk;
using drawing::kWhite;
using drawing::make_context;
using drawing::make_surface;
using drawing::PatternPtr;
using drawing::set_rgb;
using drawing::show_text;
using drawing::SurfacePtr;
using drawing::text_width;

constexpr double channel(std::uint8_t c) { return static_cast<double>(c) / 255.0; }
std::uint32_t byte_of(double c) { return static_cast<std::uint32_t>(std::lround(std::clamp(c, 0.0, 1.0) * 255.0)); }
std::uint32_t opaque(const Rgb& c) { return 0xFF000000u | byte_of(c.r) << 16 | byte_of(c.g) << 8 | byte_of(c.b); }

constexpr Rgb kLand{channel(kLandRgb[0]), channel(kLandRgb[1]), channel(kLandRgb[2])};
constexpr Rgb kCoast{0.38, 0.38, 0.40};
constexpr Rgb kLane{0.08, 0.28, 0.58};
constexpr Rgb kHatch{0.78, 0.78, 0.80};
constexpr Rgb kRadar{0.84, 0.15, 0.16};
constexpr Rgb kAis{0.12, 0.47, 0.71};

// The even spacing of cell centres (signed); 0 for a single centre. Throws when uneven.
double spacing_of(const std::vector<double>& centres, const char* axis) {
  if (centres.size() < 2) return 0.0;
  const double step = (centres.back() - centres.front()) / static_cast<double>(centres.size() - 1);
  for (std::size_t i = 1; i < centres.size(); ++i) {
    if (std::abs((centres[i] - centres[i - 1]) - step) > 1e-4 * std::abs(step)) {
      throw std::invalid_argument(std::string("the ") + axis + " cell centres are not evenly spaced");
    }
  }
  return step;
}

struct Box {
  double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
  [[nodiscard]] bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
  [[nodiscard]] bool inside(const Box& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
};

// Text with a white halo, so that it reads over any colour of the map.
void show_haloed_text(cairo_t* cr, const std::string& text, double x, double y, double halo_px) {
  cairo_new_path(cr);
  cairo_move_to(cr, x, y);
  cairo_text_path(cr, text.c_str());
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_width(cr, 2.0 * halo_px);
  set_rgb(cr, kWhite, 0.9);
  cairo_stroke_preserve(cr);
  set_rgb(cr, kInk);
  cairo_fill(cr);
}

std::string degrees_text(double value, int decimals, const char* positive, const char* negative) {
  const std::string number = format_tick(std::abs(value), decimals);
  const bool zero = number.find_first_not_of("0.") == std::string::npos;
  const bool on_180 = std::string(positive) == "E" && std::abs(std::abs(value) - 180.0) < 1e-9;
  return number + "\u00B0" + (zero || on_180 ? "" : (value > 0.0 ? positive : negative));
}

// A graticule step for the extent: the smallest of 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30 degrees
// giving fewer than 8 intervals across the shorter side.
double graticule_step(const HeatmapLayout& l) {
  const double shorter = std::min(l.lon_east - l.lon_west, l.lat_north - l.lat_south);
  for (double step : {0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 30.0}) {
    if (shorter / step < 8.0) return step;
  }
  return 30.0;
}

std::vector<double> graticule_values(double from, double to, double step) {
  std::vector<double> values;
  const double slack = step * 1e-6;
  for (double k = std::ceil((from - slack) / step); k * step <= to + slack && values.size() < 500; k += 1.0) {
    values.push_back(std::abs(k * step) < slack ? 0.0 : k * step);
  }
  return values;
}

void marker_path(cairo_t* cr, MarkerKind kind, double x, double y, double r) {
  cairo_new_path(cr);
  switch (kind) {
    case MarkerKind::kAirfield:
      cairo_move_to(cr, x, y - 1.15 * r);
      cairo_line_to(cr, x + r, y + 0.75 * r);
      cairo_line_to(cr, x - r, y + 0.75 * r);
      cairo_close_path(cr);
      break;
    case MarkerKind::kPort:
      cairo_rectangle(cr, x - 0.8 * r, y - 0.8 * r, 1.6 * r, 1.6 * r);
      break;
    case MarkerKind::kCoastalRadar:
      cairo_move_to(cr, x, y - 0.95 * r);
      cairo_line_to(cr, x + 0.75 * r, y);
      cairo_line_to(cr, x, y + 0.95 * r);
      cairo_line_to(cr, x - 0.75 * r, y);
      cairo_close_path(cr);
      break;
    case MarkerKind::kAisReceiver:
      cairo_arc(cr, x, y, 0.6 * r, 0.0, 2.0 * std::numbers::pi);
      break;
  }
}

void draw_marker(cairo_t* cr, MarkerKind kind, double x, double y, double r, double line_px) {
  marker_path(cr, kind, x, y, r);
  const bool sensor = kind == MarkerKind::kCoastalRadar || kind == MarkerKind::kAisReceiver;
  set_rgb(cr, sensor ? (kind == MarkerKind::kCoastalRadar ? kRadar : kAis) : kWhite);
  cairo_fill_preserve(cr);
  set_rgb(cr, sensor ? kWhite : kInk);
  cairo_set_line_width(cr, line_px);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke(cr);
}

PatternPtr hatch_pattern(double u) {
  const int size = std::max(6, static_cast<int>(std::lround(0.5 * u)));
  SurfacePtr tile = make_surface(CAIRO_FORMAT_RGB24, size, size);
  {
    ContextPtr t = make_context(tile.get());
    set_rgb(t.get(), kWhite);
    cairo_paint(t.get());
    set_rgb(t.get(), kHatch);
    cairo_set_line_width(t.get(), 1.0);
    const double s = static_cast<double>(size);
    // One diagonal per tile, continued across the corners so the tiling joins up.
    cairo_move_to(t.get(), -1.0, s + 1.0);
    cairo_line_to(t.get(), s + 1.0, -1.0);
    cairo_stroke(t.get());
  }
  PatternPtr pattern(cairo_pattern_create_for_surface(tile.get()), &cairo_pattern_destroy);
  cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
  return pattern;
}

bool is_fraction_layer(const HeatmapLayer& layer) {
  return layer.units == "1" && (layer.name.find("fraction") != std::string::npos || layer.name.starts_with("p_"));
}

// A station: every point of the route in one place.
bool is_station(const MapRoute& route) {
  return std::all_of(route.points.begin(), route.points.end(),
                     [&](const GeoPoint& p) { return same_place(p, route.points.front()); });
}

struct LegendEntry {
  enum class Kind { kLandSwatch, kNoDataSwatch, kLaneLine, kRouteLine, kStation, kSymbol } kind = Kind::kLandSwatch;
  MarkerKind marker = MarkerKind::kAirfield;
  std::string text;
};

// Draws the whole picture; returns the labels drawn and those left out.
class Painter {
 public:
  Painter(cairo_t* cr, const HeatmapScene& scene, const HeatmapLayout& layout, const ValueScale& scale)
      : cr_(cr), scene_(scene), l_(layout), scale_(scale), map_(colormap_for(scale)), u_(layout.unit_px) {
    const std::size_t cells = scene.layer.values.size();
    land_.resize(cells, 0);
    for (std::size_t i = 0; i < cells; ++i) {
      land_[i] = scene.land_cells.size() == cells ? scene.land_cells[i] : (std::isnan(scene.layer.values[i]) ? 1 : 0);
      if (!land_[i] && std::isnan(scene.layer.values[i])) no_data_ = true;
    }
  }

  void paint(HeatmapImage& out) {
    set_rgb(cr_, kWhite);
    cairo_paint(cr_);
    cairo_save(cr_);
    cairo_rectangle(cr_, l_.map_x, l_.map_y, l_.map_w, l_.map_h);
    cairo_clip(cr_);
    draw_cells();
    draw_land();
    draw_lanes();
    draw_coast();
    draw_graticule_lines();
    draw_routes();
    draw_markers();
    cairo_restore(cr_);
    draw_frame_and_graticule_labels();
    place_labels(out);
    draw_titles();
    draw_colour_bar();
    draw_legend();
    draw_footnote();
  }

 private:
  [[nodiscard]] double line(double units) const { return std::max(0.6, units * u_); }

  void draw_cells() {
    const HeatmapLayer& layer = scene_.layer;
    const int rows = static_cast<int>(layer.lat_deg.size());
    const int cols = static_cast<int>(layer.lon_deg.size());
    PatternPtr hatch = hatch_pattern(u_);
    cairo_set_source(cr_, hatch.get());
    cairo_paint(cr_);

    SurfacePtr cells = make_surface(CAIRO_FORMAT_ARGB32, cols, rows);
    cairo_surface_flush(cells.get());
    unsigned char* data = cairo_image_surface_get_data(cells.get());
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(cells.get()));
    const bool ascending = rows < 2 || layer.lat_deg[1] > layer.lat_deg[0];
    const std::uint32_t land = opaque(kLand);
    const double span = scale_.high - scale_.low;
    for (int r = 0; r < rows; ++r) {
      const int image_row = ascending ? rows - 1 - r : r;
      auto* out = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(image_row) * stride);
      for (int c = 0; c < cols; ++c) {
        const std::size_t i = static_cast<std::size_t>(r) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(c);
        const float v = layer.values[i];
        std::uint32_t pixel = 0;  // transparent: the hatching shows
        if (land_[i]) {
          pixel = land;
        } else if (std::isfinite(v)) {
          pixel = opaque(map_.at((static_cast<double>(v) - scale_.low) / span));
        }
        out[c] = pixel;
      }
    }
    cairo_surface_mark_dirty(cells.get());

    cairo_save(cr_);
    cairo_translate(cr_, l_.map_x, l_.map_y);
    cairo_scale(cr_, l_.map_w / cols, l_.map_h / rows);
    cairo_set_source_surface(cr_, cells.get(), 0.0, 0.0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_NEAREST);
    cairo_pattern_set_extend(cairo_get_source(cr_), CAIRO_EXTEND_PAD);
    cairo_rectangle(cr_, 0.0, 0.0, cols, rows);
    cairo_fill(cr_);
    cairo_restore(cr_);
  }

  // Whether the bounding box of the points meets the map.
  [[nodiscard]] bool visible(const std::vector<GeoPoint>& points) const {
    if (points.empty()) return false;
    double w = 1e9, e = -1e9, s = 1e9, n = -1e9;
    for (const GeoPoint& p : points) {
      w = std::min(w, p.lon_deg);
      e = std::max(e, p.lon_deg);
      s = std::min(s, p.lat_deg);
      n = std::max(n, p.lat_deg);
    }
    return e >= l_.lon_west && w <= l_.lon_east && n >= l_.lat_south && s <= l_.lat_north;
  }

  [[nodiscard]] bool visible(const PolygonRings& polygon) const { return !polygon.empty() && visible(polygon.front()); }

  void ring_path(const std::vector<GeoPoint>& ring) {
    if (ring.size() < 3) return;
    cairo_move_to(cr_, l_.x_of(ring[0].lon_deg), l_.y_of(ring[0].lat_deg));
    for (std::size_t i = 1; i < ring.size(); ++i) cairo_line_to(cr_, l_.x_of(ring[i].lon_deg), l_.y_of(ring[i].lat_deg));
    cairo_close_path(cr_);
  }

  void draw_land() {
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
    set_rgb(cr_, kLand);
    for (const PolygonRings& polygon : scene_.land) {
      if (!visible(polygon)) continue;
      cairo_new_path(cr_);
      for (const auto& ring : polygon) ring_path(ring);
      cairo_fill(cr_);
    }
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
  }

  void draw_coast() {
    cairo_new_path(cr_);
    for (const PolygonRings& polygon : scene_.land) {
      if (!visible(polygon)) continue;
      for (const auto& ring : polygon) ring_path(ring);
    }
    set_rgb(cr_, kCoast);
    cairo_set_line_width(cr_, line(0.055));
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_stroke(cr_);
  }

  void draw_lanes() {
    cairo_new_path(cr_);
    for (const auto& lane : scene_.lanes) {
      if (lane.size() < 2) continue;
      cairo_move_to(cr_, l_.x_of(lane[0].lon_deg), l_.y_of(lane[0].lat_deg));
      for (std::size_t i = 1; i < lane.size(); ++i) cairo_line_to(cr_, l_.x_of(lane[i].lon_deg), l_.y_of(lane[i].lat_deg));
    }
    set_rgb(cr_, kLane, 0.3);
    cairo_set_line_width(cr_, line(0.06));
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr_);
    cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
  }

  void draw_graticule_lines() {
    const double step = graticule_step(l_);
    cairo_new_path(cr_);
    for (double lon : graticule_values(l_.lon_west, l_.lon_east, step)) {
      cairo_move_to(cr_, l_.x_of(lon), l_.map_y);
      cairo_line_to(cr_, l_.x_of(lon), l_.map_y + l_.map_h);
    }
    for (double lat : graticule_values(l_.lat_south, l_.lat_north, step)) {
      cairo_move_to(cr_, l_.map_x, l_.y_of(lat));
      cairo_line_to(cr_, l_.map_x + l_.map_w, l_.y_of(lat));
    }
    // Dashed, so that the graticule does not read as lanes.
    const std::array<double, 2> dashes{0.35 * u_, 0.25 * u_};
    cairo_set_dash(cr_, dashes.data(), static_cast<int>(dashes.size()), 0.0);
    set_rgb(cr_, kInk, 0.3);
    cairo_set_line_width(cr_, line(0.04));
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0.0);
  }

  void draw_frame_and_graticule_labels() {
    cairo_rectangle(cr_, l_.map_x, l_.map_y, l_.map_w, l_.map_h);
    set_rgb(cr_, kInk);
    cairo_set_line_width(cr_, line(0.07));
    cairo_stroke(cr_);

    const double step = graticule_step(l_);
    const int decimals = step < 1.0 ? 1 : 0;
    font(cr_, 0.75 * u_);
    for (double lon : graticule_values(l_.lon_west, l_.lon_east, step)) {
      const double x = l_.x_of(lon);
      cairo_move_to(cr_, x, l_.map_y + l_.map_h);
      cairo_line_to(cr_, x, l_.map_y + l_.map_h + 0.3 * u_);
      set_rgb(cr_, kInk);
      cairo_set_line_width(cr_, line(0.06));
      cairo_stroke(cr_);
      show_text(cr_, degrees_text(lon, decimals, "E", "W"), x, l_.map_y + l_.map_h + 1.2 * u_, Align::kCentre, kInk);
    }
    for (double lat : graticule_values(l_.lat_south, l_.lat_north, step)) {
      const double y = l_.y_of(lat);
      cairo_move_to(cr_, l_.map_x - 0.3 * u_, y);
      cairo_line_to(cr_, l_.map_x, y);
      set_rgb(cr_, kInk);
      cairo_set_line_width(cr_, line(0.06));
      cairo_stroke(cr_);
      show_text(cr_, degrees_text(lat, decimals, "N", "S"), l_.map_x - 0.45 * u_, y, Align::kRight, kInk, true);
    }
  }

  [[nodiscard]] double marker_radius() const { return std::max(3.0, 0.34 * u_); }
  [[nodiscard]] double station_radius() const { return std::max(3.0, 0.4 * u_); }

  // Adds the route's cycle, through its points and back to the first, to the path, each leg
  // once: a leg of no length or flown before (either way) is left out.
  void route_path(const std::vector<GeoPoint>& points) {
    std::vector<std::pair<GeoPoint, GeoPoint>> legs;
    bool joined = false;  // the previous leg was drawn: continue from its end
    for (std::size_t i = 0; i < points.size(); ++i) {
      const GeoPoint& a = points[i];
      const GeoPoint& b = points[(i + 1) % points.size()];
      const bool again = std::any_of(legs.begin(), legs.end(), [&](const auto& leg) {
        return (same_place(leg.first, a) && same_place(leg.second, b)) ||
               (same_place(leg.first, b) && same_place(leg.second, a));
      });
      if (same_place(a, b) || again) {
        joined = false;
        continue;
      }
      legs.emplace_back(a, b);
      if (!joined) cairo_move_to(cr_, l_.x_of(a.lon_deg), l_.y_of(a.lat_deg));
      cairo_line_to(cr_, l_.x_of(b.lon_deg), l_.y_of(b.lat_deg));
      joined = true;
    }
    if (legs.size() == points.size()) cairo_close_path(cr_);  // the whole cycle: join its ends
  }

  // Strokes and clears the path as a patrol route: dark over a white edge, in dashes `dash_px`
  // long (0: solid).
  void stroke_route(double dash_px) {
    const std::array<double, 2> dashes{dash_px, 0.55 * dash_px};
    if (dash_px > 0.0) cairo_set_dash(cr_, dashes.data(), static_cast<int>(dashes.size()), 0.0);
    const double core_px = std::max(1.5, 0.1 * u_);  // dark enough to read at the smallest widths
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr_, core_px + std::max(1.4, 0.08 * u_));
    set_rgb(cr_, kWhite, 0.8);
    cairo_stroke_preserve(cr_);
    cairo_set_line_width(cr_, core_px);
    set_rgb(cr_, kInk);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0.0);
  }

  void draw_routes() {
    for (const MapRoute& route : scene_.routes) {
      if (!visible(route.points)) continue;
      cairo_new_path(cr_);
      if (is_station(route)) {
        const GeoPoint& p = route.points.front();
        cairo_arc(cr_, l_.x_of(p.lon_deg), l_.y_of(p.lat_deg), station_radius(), 0.0, 2.0 * std::numbers::pi);
        stroke_route(0.0);
        stations_drawn_ = true;
      } else {
        route_path(route.points);
        stroke_route(0.55 * u_);
        routes_drawn_ = true;
      }
    }
  }

  [[nodiscard]] bool on_map(const GeoPoint& p) const {
    return p.lon_deg >= l_.lon_west && p.lon_deg <= l_.lon_east && p.lat_deg >= l_.lat_south && p.lat_deg <= l_.lat_north;
  }

  void draw_markers() {
    const double r = marker_radius();
    // Sensors under bases; airfields on top.
    for (MarkerKind kind : {MarkerKind::kAisReceiver, MarkerKind::kCoastalRadar, MarkerKind::kPort, MarkerKind::kAirfield}) {
      for (const MapMarker& m : scene_.markers) {
        if (m.kind != kind || !on_map(m.position)) continue;
        draw_marker(cr_, kind, l_.x_of(m.position.lon_deg), l_.y_of(m.position.lat_deg), r, line(0.07));
        present_[static_cast<std::size_t>(kind)] = true;
      }
    }
  }

  // Draws `text` (in the current font) at the first of four places around the point (x, y),
  // `gap_px` from it (right, left, above, below), that lies inside the map and clear of `taken`,
  // and adds its box to `taken`; false when no place is free.
  bool place_label(const std::string& text, double x, double y, double gap_px, std::vector<Box>& taken) {
    const double halo = std::max(1.2, 0.14 * u_);
    cairo_font_extents_t fe;
    cairo_font_extents(cr_, &fe);
    const double w = text_width(cr_, text);
    const double mid = y + (fe.ascent - fe.descent) / 2.0;  // baseline centring the text on y
    const std::array<std::pair<double, double>, 4> spots{{{x + gap_px, mid},
                                                          {x - gap_px - w, mid},
                                                          {x - w / 2.0, y - gap_px - fe.descent},
                                                          {x - w / 2.0, y + gap_px + fe.ascent}}};
    const Box frame{l_.map_x, l_.map_y, l_.map_x + l_.map_w, l_.map_y + l_.map_h};
    for (const auto& [tx, ty] : spots) {
      const Box box{tx - halo, ty - fe.ascent - halo, tx + w + halo, ty + fe.descent + halo};
      if (!box.inside(frame)) continue;
      if (std::any_of(taken.begin(), taken.end(), [&](const Box& b) { return b.overlaps(box); })) continue;
      show_haloed_text(cr_, text, tx, ty, halo);
      taken.push_back(box);
      return true;
    }
    return false;
  }

  void place_labels(HeatmapImage& out) {
    const double r = marker_radius();
    const double station_r = station_radius();
    std::vector<Box> taken;  // symbols, then labels as they are placed
    for (const MapMarker& m : scene_.markers) {
      if (!on_map(m.position)) continue;
      const double x = l_.x_of(m.position.lon_deg);
      const double y = l_.y_of(m.position.lat_deg);
      taken.push_back({x - r, y - 1.15 * r, x + r, y + r});
    }
    for (const MapRoute& route : scene_.routes) {
      if (route.points.empty() || !is_station(route) || !on_map(route.points.front())) continue;
      const double x = l_.x_of(route.points.front().lon_deg);
      const double y = l_.y_of(route.points.front().lat_deg);
      taken.push_back({x - station_r, y - station_r, x + station_r, y + station_r});
    }
    std::vector<const MapMarker*> candidates;
    for (const MapMarker& m : scene_.markers) {
      if (!m.label.empty() && on_map(m.position)) candidates.push_back(&m);
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const MapMarker* a, const MapMarker* b) {
      if (a->priority != b->priority) return a->priority > b->priority;
      return a->label < b->label;
    });
    const int cap = scene_.max_labels >= 0 ? scene_.max_labels : 10 + l_.width_px / 80;
    font(cr_, std::max(8.0, 0.7 * u_));
    for (const MapMarker* m : candidates) {
      const bool placed = static_cast<int>(out.labelled.size()) < cap &&
                          place_label(m->label, l_.x_of(m->position.lon_deg), l_.y_of(m->position.lat_deg),
                                      r + 0.3 * u_, taken);
      (placed ? out.labelled : out.unlabelled).push_back(m->label);
    }
    // Patrol routes after the bases, smaller and in italics, at the route's first point.
    font(cr_, std::max(8.0, 0.62 * u_), false, true);
    for (const MapRoute& route : scene_.routes) {
      if (route.label.empty() || route.points.empty() || !on_map(route.points.front())) continue;
      const GeoPoint& p = route.points.front();
      const double gap = (is_station(route) ? station_r : 0.0) + 0.3 * u_;
      const bool placed = place_label(route.label, l_.x_of(p.lon_deg), l_.y_of(p.lat_deg), gap, taken);
      (placed ? out.labelled_routes : out.unlabelled_routes).push_back(route.label);
    }
  }

  void draw_titles() {
    drawing::draw_title_block(cr_, scene_.title, scene_.subtitle, l_.map_x, l_.width_px - 2.0 * l_.map_x, u_);
  }

  [[nodiscard]] double bar_x() const { return l_.map_x + l_.map_w + 1.4 * u_; }
  [[nodiscard]] double bar_y() const { return l_.map_y + 1.8 * u_; }
  [[nodiscard]] double bar_h() const { return std::max(4.0 * u_, std::min(0.5 * l_.map_h, 22.0 * u_)); }

  void draw_colour_bar() {
    const double x = bar_x();
    const double y = bar_y();
    const double w = 1.1 * u_;
    const double h = bar_h();
    font(cr_, 0.8 * u_, true);
    show_text(cr_, scale_.caption, x, l_.map_y + 0.8 * u_, Align::kLeft, kInk);
    if (!scale_.any_value) {
      font(cr_, 0.72 * u_);
      show_text(cr_, "no values", x, y + 0.8 * u_, Align::kLeft, kInk);
      return;
    }
    cairo_save(cr_);
    cairo_set_antialias(cr_, CAIRO_ANTIALIAS_NONE);
    const auto n = static_cast<double>(Colormap::kEntries);
    for (std::size_t i = 0; i < Colormap::kEntries; ++i) {
      const double top = y + h * (1.0 - static_cast<double>(i + 1) / n);
      set_rgb(cr_, map_.entry(i));
      cairo_rectangle(cr_, x, std::floor(top), w, std::ceil(h / n) + 1.0);
      cairo_fill(cr_);
    }
    cairo_restore(cr_);
    cairo_rectangle(cr_, x, y, w, h);
    set_rgb(cr_, kInk);
    cairo_set_line_width(cr_, line(0.06));
    cairo_stroke(cr_);

    const Ticks ticks = nice_ticks(scale_.low, scale_.high, 6);
    font(cr_, 0.75 * u_);
    for (double v : ticks.values) {
      const double ty = y + h * (1.0 - (v - scale_.low) / (scale_.high - scale_.low));
      cairo_move_to(cr_, x + w, ty);
      cairo_line_to(cr_, x + w + 0.3 * u_, ty);
      set_rgb(cr_, kInk);
      cairo_set_line_width(cr_, line(0.06));
      cairo_stroke(cr_);
      show_text(cr_, format_tick(v, ticks.decimals), x + w + 0.45 * u_, ty, Align::kLeft, kInk, true);
    }
  }

  void draw_legend() {
    std::vector<LegendEntry> entries;
    entries.push_back({LegendEntry::Kind::kLandSwatch, MarkerKind::kAirfield, "land"});
    if (no_data_) entries.push_back({LegendEntry::Kind::kNoDataSwatch, MarkerKind::kAirfield, "no data"});
    if (!scene_.lanes.empty()) entries.push_back({LegendEntry::Kind::kLaneLine, MarkerKind::kAirfield, "sea lanes"});
    if (routes_drawn_) entries.push_back({LegendEntry::Kind::kRouteLine, MarkerKind::kAirfield, "patrol route"});
    if (stations_drawn_) entries.push_back({LegendEntry::Kind::kStation, MarkerKind::kAirfield, "patrol station"});
    const std::array<const char*, 4> names{"airfield", "port", "coastal radar", "AIS receiver"};
    for (MarkerKind kind : {MarkerKind::kAirfield, MarkerKind::kPort, MarkerKind::kCoastalRadar, MarkerKind::kAisReceiver}) {
      if (present_[static_cast<std::size_t>(kind)]) {
        entries.push_back({LegendEntry::Kind::kSymbol, kind, names[static_cast<std::size_t>(kind)]});
      }
    }
    const double x = bar_x();
    const double row = 1.35 * u_;
    double y = bar_y() + bar_h() + 2.0 * u_;
    font(cr_, 0.72 * u_);
    PatternPtr hatch = hatch_pattern(u_);
    const double s = 0.9 * u_;  // swatch size
    for (const LegendEntry& e : entries) {
      if (y + 0.5 * row > l_.height_px - 0.5 * u_) break;  // no room left
      const double cx = x + 0.5 * s;
      switch (e.kind) {
        case LegendEntry::Kind::kLandSwatch:
        case LegendEntry::Kind::kNoDataSwatch:
          cairo_rectangle(cr_, x, y - 0.5 * s, s, s);
          if (e.kind == LegendEntry::Kind::kLandSwatch) {
            set_rgb(cr_, kLand);
          } else {
            cairo_set_source(cr_, hatch.get());
          }
          cairo_fill_preserve(cr_);
          set_rgb(cr_, kCoast);
          cairo_set_line_width(cr_, line(0.05));
          cairo_stroke(cr_);
          break;
        case LegendEntry::Kind::kLaneLine:
          cairo_move_to(cr_, x, y);
          cairo_line_to(cr_, x + s, y);
          set_rgb(cr_, kLane, 0.6);
          cairo_set_line_width(cr_, line(0.1));
          cairo_stroke(cr_);
          break;
        case LegendEntry::Kind::kRouteLine:
          cairo_move_to(cr_, x, y);
          cairo_line_to(cr_, x + s, y);
          stroke_route(0.25 * u_);
          break;
        case LegendEntry::Kind::kStation:
          cairo_new_path(cr_);
          cairo_arc(cr_, cx, y, station_radius(), 0.0, 2.0 * std::numbers::pi);
          stroke_route(0.0);
          break;
        case LegendEntry::Kind::kSymbol:
          draw_marker(cr_, e.marker, cx, y, marker_radius(), line(0.07));
          break;
      }
      show_text(cr_, e.text, x + s + 0.5 * u_, y, Align::kLeft, kInk, true);
      y += row;
    }
  }

  void draw_footnote() {
    drawing::draw_footnote_lines(cr_, scene_.footnote, l_.map_x, l_.map_y + l_.map_h + 2.6 * u_,
                                 l_.width_px - 2.0 * l_.map_x, u_);
  }

  cairo_t* cr_;
  const HeatmapScene& scene_;
  const HeatmapLayout& l_;
  const ValueScale& scale_;
  Colormap map_;
  double u_;
  std::vector<std::uint8_t> land_;
  bool no_data_ = false;
  std::array<bool, 4> present_{};
  bool routes_drawn_ = false;
  bool stations_drawn_ = false;
};

}  // namespace

ValueScale value_scale(const HeatmapLayer& layer, const std::optional<ValueRange>& range) {
  if (range && !(std::isfinite(range->low) && std::isfinite(range->high) && range->low < range->high)) {
    std::ostringstream text;
    text << "the value range " << range->low << " to " << range->high
         << " is not two finite numbers with the low one first";
    throw std::invalid_argument(text.str());
  }
  ValueScale s;
  s.difference = layer.difference;
  s.fraction = !s.difference && is_fraction_layer(layer);
  double low = std::numeric_limits<double>::infinity();
  double high = -std::numeric_limits<double>::infinity();
  for (float v : layer.values) {
    if (!std::isfinite(v)) continue;
    low = std::min(low, static_cast<double>(v));
    high = std::max(high, static_cast<double>(v));
  }
  s.any_value = low <= high;
  if (range) {
    s.low = range->low;
    s.high = range->high;
    s.user_range = true;
  } else if (s.difference) {
    const double largest = s.any_value ? std::max(std::abs(low), std::abs(high)) : 0.0;
    s.low = largest > 0.0 ? -largest : -1.0;
    s.high = largest > 0.0 ? largest : 1.0;
  } else if (s.fraction) {
    s.low = 0.0;
    s.high = 1.0;
  } else if (!s.any_value) {
    s.low = 0.0;
    s.high = 1.0;
  } else if (low < high) {
    s.low = low;
    s.high = high;
  } else if (low == 0.0) {
    s.low = 0.0;
    s.high = 1.0;
  } else {
    s.low = std::min(0.0, 2.0 * low);
    s.high = std::max(0.0, 2.0 * low);
  }
  if (s.difference) {
    s.colormap = "RdBu_r";
    s.caption = "difference (" + (layer.units.empty() ? std::string("no units") : layer.units) + ")";
  } else if (layer.units == "1") {
    s.colormap = "viridis";
    s.caption = s.fraction ? "fraction (1)" : "number (1)";
  } else {
    s.colormap = "magma_r";
    s.caption = layer.units == "h" ? "hours (h)" : (layer.units.empty() ? "value" : layer.units);
  }
  return s;
}

Colormap colormap_for(const ValueScale& scale) {
  if (scale.colormap == "viridis") return Colormap::viridis();
  if (scale.colormap == "RdBu_r") return Colormap::rdbu().reversed();
  return Colormap::magma().reversed();
}

HeatmapLayout heatmap_layout(const HeatmapLayer& layer, int width_px) {
  if (width_px < kMinHeatmapWidthPx || width_px > kMaxHeatmapWidthPx) {
    throw std::invalid_argument("width " + std::to_string(width_px) + " px is outside " +
                                std::to_string(kMinHeatmapWidthPx) + ".." + std::to_string(kMaxHeatmapWidthPx));
  }
  const std::size_t rows = layer.lat_deg.size();
  const std::size_t cols = layer.lon_deg.size();
  if (rows == 0 || cols == 0 || layer.values.size() != rows * cols) {
    throw std::invalid_argument("layer '" + layer.name + "' has " + std::to_string(layer.values.size()) +
                                " values for " + std::to_string(rows) + " x " + std::to_string(cols) + " cells");
  }
  for (double v : layer.lat_deg) {
    if (!std::isfinite(v) || v < -90.0 || v > 90.0) throw std::invalid_argument("a latitude is outside -90..90");
  }
  for (double v : layer.lon_deg) {
    if (!std::isfinite(v) || std::abs(v) > 540.0) throw std::invalid_argument("a longitude is not a longitude");
  }
  double dlon = spacing_of(layer.lon_deg, "longitude");
  double dlat = std::abs(spacing_of(layer.lat_deg, "latitude"));
  if (dlon < 0.0) throw std::invalid_argument("the longitudes do not increase west to east");
  if (dlon == 0.0) dlon = dlat > 0.0 ? dlat : 1.0;
  if (dlat == 0.0) dlat = dlon;

  HeatmapLayout l;
  l.width_px = width_px;
  l.lon_west = layer.lon_deg.front() - dlon / 2.0;
  l.lon_east = layer.lon_deg.back() + dlon / 2.0;
  l.lat_south = std::min(layer.lat_deg.front(), layer.lat_deg.back()) - dlat / 2.0;
  l.lat_north = std::max(layer.lat_deg.front(), layer.lat_deg.back()) + dlat / 2.0;

  const double u = std::max(10.0, width_px / 100.0);
  l.unit_px = u;
  const double left = std::ceil(4.0 * u);
  const double right = std::ceil(11.0 * u);
  const double top = std::ceil(5.0 * u);
  const double bottom = std::ceil(4.5 * u);
  const double available = width_px - left - right;
  const double mid = 0.5 * (l.lat_south + l.lat_north) * std::numbers::pi / 180.0;
  const double aspect = (l.lat_north - l.lat_south) / ((l.lon_east - l.lon_west) * std::max(std::cos(mid), 0.05));
  l.map_x = left;
  l.map_y = top;
  l.map_w = available;
  l.map_h = std::max(1.0, std::floor(available * aspect + 0.5));
  if (l.map_h > 2.5 * available) {
    l.map_h = std::floor(2.5 * available + 0.5);
    l.map_w = std::max(1.0, std::floor(l.map_h / aspect + 0.5));
    l.map_x = left + std::floor((available - l.map_w) / 2.0);
  }
  l.height_px = static_cast<int>(top + l.map_h + bottom);
  return l;
}

HeatmapImage render_heatmap(const HeatmapScene& scene, int width_px) {
  HeatmapImage image;
  image.layout = heatmap_layout(scene.layer, width_px);
  image.scale = value_scale(scene.layer, scene.value_range);
  image.width_px = image.layout.width_px;
  image.height_px = image.layout.height_px;
  if (!scene.land_cells.empty() && scene.land_cells.size() != scene.layer.values.size()) {
    throw std::invalid_argument("the land mask does not have one value per cell");
  }

  SurfacePtr surface = make_surface(CAIRO_FORMAT_ARGB32, image.width_px, image.height_px);
  {
    ContextPtr cr = make_context(surface.get());
    Painter painter(cr.get(), scene, image.layout, image.scale);
    painter.paint(image);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      throw std::runtime_error(std::string("drawing failed: ") + cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  image.pixels = drawing::surface_pixels(surface.get());
  return image;
}

void write_png(const std::filesystem::path& path, const HeatmapImage& image) {
  drawing::write_pixels_png(path, image.width_px, image.height_px, image.pixels);
}

void release_render_caches() {
  cairo_debug_reset_static_data();
  FcFini();
}

}  // namespace mdasim

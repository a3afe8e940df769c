// Drawing one map layer of a results file as a briefing-quality PNG with cairo: the layer's cells
// as filled rectangles in an equirectangular projection, land and coastline from the scenario's
// land polygons, sea lanes faint, patrol routes dashed, bases and fixed sensors as small symbols
// with a few labels, a lat/lon graticule, a title, and a labelled colour bar. Independent of the
// command line: the caller supplies the layer, the geography and the texts (see `mdasim heatmap`).
//
// Projection: equirectangular with its standard parallel at the middle latitude of the grid
// (x = (lon - lon_west) * cos(lat_mid), y = lat_north - lat, same scale on both), so that
// distances near the middle latitude keep their proportions; over the tropics it is within 1%
// of a plain lat/lon plot.
//
// Layout (pixels), for an image `width` wide and a grid spanning lon_west..lon_east,
// lat_south..lat_north (cell edges, from the cell centres and their spacing):
//   u        = max(10, width / 100)                 the font unit (16 px at the default 1600)
//   left     = ceil(4 u), right = ceil(11 u), top = ceil(5 u), bottom = ceil(4.5 u)
//   map_w    = width - left - right
//   map_h    = floor(map_w * (lat_north - lat_south) / ((lon_east - lon_west) * cos(lat_mid)) + 0.5)
//   height   = top + map_h + bottom
// The map's frame is [left, left + map_w] x [top, top + map_h]. A very tall region (map_h above
// 2.5 map_w) is drawn 2.5 map_w tall and narrower, centred in the same space.
//
// Colours: values are coloured by a Colormap (colormap.hpp) over a value range: viridis for
// layers in units "1", magma reversed (short = light, long = dark) for times in "h" and any
// other units. The range is the scene's `value_range` when the caller sets one (`mdasim heatmap
// --range`); else 0..1 for fractions and probabilities (units "1" and a name that contains
// "fraction" or starts with "p_"); else the finite minimum and maximum of the layer (a layer with
// one value v uses 0..2v, or 0..1 for v = 0). A difference layer (`HeatmapLayer::difference`:
// one map minus another) is coloured by ColorBrewer's RdBu reversed (negative blue, zero
// near-white, positive red) over -m..m, m the largest absolute finite value (-1..1 when every
// value is 0 or none is finite), so that zero sits at the centre of the map; a range set by the
// caller replaces it, and zero is then at the centre only if the range is symmetric. Values
// outside the range take the colour of its nearer end, and the colour bar's ticks span the
// range. Land cells (`land_cells`) are filled with kLandRgb, and so are the land polygons; sea
// cells without a value (NaN) are left white with a light grey hatching, shown in the legend as
// "no data".
//
// Drawing order, bottom up: cells, land, sea lanes, coastline, graticule, patrol routes, symbols,
// labels. A patrol route (MapRoute) is a closed cycle through its points and back to the first,
// drawn as a thin dashed dark line with a white edge (so that it reads over dark colours too);
// a leg flown both ways (a barrier's way back) is drawn once. A route of one point (or of points
// all in one place) is a station, drawn as a small open circle. The legend lists "patrol route"
// and "patrol station" when one is drawn.
//
// Labels: first the markers' (in decreasing priority, then by name, at most `max_labels`), then
// the routes' (in the scene's order, at the route's first point, smaller and in italics, not
// counted in `max_labels`), each right, left, above or below its point: the first of those
// places inside the map and clear of the symbols and of the labels already placed; a label with
// no such place is left out.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/polygon_index.hpp"
#include "render/colormap.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// The fill colour of land, 0..255 per channel (light grey).
inline constexpr std::array<std::uint8_t, 3> kLandRgb{218, 218, 214};

inline constexpr int kMinHeatmapWidthPx = 400;
inline constexpr int kMaxHeatmapWidthPx = 10000;
inline constexpr int kDefaultHeatmapWidthPx = 1600;

struct HeatmapLayer {
  std::string name;       // e.g. "expected_response_h"
  std::string units;      // "h", "1", ...
  std::string long_name;  // what it shows
  std::vector<double> lat_deg;  // cell centres, strictly monotonic, evenly spaced
  std::vector<double> lon_deg;  // cell centres, strictly increasing, evenly spaced
  std::vector<float> values;    // lat_deg.size() x lon_deg.size(), row-major (row i at lat_deg[i]); NaN: no value
  bool difference = false;      // the values are one map minus another, in the layer's units
};

enum class MarkerKind { kAirfield, kPort, kCoastalRadar, kAisReceiver };

struct MapMarker {
  MarkerKind kind = MarkerKind::kAirfield;
  GeoPoint position;
  std::string label;  // empty: never labelled
  int priority = 0;   // labels are placed in decreasing priority while there is room
};

// Whether two points are exactly the same (routes repeat their vertices as copies).
[[nodiscard]] inline bool same_place(const GeoPoint& a, const GeoPoint& b) {
  return a.lon_deg == b.lon_deg && a.lat_deg == b.lat_deg;
}

// A patrol route: the cycle an asset flies through `points` and back to points[0] (one point, or
// points all in one place: a station).
struct MapRoute {
  std::vector<GeoPoint> points;
  std::string label;  // empty: never labelled
};

// A value range for the colours set by the caller: finite, low < high.
struct ValueRange {
  double low = 0.0;
  double high = 1.0;
};

struct HeatmapScene {
  HeatmapLayer layer;
  std::optional<ValueRange> value_range;  // the colours' range; empty: the automatic one
  // Per cell, 1 for land; empty: the layer's NaN cells are taken for land.
  std::vector<std::uint8_t> land_cells;
  std::vector<PolygonRings> land;             // land polygons (empty: land from land_cells only)
  std::vector<std::vector<GeoPoint>> lanes;   // sea lanes, drawn faint
  std::vector<MapRoute> routes;               // patrol routes, drawn dashed
  std::vector<MapMarker> markers;
  std::string title;     // first line, bold
  std::string subtitle;  // second line
  std::string footnote;  // below the map, small; '\n' starts a new line (at most two fit)
  int max_labels = -1;   // marker labels to place at most; -1: 10 + width / 80
};

// The value range and colours of a layer (see the header comment for the rules).
struct ValueScale {
  double low = 0.0;
  double high = 1.0;
  bool fraction = false;     // a fraction or probability: 0..1 unless the range is set
  bool user_range = false;   // the range is the scene's value_range
  bool any_value = false;    // the layer has a finite value somewhere
  bool difference = false;   // a difference layer: diverging colours, symmetric about 0 unless the range is set
  std::string colormap;      // "viridis", "magma_r", "RdBu_r"
  std::string caption;       // colour-bar caption with the units, e.g. "hours (h)", "difference (h)"
};

// Throws std::invalid_argument for a `range` that is not finite with low < high.
[[nodiscard]] ValueScale value_scale(const HeatmapLayer& layer,
                                     const std::optional<ValueRange>& range = std::nullopt);
[[nodiscard]] Colormap colormap_for(const ValueScale& scale);

// Where things go; x_of/y_of project degrees to pixels.
struct HeatmapLayout {
  int width_px = 0;
  int height_px = 0;
  double unit_px = 0.0;  // the font unit u
  double map_x = 0.0, map_y = 0.0, map_w = 0.0, map_h = 0.0;
  double lon_west = 0.0, lon_east = 0.0, lat_south = 0.0, lat_north = 0.0;

  [[nodiscard]] double x_of(double lon_deg) const { return map_x + (lon_deg - lon_west) / (lon_east - lon_west) * map_w; }
  [[nodiscard]] double y_of(double lat_deg) const {
    return map_y + (lat_north - lat_deg) / (lat_north - lat_south) * map_h;
  }
};

// Throws std::invalid_argument for a width outside kMin/kMaxHeatmapWidthPx or a layer whose
// coordinates are not evenly spaced cell centres matching its values.
[[nodiscard]] HeatmapLayout heatmap_layout(const HeatmapLayer& layer, int width_px);

// A drawn heatmap: opaque pixels, 0xAARRGGBB row-major from the top-left.
struct HeatmapImage {
  int width_px = 0;
  int height_px = 0;
  std::vector<std::uint32_t> pixels;
  HeatmapLayout layout;
  ValueScale scale;
  std::vector<std::string> labelled;    // marker labels drawn, in priority order
  std::vector<std::string> unlabelled;  // marker labels left out for room or by the cap
  std::vector<std::string> labelled_routes;    // route labels drawn, in the scene's order
  std::vector<std::string> unlabelled_routes;  // route labels left out for room
};

// Draws the scene. Throws like heatmap_layout and value_scale, and std::runtime_error if cairo
// fails.
[[nodiscard]] HeatmapImage render_heatmap(const HeatmapScene& scene, int width_px);

// Writes the image as PNG to `<path>.tmp-<pid>` beside `path`, then renames it over `path`, so
// a file at `path` is always complete. Throws std::runtime_error naming the file on failure
// (and leaves no temporary file).
void write_png(const std::filesystem::path& path, const HeatmapImage& image);

// Frees the font and glyph caches that cairo and fontconfig keep for the life of the process
// (through cairo_debug_reset_static_data and FcFini), so that leak checkers (AddressSanitizer's
// LeakSanitizer) see none: fontconfig stores its patterns' pointers as offsets, which a leak
// checker cannot follow. Call it when the program is done drawing, with no drawing under way in
// any thread; drawing again afterwards is allowed (the caches are rebuilt).
void release_render_caches();

}  // namespace mdasim

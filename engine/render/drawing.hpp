// Drawing helpers shared by the heatmap and the chart: cairo surfaces and contexts that free
// themselves, colours, text in DejaVu Sans (aligned, fitted to a width), the title block and the
// footnote lines of a page, and opaque pixels copied out of a surface and written as a PNG file
// whole or not at all. Internal to engine/render: it includes cairo, which stays private to the
// engine, so only the renderers' .cpp files include it.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "render/colormap.hpp"

namespace mdasim::drawing {

inline constexpr const char* kFont = "DejaVu Sans";
inline constexpr Rgb kInk{0.13, 0.13, 0.15};  // text, frames, outlines
inline constexpr Rgb kWhite{1.0, 1.0, 1.0};

using SurfacePtr = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using ContextPtr = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;
using PatternPtr = std::unique_ptr<cairo_pattern_t, decltype(&cairo_pattern_destroy)>;

// Throw std::runtime_error when cairo cannot make the surface or the context.
[[nodiscard]] SurfacePtr make_surface(cairo_format_t format, int width_px, int height_px);
[[nodiscard]] ContextPtr make_context(cairo_surface_t* surface);

inline void set_rgb(cairo_t* cr, const Rgb& c, double alpha = 1.0) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void font(cairo_t* cr, double size_px, bool bold = false, bool italic = false);
[[nodiscard]] double text_width(cairo_t* cr, const std::string& text);

enum class Align { kLeft, kCentre, kRight };

// Text in the current font with its baseline at y (or centred on y with `middle`), aligned on x.
void show_text(cairo_t* cr, const std::string& text, double x, double y, Align align, const Rgb& colour,
               bool middle = false);

// The largest font size <= size whose text fits in `width_px`.
[[nodiscard]] double fitted_size(cairo_t* cr, const std::string& text, double size, double width_px, bool bold);

// The title (bold, 1.3 u, baseline at 1.9 u) and subtitle (0.85 u, baseline at 3.4 u) of a page of
// font unit u, from x, each made smaller if needed to fit in `width_px`.
void draw_title_block(cairo_t* cr, const std::string& title, const std::string& subtitle, double x, double width_px,
                      double u);

// A footnote in small grey text (0.65 u, at least 7 px) from (x, first baseline y), fitted to
// `width_px`; '\n' starts a new line 0.95 u lower, and at most two lines are drawn.
void draw_footnote_lines(cairo_t* cr, const std::string& footnote, double x, double y, double width_px, double u);

// The pixels of an ARGB32 or RGB24 image surface, 0xAARRGGBB row-major from the top-left.
[[nodiscard]] std::vector<std::uint32_t> surface_pixels(cairo_surface_t* surface);

// Writes opaque pixels (as surface_pixels gives them) as PNG to `<path>.tmp-<pid>` beside `path`,
// then renames it over `path`, so a file at `path` is always complete. Throws
// std::invalid_argument for no pixels or the wrong number, and std::runtime_error naming the
// file when it cannot be written (leaving no temporary file).
void write_pixels_png(const std::filesystem::path& path, int width_px, int height_px,
                      const std::vector<std::uint32_t>& pixels);

}  // namespace mdasim::drawing

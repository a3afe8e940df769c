// Drawing helpers shared by the heatmap and the chart (see drawing.hpp).
#include "render/drawing.hpp"

#include "core/output_file.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <system_error>

namespace mdasim::drawing {

SurfacePtr make_surface(cairo_format_t format, int width_px, int height_px) {
  SurfacePtr surface(cairo_image_surface_create(format, width_px, height_px), &cairo_surface_destroy);
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cannot create a ") + std::to_string(width_px) + " x " +
                             std::to_string(height_px) +
                             " px image: " + cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return surface;
}

ContextPtr make_context(cairo_surface_t* surface) {
  ContextPtr cr(cairo_create(surface), &cairo_destroy);
  if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
    throw std::runtime_error(std::string("cannot draw: ") + cairo_status_to_string(cairo_status(cr.get())));
  }
  return cr;
}

void font(cairo_t* cr, double size_px, bool bold, bool italic) {
  cairo_select_font_face(cr, kFont, italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                         bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size_px);
}

double text_width(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, text.c_str(), &e);
  return e.x_advance;
}

void show_text(cairo_t* cr, const std::string& text, double x, double y, Align align, const Rgb& colour,
               bool middle) {
  const double w = text_width(cr, text);
  if (align == Align::kCentre) x -= w / 2.0;
  if (align == Align::kRight) x -= w;
  if (middle) {
    cairo_font_extents_t fe;
    cairo_font_extents(cr, &fe);
    y += (fe.ascent - fe.descent) / 2.0;
  }
  set_rgb(cr, colour);
  cairo_move_to(cr, x, y);
  cairo_show_text(cr, text.c_str());
  cairo_new_path(cr);
}

double fitted_size(cairo_t* cr, const std::string& text, double size, double width_px, bool bold) {
  font(cr, size, bold);
  const double w = text_width(cr, text);
  if (w <= width_px || w <= 0.0) return size;
  return std::max(1.0, size * width_px / w);
}

void draw_title_block(cairo_t* cr, const std::string& title, const std::string& subtitle, double x, double width_px,
                      double u) {
  const double width = std::max(width_px, 10.0);
  font(cr, fitted_size(cr, title, 1.3 * u, width, true), true);
  show_text(cr, title, x, 1.9 * u, Align::kLeft, kInk);
  font(cr, fitted_size(cr, subtitle, 0.85 * u, width, false));
  show_text(cr, subtitle, x, 3.4 * u, Align::kLeft, Rgb{0.3, 0.3, 0.32});
}

void draw_footnote_lines(cairo_t* cr, const std::string& footnote, double x, double y, double width_px, double u) {
  if (footnote.empty()) return;
  std::size_t from = 0;
  for (int line_no = 0; line_no < 2 && from <= footnote.size(); ++line_no) {
    std::size_t to = footnote.find('\n', from);
    if (to == std::string::npos) to = footnote.size();
    const std::string text = footnote.substr(from, to - from);
    font(cr, fitted_size(cr, text, std::max(7.0, 0.65 * u), std::max(width_px, 10.0), false));
    show_text(cr, text, x, y, Align::kLeft, Rgb{0.35, 0.35, 0.37});
    y += 0.95 * u;
    from = to + 1;
  }
}

std::vector<std::uint32_t> surface_pixels(cairo_surface_t* surface) {
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
  const auto width = static_cast<std::size_t>(cairo_image_surface_get_width(surface));
  const auto height = static_cast<std::size_t>(cairo_image_surface_get_height(surface));
  std::vector<std::uint32_t> pixels(width * height);
  for (std::size_t y = 0; y < height; ++y) {
    std::memcpy(pixels.data() + y * width, data + y * stride, width * sizeof(std::uint32_t));
  }
  return pixels;
}

void write_pixels_png(const std::filesystem::path& path, int width_px, int height_px,
                      const std::vector<std::uint32_t>& pixels) {
  if (width_px <= 0 || height_px <= 0 ||
      pixels.size() != static_cast<std::size_t>(width_px) * static_cast<std::size_t>(height_px)) {
    throw std::invalid_argument("write_png: the image has no pixels or the wrong number of them");
  }
  // RGB24: the picture is opaque, so the PNG needs no alpha channel.
  SurfacePtr surface = make_surface(CAIRO_FORMAT_RGB24, width_px, height_px);
  cairo_surface_flush(surface.get());
  unsigned char* data = cairo_image_surface_get_data(surface.get());
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get()));
  const auto width = static_cast<std::size_t>(width_px);
  for (std::size_t y = 0; y < static_cast<std::size_t>(height_px); ++y) {
    std::memcpy(data + y * stride, pixels.data() + y * width, width * sizeof(std::uint32_t));
  }
  cairo_surface_mark_dirty(surface.get());

  // Under a temporary name, renamed over the target only when complete and only if the target is
  // a regular file or absent (core/output_file.hpp).
  if (const std::string problem = output_target_problem(path); !problem.empty()) {
    throw std::runtime_error("cannot write '" + path.string() + "'" + problem);
  }
  const std::filesystem::path target = resolve_output_target(path);
  const std::filesystem::path temp = temporary_output_name(target);
  std::error_code ignored;
  const cairo_status_t status = cairo_surface_write_to_png(surface.get(), temp.c_str());
  if (status != CAIRO_STATUS_SUCCESS) {
    std::filesystem::remove(temp, ignored);
    throw std::runtime_error("cannot write '" + path.string() + "': " + cairo_status_to_string(status));
  }
  rename_into_place(temp, target);
}

}  // namespace mdasim::drawing

// Colour maps for the heatmaps: perceptually uniform sequential maps held as 256-entry tables,
// each built by linear interpolation between published anchor colours. The anchors are every
// 16th entry (0, 16, ..., 240, 255) of the 256-entry tables of matplotlib's viridis and magma
// (Stéfan van der Walt and Nathaniel Smith, 2015; the `_viridis_data` and `_magma_data` lists of
// matplotlib's lib/matplotlib/_cm_listed.py, released to the public domain under CC0). Between
// anchors the tables differ from matplotlib's entries by a few thousandths per channel (under
// 0.01 at the entries checked in tests/unit/render/colormap_test.cpp), well below what the eye
// or an 8-bit PNG can tell apart.
//
// Colours are RGB components in [0, 1]. A map is sampled at a position t in [0, 1] (clamped;
// NaN gives the first entry) by taking the nearest table entry.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mdasim {

struct Rgb {
  double r = 0.0;
  double g = 0.0;
  double b = 0.0;
};

// One published colour and where it sits in the map (0 = first entry, 1 = last).
struct ColormapAnchor {
  double position = 0.0;
  Rgb colour;
};

class Colormap {
 public:
  static constexpr std::size_t kEntries = 256;

  // Builds the table from anchors sorted by strictly increasing position, the first at 0 and
  // the last at 1 (throws std::invalid_argument otherwise).
  Colormap(std::string name, const std::vector<ColormapAnchor>& anchors);

  [[nodiscard]] static Colormap viridis();
  [[nodiscard]] static Colormap magma();

  // The same map run the other way (its name gets "_r", as in matplotlib).
  [[nodiscard]] Colormap reversed() const;

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] Rgb at(double t) const;
  [[nodiscard]] const Rgb& entry(std::size_t i) const { return table_.at(i); }

 private:
  Colormap() = default;
  std::string name_;
  std::array<Rgb, kEntries> table_{};
};

// The published anchors (for tests and documentation): 17 colours at entries 0, 16, ..., 255.
[[nodiscard]] std::vector<ColormapAnchor> viridis_anchors();
[[nodiscard]] std::vector<ColormapAnchor> magma_anchors();

}  // namespace mdasim

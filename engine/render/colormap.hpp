// Colour maps for the heatmaps, held as 256-entry tables, each built by linear interpolation
// between published anchor colours.
//
// Sequential maps, perceptually uniform: the anchors are every 16th entry (0, 16, ..., 240, 255)
// of the 256-entry tables of matplotlib's viridis and magma (Stéfan van der Walt and Nathaniel
// Smith, 2015; the `_viridis_data` and `_magma_data` lists of matplotlib's
// lib/matplotlib/_cm_listed.py, released to the public domain under CC0). Between anchors the
// tables differ from matplotlib's entries by a few thousandths per channel (under 0.01 at the
// entries checked in tests/unit/render/colormap_test.cpp), well below what the eye or an 8-bit
// PNG can tell apart.
//
// A diverging map, for differences between two maps: ColorBrewer's 11-class RdBu (Cynthia A.
// Brewer, colorbrewer2.org; "Apache-Style Software License for ColorBrewer software and
// ColorBrewer Color Schemes", Copyright (c) 2002 Cynthia Brewer, Mark Harrower and The
// Pennsylvania State University, under the Apache License, Version 2.0), its 11 colours as
// anchors at positions 0, 0.1, ..., 1: dark red #67001f at 0, the near-white #f7f7f7 at the
// centre 0.5, dark blue #053061 at 1. It is interpolated in sRGB, as matplotlib's RdBu is.
// Reversed (RdBu_r), low values are blue and high values red.
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
  [[nodiscard]] static Colormap rdbu();

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
// The 11 colours of ColorBrewer's RdBu at positions 0, 0.1, ..., 1 (red first).
[[nodiscard]] std::vector<ColormapAnchor> rdbu_anchors();

}  // namespace mdasim

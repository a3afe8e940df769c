// Colour maps: the tables hold matplotlib's published viridis and magma values at the anchors,
// interpolate close to matplotlib's own entries in between, and sample, clamp and reverse; the
// diverging RdBu holds ColorBrewer's published colours, near-white at its centre.
#include "render/colormap.hpp"

#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

void expect_colour(const Rgb& got, double r, double g, double b, double tolerance) {
  EXPECT_NEAR(got.r, r, tolerance);
  EXPECT_NEAR(got.g, g, tolerance);
  EXPECT_NEAR(got.b, b, tolerance);
}

// Entries of matplotlib's _viridis_data and _magma_data (lib/matplotlib/_cm_listed.py).
TEST(Colormap, ViridisAnchorsArePublishedValues) {
  const Colormap map = Colormap::viridis();
  EXPECT_EQ(map.name(), "viridis");
  expect_colour(map.entry(0), 0.267004, 0.004874, 0.329415, 1e-12);
  expect_colour(map.entry(64), 0.229739, 0.322361, 0.545706, 1e-12);
  expect_colour(map.entry(128), 0.127568, 0.566949, 0.550556, 1e-12);
  expect_colour(map.entry(192), 0.369214, 0.788888, 0.382914, 1e-12);
  expect_colour(map.entry(255), 0.993248, 0.906157, 0.143936, 1e-12);
  EXPECT_EQ(viridis_anchors().size(), 17u);
  EXPECT_DOUBLE_EQ(viridis_anchors()[1].position, 16.0 / 255.0);
}

TEST(Colormap, MagmaAnchorsArePublishedValues) {
  const Colormap map = Colormap::magma();
  expect_colour(map.entry(0), 0.001462, 0.000466, 0.013866, 1e-12);
  expect_colour(map.entry(128), 0.716387, 0.214982, 0.475290, 1e-12);
  expect_colour(map.entry(240), 0.992440, 0.884330, 0.640099, 1e-12);
  expect_colour(map.entry(255), 0.987053, 0.991438, 0.749504, 1e-12);
}

// Between anchors, linear interpolation stays close to matplotlib's entries.
TEST(Colormap, InterpolatedEntriesAreCloseToMatplotlib) {
  const Colormap viridis = Colormap::viridis();
  expect_colour(viridis.entry(50), 0.255645, 0.260703, 0.528312, 0.01);
  expect_colour(viridis.entry(100), 0.166617, 0.463708, 0.558119, 0.01);
  expect_colour(viridis.entry(200), 0.440137, 0.811138, 0.340967, 0.01);
  const Colormap magma = Colormap::magma();
  expect_colour(magma.entry(50), 0.225302, 0.060445, 0.431742, 0.01);
  expect_colour(magma.entry(100), 0.537755, 0.156894, 0.506551, 0.01);
  expect_colour(magma.entry(200), 0.992785, 0.594891, 0.410283, 0.01);
}

// ColorBrewer's 11-class RdBu (colorbrewer2.org), as published in hex.
TEST(Colormap, RdBuAnchorsArePublishedValues) {
  const std::vector<ColormapAnchor> anchors = rdbu_anchors();
  ASSERT_EQ(anchors.size(), 11u);
  const std::array<unsigned, 11> hex{0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7,
                                     0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061};
  const Colormap map = Colormap::rdbu();
  EXPECT_EQ(map.name(), "RdBu");
  for (std::size_t i = 0; i < hex.size(); ++i) {
    const double r = (hex[i] >> 16 & 0xFF) / 255.0, g = (hex[i] >> 8 & 0xFF) / 255.0, b = (hex[i] & 0xFF) / 255.0;
    EXPECT_DOUBLE_EQ(anchors[i].position, static_cast<double>(i) / 10.0) << i;
    expect_colour(anchors[i].colour, r, g, b, 1e-12);
    // The table at the anchor's position (between two entries: 255 / 10 is not whole).
    expect_colour(map.at(anchors[i].position), r, g, b, 0.01);
  }
  // The ends are the published end colours exactly: dark red, dark blue.
  expect_colour(map.entry(0), 103 / 255.0, 0.0, 31 / 255.0, 1e-12);
  expect_colour(map.entry(255), 5 / 255.0, 48 / 255.0, 97 / 255.0, 1e-12);
}

// Reversed, as difference maps use it: blue below the centre, the neutral #f7f7f7 at the centre
// (zero of a symmetric range), red above.
TEST(Colormap, RdBuReversedIsNeutralAtTheCentre) {
  const Colormap map = Colormap::rdbu().reversed();
  EXPECT_EQ(map.name(), "RdBu_r");
  const double neutral = 247 / 255.0;
  expect_colour(map.at(0.5), neutral, neutral, neutral, 0.01);
  expect_colour(map.entry(127), neutral, neutral, neutral, 0.01);
  expect_colour(map.entry(128), neutral, neutral, neutral, 0.01);
  expect_colour(map.entry(0), 5 / 255.0, 48 / 255.0, 97 / 255.0, 1e-12);
  expect_colour(map.entry(255), 103 / 255.0, 0.0, 31 / 255.0, 1e-12);
  EXPECT_GT(map.at(0.25).b, map.at(0.25).r);  // below zero: blue
  EXPECT_GT(map.at(0.75).r, map.at(0.75).b);  // above zero: red
  // Halfway up the upper half: between #d6604d (0.8 reversed) and #f4a582 (0.7 reversed).
  expect_colour(map.at(0.75), 229.3 / 255.0, 131.2 / 255.0, 104.0 / 255.0, 0.01);
}

TEST(Colormap, SamplesNearestEntryAndClamps) {
  const Colormap map = Colormap::viridis();
  expect_colour(map.at(0.0), map.entry(0).r, map.entry(0).g, map.entry(0).b, 0.0);
  expect_colour(map.at(1.0), map.entry(255).r, map.entry(255).g, map.entry(255).b, 0.0);
  expect_colour(map.at(-3.0), map.entry(0).r, map.entry(0).g, map.entry(0).b, 0.0);
  expect_colour(map.at(7.0), map.entry(255).r, map.entry(255).g, map.entry(255).b, 0.0);
  expect_colour(map.at(std::numeric_limits<double>::quiet_NaN()), map.entry(0).r, map.entry(0).g, map.entry(0).b, 0.0);
  expect_colour(map.at(0.5), map.entry(128).r, map.entry(128).g, map.entry(128).b, 0.0);  // 127.5 rounds up
  expect_colour(map.at(100.0 / 255.0), map.entry(100).r, map.entry(100).g, map.entry(100).b, 0.0);
}

TEST(Colormap, ReversedRunsTheOtherWay) {
  const Colormap magma = Colormap::magma();
  const Colormap reversed = magma.reversed();
  EXPECT_EQ(reversed.name(), "magma_r");
  EXPECT_EQ(reversed.reversed().name(), "magma");
  for (std::size_t i = 0; i < Colormap::kEntries; ++i) {
    expect_colour(reversed.entry(i), magma.entry(255 - i).r, magma.entry(255 - i).g, magma.entry(255 - i).b, 0.0);
  }
}

TEST(Colormap, RefusesBadAnchors) {
  EXPECT_THROW(Colormap("x", {{0.0, {}}}), std::invalid_argument);
  EXPECT_THROW(Colormap("x", {{0.1, {}}, {1.0, {}}}), std::invalid_argument);
  EXPECT_THROW(Colormap("x", {{0.0, {}}, {0.5, {}}, {0.5, {}}, {1.0, {}}}), std::invalid_argument);
  // Two anchors: a straight ramp.
  const Colormap ramp("grey", {{0.0, {0.0, 0.0, 0.0}}, {1.0, {1.0, 1.0, 1.0}}});
  expect_colour(ramp.entry(51), 0.2, 0.2, 0.2, 1e-12);
}

}  // namespace
}  // namespace mdasim

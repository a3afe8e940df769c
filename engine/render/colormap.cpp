// Colour-map tables from published anchors (see colormap.hpp for the sources of the values).
#include "render/colormap.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace mdasim {
namespace {

// Entries 0, 16, 32, ..., 240 and 255 of matplotlib's 256-entry tables (_cm_listed.py).
constexpr std::array<int, 17> kAnchorEntries{0, 16, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 255};

constexpr std::array<Rgb, 17> kViridis{{
    {0.267004, 0.004874, 0.329415},  // 0
    {0.282327, 0.094955, 0.417331},  // 16
    {0.278826, 0.175490, 0.483397},  // 32
    {0.258965, 0.251537, 0.524736},  // 48
    {0.229739, 0.322361, 0.545706},  // 64
    {0.199430, 0.387607, 0.554642},  // 80
    {0.172719, 0.448791, 0.557885},  // 96
    {0.149039, 0.508051, 0.557250},  // 112
    {0.127568, 0.566949, 0.550556},  // 128
    {0.120638, 0.625828, 0.533488},  // 144
    {0.157851, 0.683765, 0.501686},  // 160
    {0.246070, 0.738910, 0.452024},  // 176
    {0.369214, 0.788888, 0.382914},  // 192
    {0.515992, 0.831158, 0.294279},  // 208
    {0.678489, 0.863742, 0.189503},  // 224
    {0.845561, 0.887322, 0.099702},  // 240
    {0.993248, 0.906157, 0.143936},  // 255
}};

constexpr std::array<Rgb, 17> kMagma{{
    {0.001462, 0.000466, 0.013866},  // 0
    {0.039608, 0.031090, 0.133515},  // 16
    {0.113094, 0.065492, 0.276784},  // 32
    {0.211718, 0.061992, 0.418647},  // 48
    {0.316654, 0.071690, 0.485380},  // 64
    {0.414709, 0.110431, 0.504662},  // 80
    {0.512831, 0.148179, 0.507648},  // 96
    {0.613617, 0.181811, 0.498536},  // 112
    {0.716387, 0.214982, 0.475290},  // 128
    {0.816914, 0.255895, 0.436461},  // 144
    {0.904281, 0.319610, 0.388137},  // 160
    {0.960949, 0.418323, 0.359630},  // 176
    {0.986700, 0.535582, 0.382210},  // 192
    {0.996096, 0.653659, 0.446213},  // 208
    {0.996898, 0.769591, 0.534892},  // 224
    {0.992440, 0.884330, 0.640099},  // 240
    {0.987053, 0.991438, 0.749504},  // 255
}};

// ColorBrewer's 11-class RdBu, from dark red to dark blue (colorbrewer2.org): #67001f #b2182b
// #d6604d #f4a582 #fddbc7 #f7f7f7 #d1e5f0 #92c5de #4393c3 #2166ac #053061, as 0..255 per channel.
constexpr std::array<std::array<int, 3>, 11> kRdBu255{{
    {103, 0, 31},
    {178, 24, 43},
    {214, 96, 77},
    {244, 165, 130},
    {253, 219, 199},
    {247, 247, 247},
    {209, 229, 240},
    {146, 197, 222},
    {67, 147, 195},
    {33, 102, 172},
    {5, 48, 97},
}};

std::vector<ColormapAnchor> anchors_of(const std::array<Rgb, 17>& colours) {
  std::vector<ColormapAnchor> out;
  out.reserve(colours.size());
  for (std::size_t i = 0; i < colours.size(); ++i) {
    out.push_back({static_cast<double>(kAnchorEntries[i]) / 255.0, colours[i]});
  }
  return out;
}

double lerp(double a, double b, double f) { return a + (b - a) * f; }

}  // namespace

std::vector<ColormapAnchor> viridis_anchors() { return anchors_of(kViridis); }
std::vector<ColormapAnchor> magma_anchors() { return anchors_of(kMagma); }

std::vector<ColormapAnchor> rdbu_anchors() {
  std::vector<ColormapAnchor> out;
  out.reserve(kRdBu255.size());
  for (std::size_t i = 0; i < kRdBu255.size(); ++i) {
    const auto& [r, g, b] = kRdBu255[i];
    out.push_back({static_cast<double>(i) / static_cast<double>(kRdBu255.size() - 1),
                   {r / 255.0, g / 255.0, b / 255.0}});
  }
  return out;
}

Colormap::Colormap(std::string name, const std::vector<ColormapAnchor>& anchors) : name_(std::move(name)) {
  if (anchors.size() < 2 || anchors.front().position != 0.0 || anchors.back().position != 1.0) {
    throw std::invalid_argument("colour map '" + name_ + "' needs anchors from position 0 to position 1");
  }
  for (std::size_t i = 1; i < anchors.size(); ++i) {
    if (!(anchors[i].position > anchors[i - 1].position)) {
      throw std::invalid_argument("colour map '" + name_ + "' has anchors out of order");
    }
  }
  std::size_t segment = 0;
  for (std::size_t i = 0; i < kEntries; ++i) {
    const double t = static_cast<double>(i) / static_cast<double>(kEntries - 1);
    while (segment + 2 < anchors.size() && t > anchors[segment + 1].position) ++segment;
    const ColormapAnchor& a = anchors[segment];
    const ColormapAnchor& b = anchors[segment + 1];
    const double f = std::clamp((t - a.position) / (b.position - a.position), 0.0, 1.0);
    table_[i] = {lerp(a.colour.r, b.colour.r, f), lerp(a.colour.g, b.colour.g, f), lerp(a.colour.b, b.colour.b, f)};
  }
}

Colormap Colormap::viridis() { return Colormap("viridis", viridis_anchors()); }
Colormap Colormap::magma() { return Colormap("magma", magma_anchors()); }
Colormap Colormap::rdbu() { return Colormap("RdBu", rdbu_anchors()); }

Colormap Colormap::reversed() const {
  Colormap out;
  out.name_ = name_.size() > 2 && name_.ends_with("_r") ? name_.substr(0, name_.size() - 2) : name_ + "_r";
  std::reverse_copy(table_.begin(), table_.end(), out.table_.begin());
  return out;
}

Rgb Colormap::at(double t) const {
  if (!(t > 0.0)) return table_.front();  // also NaN
  if (t >= 1.0) return table_.back();
  const auto i = static_cast<std::size_t>(std::lround(t * static_cast<double>(kEntries - 1)));
  return table_[std::min(i, kEntries - 1)];
}

}  // namespace mdasim

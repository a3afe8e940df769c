// Sampling incident and target positions over lanes, areas or the whole sea.
#include "model/placement.hpp"

#include <cmath>
#include <numbers>
#include <stdexcept>

#include "geo/polygon.hpp"

namespace mdasim {
namespace {

// Attempts before giving up on finding sea; with cells that are sea at their centre and lanes
// at sea almost everywhere, the chance of needing more is negligible.
constexpr int kMaxAttempts = 10000;

double cell_area_weight(const Grid& g, std::size_t cell) {
  return std::cos(g.center_lat(g.row_of(cell)) * std::numbers::pi / 180.0);
}

}  // namespace

PlacementSampler::PlacementSampler(const Placement& placement, const Geography& geography)
    : geo_(&geography), kind_(placement.kind) {
  const Grid& g = geography.grid();
  auto make_set = [&](auto&& keep) {
    CellSet set;
    std::vector<double> weights;
    for (std::size_t cell = 0; cell < g.size(); ++cell) {
      if (!geography.sea.is_sea(cell) || !keep(g.center(cell))) continue;
      set.cells.push_back(cell);
      weights.push_back(cell_area_weight(g, cell));
    }
    if (set.cells.empty()) throw std::invalid_argument("a placement area holds no sea cell of the grid");
    set.choice = DiscreteChoice(weights);
    return set;
  };
  switch (placement.kind) {
    case Placement::Kind::kLanes: {
      std::vector<double> weights;
      for (const LaneEdge& e : geography.lanes.edges()) weights.push_back(e.weight * e.length_nm);
      if (weights.empty()) throw std::invalid_argument("placement along lanes, but the lane network is empty");
      lane_edges_ = DiscreteChoice(weights);
      break;
    }
    case Placement::Kind::kAreas: {
      std::vector<double> weights;
      for (const Placement::Area& area : placement.areas) {
        cell_sets_.push_back(make_set([&](const GeoPoint& p) { return polygon_contains(area.polygon, p); }));
        cell_sets_.back().polygon = area.polygon;
        weights.push_back(area.weight);
      }
      areas_ = DiscreteChoice(weights);
      break;
    }
    case Placement::Kind::kUniform:
      cell_sets_.push_back(make_set([](const GeoPoint&) { return true; }));
      break;
  }
}

GeoPoint PlacementSampler::sample_cells(const CellSet& set, RandomStream& rng) const {
  const Grid& g = geo_->grid();
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const std::size_t cell = set.cells[set.choice.sample(rng)];
    const double lon0 = g.lon_min_deg() + g.col_of(cell) * g.cell_deg();
    const double lat0 = g.lat_min_deg() + g.row_of(cell) * g.cell_deg();
    const GeoPoint p{lon0 + g.cell_deg() * rng.uniform(), lat0 + g.cell_deg() * rng.uniform()};
    if ((set.polygon.empty() || polygon_contains(set.polygon, p)) && !geo_->is_land(p)) return p;
  }
  throw std::runtime_error("could not place a point at sea");
}

PlacementSampler::LanePoint PlacementSampler::sample_lane(RandomStream& rng) const {
  const auto& edges = geo_->lanes.edges();
  for (int attempt = 0; attempt < kMaxAttempts; ++attempt) {
    const std::size_t edge = lane_edges_.sample(rng);
    const LaneEdge& e = edges[edge];
    const GeoPoint& a = geo_->lanes.position(e.u);
    const GeoPoint& b = geo_->lanes.position(e.v);
    const double t = rng.uniform();
    const GeoPoint p{a.lon_deg + t * (b.lon_deg - a.lon_deg), a.lat_deg + t * (b.lat_deg - a.lat_deg)};
    if (!geo_->is_land(p)) return {p, {edge, t}};
  }
  throw std::runtime_error("could not place a point at sea on the lanes");
}

GeoPoint PlacementSampler::sample(RandomStream& rng) const {
  switch (kind_) {
    case Placement::Kind::kLanes: return sample_lane(rng).position;
    case Placement::Kind::kAreas: return sample_cells(cell_sets_[areas_.sample(rng)], rng);
    case Placement::Kind::kUniform: return sample_cells(cell_sets_.front(), rng);
  }
  return {};
}

}  // namespace mdasim

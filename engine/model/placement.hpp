// Where incidents and ISR targets appear: a sampler for one class's placement rule.
//   lanes:   a lane edge chosen with probability proportional to traffic weight x length (nm),
//            then a point uniformly along it;
//   areas:   an area chosen by its weight, then a point uniformly (by true area) over the sea
//            inside it (drawn over the grid's sea cells whose centre is inside, keeping only
//            points inside the polygon: cells cut by the edge whose centre is outside are left
//            out, an error of at most half a cell along the edge);
//   uniform: a point uniformly (by true area) over the sea of the scenario grid.
// Points are never on land: a draw that falls on land (a lane hugging a coast, a coastal cell)
// is drawn again. Uniform-by-area means cells are weighted by the cosine of their latitude.
#pragma once

#include <vector>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"
#include "geo/geography.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// The sampler keeps a pointer to the geography, which must outlive it (it is built once per
// scenario and shared read-only); everything else it copies.
class PlacementSampler {
 public:
  // Throws std::invalid_argument if the placement cannot produce a sea point (no lanes, an area
  // without sea cells); scenario checks report those cases to the user first.
  PlacementSampler(const Placement& placement, const Geography& geography);

  [[nodiscard]] GeoPoint sample(RandomStream& rng) const;
  // Placement kind lanes only: the point sample() would draw, with the lane edge and where on
  // it (the same draws from `rng`).
  struct LanePoint {
    GeoPoint position;
    LaneNetwork::Position on;
  };
  [[nodiscard]] LanePoint sample_lane(RandomStream& rng) const;

 private:
  // A set of sea cells to draw from, with their area weights.
  struct CellSet {
    std::vector<std::size_t> cells;
    DiscreteChoice choice;
    Polygon polygon;  // areas: points must also lie inside it (a copy: the sampler owns its data)
  };
  [[nodiscard]] GeoPoint sample_cells(const CellSet& set, RandomStream& rng) const;

  const Geography* geo_;
  Placement::Kind kind_;
  DiscreteChoice lane_edges_;    // lanes
  DiscreteChoice areas_;         // areas: which area
  std::vector<CellSet> cell_sets_;  // areas: one per area; uniform: one
};

}  // namespace mdasim

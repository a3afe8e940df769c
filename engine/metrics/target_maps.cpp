// ISR targets by grid cell (see target_maps.hpp).
#include "metrics/target_maps.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace mdasim {

void TargetMapAccumulator::add_replication(const Grid& grid, std::span<const TargetRecord> records) {
  for (const TargetRecord& r : records) {
    const auto cell = grid.cell_of(r.appear_position);
    if (!cell || *cell >= cells_.size()) continue;
    Cell& c = cells_[*cell];
    ++c.appeared;
    if (r.detected && std::isfinite(r.time_to_detect_h())) {
      ++c.detected;
      c.detect_s += std::llround(r.time_to_detect_h() * 3600.0);
    }
  }
  ++replications_;
}

void TargetMapAccumulator::merge(const TargetMapAccumulator& other) {
  if (cells_.empty() && replications_ == 0) cells_.resize(other.cells_.size());
  if (cells_.size() != other.cells_.size()) throw std::invalid_argument("target maps of different grids");
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    cells_[i].appeared += other.cells_[i].appeared;
    cells_[i].detected += other.cells_[i].detected;
    cells_[i].detect_s += other.cells_[i].detect_s;
  }
  replications_ += other.replications_;
}

TargetMaps TargetMapAccumulator::maps(std::span<const std::uint8_t> sea) const {
  if (replications_ == 0) throw std::logic_error("target maps with no replication");
  if (sea.size() != cells_.size()) throw std::invalid_argument("sea mask of another grid");
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
  TargetMaps out;
  out.targets_per_replication.assign(cells_.size(), kNaN);
  out.detected_fraction.assign(cells_.size(), kNaN);
  out.mean_time_to_detect_h.assign(cells_.size(), kNaN);
  for (std::size_t i = 0; i < cells_.size(); ++i) {
    if (sea[i] == 0) continue;
    const Cell& c = cells_[i];
    out.targets_per_replication[i] = static_cast<float>(static_cast<double>(c.appeared) / static_cast<double>(replications_));
    if (c.appeared > 0) {
      out.detected_fraction[i] = static_cast<float>(static_cast<double>(c.detected) / static_cast<double>(c.appeared));
    }
    if (c.detected > 0) {
      out.mean_time_to_detect_h[i] =
          static_cast<float>(static_cast<double>(c.detect_s) / static_cast<double>(c.detected) / 3600.0);
    }
  }
  return out;
}

}  // namespace mdasim

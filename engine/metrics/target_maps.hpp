// ISR targets by grid cell: how many appeared in each cell, how many of those were detected
// before leaving, and how long detection took, accumulated exactly in integers (counts, and
// times to detection in whole seconds, std::llround(h * 3600)) so that replications merge in any
// order to the same numbers. A target belongs to the cell where it appeared.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "geo/grid.hpp"
#include "model/target_detection.hpp"

namespace mdasim {

struct TargetMaps {
  std::vector<float> targets_per_replication;  // appearing in the window, per replication
  std::vector<float> detected_fraction;        // detected / appeared; NaN where none appeared
  std::vector<float> mean_time_to_detect_h;    // over the detected; NaN where none was
};

class TargetMapAccumulator {
 public:
  TargetMapAccumulator() = default;
  explicit TargetMapAccumulator(std::size_t cells) : cells_(cells) {}

  // One replication's records (those appearing in the window); targets appearing outside the
  // grid are not counted. Ends the replication.
  void add_replication(const Grid& grid, std::span<const TargetRecord> records);
  // Adds another accumulator's replications (the same cell count, else std::invalid_argument; a
  // default-constructed accumulator takes on the other's).
  void merge(const TargetMapAccumulator& other);

  [[nodiscard]] std::int64_t replications() const { return replications_; }
  [[nodiscard]] std::int64_t appeared(std::size_t cell) const { return cells_.at(cell).appeared; }
  [[nodiscard]] std::int64_t detected(std::size_t cell) const { return cells_.at(cell).detected; }
  [[nodiscard]] std::int64_t detect_seconds(std::size_t cell) const { return cells_.at(cell).detect_s; }

  // NaN on land (`sea[i]` zero) as well. Throws std::logic_error with no replication.
  [[nodiscard]] TargetMaps maps(std::span<const std::uint8_t> sea) const;

  friend bool operator==(const TargetMapAccumulator&, const TargetMapAccumulator&) = default;

 private:
  struct Cell {
    std::int64_t appeared = 0;
    std::int64_t detected = 0;
    std::int64_t detect_s = 0;
    friend bool operator==(const Cell&, const Cell&) = default;
  };
  std::vector<Cell> cells_;
  std::int64_t replications_ = 0;
};

}  // namespace mdasim

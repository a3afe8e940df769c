// Map layers from a coverage accumulator (see coverage_layers.hpp).
#include "io/coverage_layers.hpp"

namespace mdasim {

std::vector<MapLayer> coverage_map_layers(const std::string& prefix, const std::string& one, const std::string& many,
                                          const CoverageAccumulator& coverage, const std::vector<std::uint8_t>& sea) {
  CoverageMaps maps = coverage.maps(sea);
  std::vector<MapLayer> layers;
  layers.push_back({prefix + "_covered_fraction", "1", "fraction of time covered by at least one " + one,
                    std::move(maps.covered_fraction)});
  layers.push_back({prefix + "_mean_revisit_gap_h", "h", "mean gap between periods covered by " + many,
                    std::move(maps.mean_gap_h)});
  layers.push_back({prefix + "_max_revisit_gap_h", "h", "longest gap between periods covered by " + many,
                    std::move(maps.max_gap_h)});
  layers.push_back({prefix + "_mean_sensors", "1", "mean number of " + many + " covering", std::move(maps.mean_sensors)});
  return layers;
}

std::vector<MapLayer> target_map_layers(const TargetMapAccumulator& targets, const std::vector<std::uint8_t>& sea) {
  TargetMaps maps = targets.maps(sea);
  std::vector<MapLayer> layers;
  layers.push_back({"target_count_per_replication", "1", "ISR targets appearing in the cell per replication",
                    std::move(maps.targets_per_replication)});
  layers.push_back({"target_detected_fraction", "1", "fraction of ISR targets appearing in the cell detected before leaving",
                    std::move(maps.detected_fraction)});
  layers.push_back({"target_time_to_detect_h", "h", "mean time from appearance to first detection of ISR targets appearing in the cell",
                    std::move(maps.mean_time_to_detect_h)});
  return layers;
}

}  // namespace mdasim

// Map layers of the ISR fields. From a coverage accumulator (metrics/coverage.hpp): the fraction
// of time covered, the mean and longest revisit gaps and the mean number of sensors covering, each
// cell over all replications, named `<prefix>_covered_fraction` and so on. From the target maps
// (metrics/target_maps.hpp): targets appearing per replication, the fraction detected before
// leaving and the mean time to first detection, by the cell where the targets appeared.
#pragma once

#include <string>
#include <vector>

#include "io/map_layers.hpp"
#include "metrics/coverage.hpp"
#include "metrics/target_maps.hpp"

namespace mdasim {

// `one` and `many` name the sensors in the long names ("coastal radar", "coastal radars");
// `sea` is the grid's sea mask (land cells become NaN). The accumulator needs at least one
// finished replication.
[[nodiscard]] std::vector<MapLayer> coverage_map_layers(const std::string& prefix, const std::string& one,
                                                        const std::string& many,
                                                        const CoverageAccumulator& coverage,
                                                        const std::vector<std::uint8_t>& sea);

// `target_count_per_replication`, `target_detected_fraction`, `target_time_to_detect_h`.
[[nodiscard]] std::vector<MapLayer> target_map_layers(const TargetMapAccumulator& targets,
                                                      const std::vector<std::uint8_t>& sea);

}  // namespace mdasim

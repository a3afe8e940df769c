// Map layers from a coverage accumulator (metrics/coverage.hpp): the fraction of time covered,
// the mean and longest revisit gaps and the mean number of sensors covering, each cell over all
// replications, named `<prefix>_covered_fraction` and so on.
#pragma once

#include <string>
#include <vector>

#include "io/map_layers.hpp"
#include "metrics/coverage.hpp"

namespace mdasim {

// `what` names the sensors in the long names ("coastal radar", "AIS receiver"); `sea` is the
// grid's sea mask (land cells become NaN). The accumulator needs at least one finished replication.
[[nodiscard]] std::vector<MapLayer> coverage_map_layers(const std::string& prefix, const std::string& what,
                                                        const CoverageAccumulator& coverage,
                                                        const std::vector<std::uint8_t>& sea);

}  // namespace mdasim

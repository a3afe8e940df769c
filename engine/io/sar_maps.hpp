// The SAR map layers of a run: the analytic expected response time and the probability that no
// unit is up (model/response_field.hpp), and, from the simulated incidents of every
// replication, the observed mean alert-to-scene time and the number of incidents per
// replication in each grid cell.
#pragma once

#include <vector>

#include "io/map_layers.hpp"
#include "model/sar_records.hpp"
#include "model/sar_setup.hpp"

namespace mdasim {

// `threads` only speeds up the analytic field; the layers do not depend on it.
[[nodiscard]] std::vector<MapLayer> sar_map_layers(const SarSetup& setup,
                                                   const std::vector<SarReplicationResult>& results,
                                                   unsigned threads = 1);

}  // namespace mdasim

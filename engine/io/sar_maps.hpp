// The SAR map layers of a run: the analytic expected response time and the probability that no
// unit is up (model/response_field.hpp), and, from the simulated incidents of every
// replication (binned by cell as they came, metrics/sar_run_totals.hpp), the observed mean
// alert-to-scene time and the number of incidents per replication in each grid cell.
#pragma once

#include <vector>

#include "io/map_layers.hpp"
#include "metrics/sar_run_totals.hpp"
#include "model/sar_setup.hpp"

namespace mdasim {

// `threads` only speeds up the analytic field; the layers do not depend on it.
[[nodiscard]] std::vector<MapLayer> sar_map_layers(const SarSetup& setup, const SarRunTotals& totals,
                                                   unsigned threads = 1);

}  // namespace mdasim

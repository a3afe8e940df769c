// The SAR map layers of a run (see sar_maps.hpp).
#include "io/sar_maps.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "model/response_field.hpp"

namespace mdasim {

std::vector<MapLayer> sar_map_layers(const SarSetup& setup, const SarRunTotals& totals, unsigned threads) {
  const Scenario& sc = setup.scenario();
  const Geography& geo = setup.geography();
  const Grid& grid = geo.grid();
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

  // The analytic field for the least demanding class (the shortest minimum search time).
  ResponseFieldOptions options;
  options.threads = threads;
  if (!sc.incident_classes.empty()) {
    options.min_search_time_h = std::min_element(sc.incident_classes.begin(), sc.incident_classes.end(),
                                                 [](const IncidentClass& a, const IncidentClass& b) {
                                                   return a.min_search_time_h < b.min_search_time_h;
                                                 })->min_search_time_h;
  }
  ResponseField field = analytic_response_field(setup, options);

  // Observed: sums in replication order, so the result does not depend on threads.
  const std::vector<double>& response_sum_h = totals.cell_response_sum_h();
  const std::vector<std::uint64_t>& reached = totals.cell_reached();
  const std::vector<std::uint64_t>& count = totals.cell_incidents();
  if (response_sum_h.size() != grid.size()) {
    throw std::invalid_argument("sar_map_layers: the run's totals are not on the scenario's grid");
  }
  std::vector<float> observed(grid.size(), kNaN);
  std::vector<float> per_replication(grid.size(), kNaN);
  const double n = static_cast<double>(totals.replications());
  for (std::size_t c = 0; c < grid.size(); ++c) {
    if (!geo.sea.is_sea(c)) continue;
    if (reached[c] > 0) observed[c] = static_cast<float>(response_sum_h[c] / static_cast<double>(reached[c]));
    if (n > 0) per_replication[c] = static_cast<float>(static_cast<double>(count[c]) / n);
  }

  std::vector<MapLayer> layers;
  layers.push_back({"expected_response_h", "h",
                    "expected alert-to-scene time of the first SAR unit up (analytic)",
                    std::move(field.expected_response_h)});
  layers.push_back({"p_no_unit_up", "1", "probability that no SAR unit able to respond is up (analytic)",
                    std::move(field.p_none)});
  layers.push_back({"observed_response_h", "h", "mean simulated alert-to-scene time of incidents in the cell",
                    std::move(observed)});
  layers.push_back({"incidents_per_replication", "1", "simulated incidents in the cell per replication",
                    std::move(per_replication)});
  return layers;
}

}  // namespace mdasim

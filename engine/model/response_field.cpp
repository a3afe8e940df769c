// The analytic SAR response-time field (see response_field.hpp).
#include "model/response_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "geo/geodesy.hpp"
#include "run/replication_runner.hpp"

namespace mdasim {
namespace {

// The units of one asset entry: one candidate.
struct Group {
  const SarUnit* unit = nullptr;  // the first unit of the entry (all share type, base and state)
  double up_probability = 0.0;    // at least one of its units up
  int air_slot = kNoIndex;        // aircraft: index of its base among the air bases
};

}  // namespace

ResponseField analytic_response_field(const SarSetup& setup, const ResponseFieldOptions& options) {
  const Scenario& sc = setup.scenario();
  const Geography& geo = setup.geography();
  const Grid& grid = geo.grid();
  constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

  std::vector<Group> groups;
  std::vector<int> air_bases;
  std::vector<int> slot_of_base(sc.bases.size(), kNoIndex);
  std::vector<int> count_of_asset(sc.assets.size(), 0);
  for (const SarUnit& u : setup.units()) ++count_of_asset[static_cast<std::size_t>(u.asset_index)];
  int last_asset = kNoIndex;
  for (const SarUnit& u : setup.units()) {
    if (u.asset_index == last_asset) continue;
    last_asset = u.asset_index;
    if (options.search_object_index >= 0 && setup.sweep_width_nm(u.type_index, options.search_object_index) <= 0.0) continue;
    if (u.cruise_speed_kt <= 0.0) continue;
    Group g;
    g.unit = &u;
    const int n = count_of_asset[static_cast<std::size_t>(u.asset_index)];
    g.up_probability = 1.0 - std::pow(1.0 - std::clamp(u.mission_capable_rate, 0.0, 1.0), n);
    if (!u.surface) {
      int& slot = slot_of_base[static_cast<std::size_t>(u.base_index)];
      if (slot == kNoIndex) {
        slot = static_cast<int>(air_bases.size());
        air_bases.push_back(u.base_index);
      }
      g.air_slot = slot;
    }
    groups.push_back(g);
  }

  const double processing_h = sc.policies.rcc_processing_h;
  auto row_field = [&](std::size_t row) {
    const auto r = static_cast<int>(row);
    std::vector<float> expected(static_cast<std::size_t>(grid.cols()), kNaN);
    std::vector<float> none(static_cast<std::size_t>(grid.cols()), kNaN);
    std::vector<double> air_nm(air_bases.size());
    std::vector<std::pair<double, double>> candidates;  // (arrival, up probability)
    candidates.reserve(groups.size());
    for (int c = 0; c < grid.cols(); ++c) {
      const std::size_t cell = grid.index(r, c);
      if (!geo.sea.is_sea(cell)) continue;
      const GeoPoint p = grid.center(cell);
      const int state = !geo.responsible_state.empty() && geo.responsible_state[cell] >= 0
                            ? geo.responsible_state[cell]
                            : setup.responsible_state(p);
      for (std::size_t b = 0; b < air_bases.size(); ++b) {
        air_nm[b] = approx_distance_nm(sc.bases[static_cast<std::size_t>(air_bases[b])].position, p);
      }
      candidates.clear();
      for (const Group& g : groups) {
        const SarUnit& u = *g.unit;
        double delay_h = 0.0;
        if (u.state_index != state) {
          if (state < 0 || !setup.cross_border_allowed(u.state_index, state)) continue;
          delay_h = setup.sharing_delay_h(state, u.state_index) + setup.coordination_delay_h(u.state_index, state);
        }
        const double distance_nm =
            u.surface ? static_cast<double>(setup.sea_fields()[static_cast<std::size_t>(u.sea_field)].distance_nm[cell])
                      : air_nm[static_cast<std::size_t>(g.air_slot)];
        const double transit_h = distance_nm / u.cruise_speed_kt;
        if (!std::isfinite(transit_h) || !(u.endurance_h - 2.0 * transit_h >= options.min_search_time_h)) continue;
        candidates.emplace_back(processing_h + delay_h + u.readiness_h + transit_h, g.up_probability);
      }
      std::sort(candidates.begin(), candidates.end());
      double none_up = 1.0;
      double weighted_h = 0.0;
      for (const auto& [arrival_h, up] : candidates) {
        const double first = up * none_up;  // this one is up and every earlier one is down
        weighted_h += first * arrival_h;
        none_up *= 1.0 - up;
      }
      const auto col = static_cast<std::size_t>(c);
      none[col] = static_cast<float>(none_up);
      if (none_up < 1.0) expected[col] = static_cast<float>(weighted_h / (1.0 - none_up));
    }
    return std::make_pair(std::move(expected), std::move(none));
  };
  const auto rows = run_replications<std::pair<std::vector<float>, std::vector<float>>>(
      static_cast<std::size_t>(grid.rows()), options.threads, row_field);

  ResponseField out;
  out.expected_response_h.reserve(grid.size());
  out.p_none.reserve(grid.size());
  for (const auto& [expected, none] : rows) {
    out.expected_response_h.insert(out.expected_response_h.end(), expected.begin(), expected.end());
    out.p_none.insert(out.p_none.end(), none.begin(), none.end());
  }
  return out;
}

}  // namespace mdasim

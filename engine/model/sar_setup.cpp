// Preparing a scenario for the SAR simulation (see sar_setup.hpp).
#include "model/sar_setup.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include "core/stable_key.hpp"
#include "geo/geodesy.hpp"
#include "geo/sea_distance.hpp"
#include "run/replication_runner.hpp"

namespace mdasim {
SarSetup::SarSetup(const Scenario& scenario, const Geography& geography, unsigned threads)
    : scenario_(&scenario), geography_(&geography) {
  state_count_ = scenario.states.size();
  search_object_count_ = scenario.search_objects.size();

  // Sweep widths: the best sensor of each type for each search object.
  sweep_width_nm_.assign(scenario.asset_types.size() * search_object_count_, 0.0);
  for (std::size_t t = 0; t < scenario.asset_types.size(); ++t) {
    for (const Sensor& sensor : scenario.asset_types[t].sensors) {
      for (const SweepWidth& w : sensor.sweep_widths) {
        if (w.search_object_index < 0) continue;
        double& best = sweep_width_nm_[t * search_object_count_ + static_cast<std::size_t>(w.search_object_index)];
        best = std::max(best, w.width_nm);
      }
    }
  }

  // Units, and one over-water field per port that SAR vessels sail from.
  std::vector<int> field_of_base(scenario.bases.size(), kNoIndex);
  for (std::size_t a = 0; a < scenario.assets.size(); ++a) {
    const Asset& asset = scenario.assets[a];
    if (!asset.sar) continue;
    if (asset.type_index < 0 || asset.base_index < 0 || asset.state_index < 0) {
      throw std::invalid_argument("asset '" + asset.name + "' has unresolved references");
    }
    const AssetType& type = scenario.asset_types[static_cast<std::size_t>(asset.type_index)];
    const Base& base = scenario.bases[static_cast<std::size_t>(asset.base_index)];
    const bool surface = type.category == AssetCategory::kVessel;
    int field = kNoIndex;
    if (surface) {
      int& f = field_of_base[static_cast<std::size_t>(asset.base_index)];
      if (f == kNoIndex) {
        f = static_cast<int>(sea_fields_.size());
        sea_fields_.push_back(PortSeaField{asset.base_index, {}});
      }
      field = f;
    }
    for (std::int64_t k = 0; k < asset.count; ++k) {
      SarUnit u;
      u.name = asset.count > 1 ? asset.name + " #" + std::to_string(k + 1) : asset.name;
      u.asset_index = static_cast<int>(a);
      u.type_index = asset.type_index;
      u.base_index = asset.base_index;
      u.state_index = asset.state_index;
      u.base_position = base.position;
      u.surface = surface;
      u.sea_field = field;
      u.cruise_speed_kt = type.cruise_speed_kt;
      u.search_speed_kt = type.search_speed_kt;
      u.endurance_h = type.endurance_h;
      u.readiness_h = type.readiness_h;
      u.turnaround_h = type.turnaround_h;
      u.mission_capable_rate = type.mission_capable_rate;
      u.mean_repair_time_h = type.mean_repair_time_h;
      u.stream_key = stable_key(asset.name, k);
      units_.push_back(std::move(u));
    }
  }

  // The ports' fields, independent of each other.
  auto fields = run_replications<std::vector<float>>(sea_fields_.size(), threads, [&](std::size_t f) {
    const Base& port = scenario.bases[static_cast<std::size_t>(sea_fields_[f].base_index)];
    const SeaDistanceField d = sea_distance_field(geography.sea, {SeaSource{port.position}});
    std::vector<float> out(d.distance_nm.size());
    std::transform(d.distance_nm.begin(), d.distance_nm.end(), out.begin(), [](double x) { return static_cast<float>(x); });
    return out;
  });
  for (std::size_t f = 0; f < fields.size(); ++f) sea_fields_[f].distance_nm = std::move(fields[f]);

  // Delays between states.
  const std::size_t n2 = state_count_ * state_count_;
  const Policies& policy = scenario.policies;
  sharing_delay_h_.assign(n2, policy.default_sharing_delay_h);
  allowed_.assign(n2, policy.cross_border_default_allowed ? 1 : 0);
  coordination_delay_h_.assign(n2, policy.cross_border_coordination_delay_h);
  for (const SharingLink& link : policy.sharing_links) {
    if (link.from_index >= 0 && link.to_index >= 0) sharing_delay_h_[pair(link.from_index, link.to_index)] = link.delay_h;
  }
  for (const CrossBorderAgreement& a : policy.agreements) {
    if (a.assisting_index < 0 || a.responsible_index < 0) continue;
    const std::size_t k = pair(a.assisting_index, a.responsible_index);
    allowed_[k] = a.allowed ? 1 : 0;
    if (a.coordination_delay_h) coordination_delay_h_[k] = *a.coordination_delay_h;
  }
  for (std::size_t s = 0; s < state_count_; ++s) {
    const int i = static_cast<int>(s);
    sharing_delay_h_[pair(i, i)] = 0.0;
    allowed_[pair(i, i)] = 1;
    coordination_delay_h_[pair(i, i)] = 0.0;
  }
  centre_base_.reserve(state_count_);
  for (const State& s : scenario.states) centre_base_.push_back(s.coordination_centre_index);

  // Incident classes.
  classes_.reserve(scenario.incident_classes.size());
  for (const IncidentClass& c : scenario.incident_classes) {
    classes_.push_back(SarIncidentClass{PlacementSampler(c.where_placed, geography),
                                        std::min(c.survival.quantile_h(0.99), scenario.run.duration_h)});
  }
}

int SarSetup::responsible_state(const GeoPoint& p) const {
  const Geography& g = *geography_;
  if (!g.responsible_state.empty()) {
    if (const auto cell = g.grid().cell_of(p)) {
      const int s = g.responsible_state[*cell];
      if (s >= 0) return s;
    }
  }
  int best = kNoIndex;
  double best_nm = std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < centre_base_.size(); ++s) {
    if (centre_base_[s] < 0) continue;
    const double d = approx_distance_nm(scenario_->bases[static_cast<std::size_t>(centre_base_[s])].position, p);
    if (d < best_nm) {
      best_nm = d;
      best = static_cast<int>(s);
    }
  }
  return best;
}

SarSetup::Neighbourhood SarSetup::neighbourhood(const GeoPoint& p) const {
  Neighbourhood out;
  const Grid& grid = geography_->grid();
  const auto cell = grid.cell_of(p);
  if (!cell) return out;
  const int row = grid.row_of(*cell);
  const int col = grid.col_of(*cell);
  for (int dr = -1; dr <= 1; ++dr) {
    for (int dc = -1; dc <= 1; ++dc) {
      const int r = row + dr;
      const int c = col + dc;
      if (r < 0 || c < 0 || r >= grid.rows() || c >= grid.cols()) continue;
      const std::size_t n = grid.index(r, c);
      if (!geography_->sea.is_sea(n)) continue;
      out.cells[out.count] = n;
      out.leg_nm[out.count] = approx_distance_nm(grid.center(n), p);
      ++out.count;
    }
  }
  return out;
}

double SarSetup::sea_distance_nm(int sea_field, const Neighbourhood& around) const {
  const std::vector<float>& field = sea_fields_[static_cast<std::size_t>(sea_field)].distance_nm;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < around.count; ++k) {
    best = std::min(best, static_cast<double>(field[around.cells[k]]) + around.leg_nm[k]);
  }
  return best;
}

}  // namespace mdasim

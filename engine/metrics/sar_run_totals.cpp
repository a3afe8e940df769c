// The SAR replications of a run reduced as they come (see sar_run_totals.hpp).
#include "metrics/sar_run_totals.hpp"

#include <cmath>
#include <limits>

namespace mdasim {

SarRunTotals::SarRunTotals(const Scenario& scenario, std::size_t units, const Grid& grid)
    : grid_(&grid),
      classes_(scenario.incident_classes.size()),
      units_(units),
      patrols_(scenario.patrols.size()),
      cell_count_(grid.size(), 0),
      cell_reached_(grid.size(), 0),
      cell_response_sum_h_(grid.size(), 0.0) {}

void SarRunTotals::add(const SarReplicationResult& r) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  index_.push_back(r.replication);
  events_.push_back(r.events);
  overall_.push_back(sar_metrics(r));
  for (std::size_t c = 0; c < classes_; ++c) by_class_.push_back(sar_metrics(r, static_cast<int>(c)));

  const double window_h = r.window_end_h - r.window_start_h;
  for (std::size_t u = 0; u < units_.size() && u < r.units.size(); ++u) {
    const UnitRecord& record = r.units[u];
    UnitTotals& t = units_[u];
    t.sorties += record.sorties;
    t.busy_h += record.busy_h;
    t.patrol_h += record.patrol_h;
    t.utilisation += window_h > 0.0 ? record.busy_h / window_h : kNaN;
    t.unavailable += window_h > 0.0 ? record.unavailable_h / window_h : kNaN;
    ++t.replications;
  }

  patrols_flew_ = patrols_flew_ || !r.patrols.empty();
  for (std::size_t p = 0; p < patrols_.size() && p < r.patrols.size(); ++p) {
    const PatrolRecord& record = r.patrols[p];
    PatrolTotals& t = patrols_[p];
    t.planned += record.planned;
    t.flown += record.flown;
    t.retasked += record.retasked;
    t.station_h += record.station_h;
    t.replications += 1.0;
  }

  if (grid_ == nullptr) return;
  for (const IncidentRecord& i : r.incidents) {
    const auto cell = grid_->cell_of(i.position);
    if (!cell) continue;
    ++cell_count_[*cell];
    if (!std::isnan(i.on_scene_h)) {
      cell_response_sum_h_[*cell] += i.response_h();
      ++cell_reached_[*cell];
    }
  }
}

std::uint64_t SarRunTotals::total_events() const {
  std::uint64_t sum = 0;
  for (const std::uint64_t e : events_) sum += e;
  return sum;
}

std::vector<SarReplicationMetrics> SarRunTotals::class_series(std::size_t c) const {
  std::vector<SarReplicationMetrics> out;
  out.reserve(index_.size());
  for (std::size_t r = 0; r < index_.size(); ++r) out.push_back(by_class(r, c));
  return out;
}

}  // namespace mdasim

// What a run keeps of its SAR replications once each has been reduced, so that the records of
// its incidents need not be held: per replication, its index, events and measures (overall and
// per incident class); per SAR unit and per patrol, sums over the replications; per grid cell,
// the incidents and their observed responses. Replications are added in replication order, so
// every sum is the same, bit for bit, for any thread count.
//
// Memory: 16 + 8 x 15 x (1 + incident classes) bytes a replication (776 bytes for the baseline's
// four classes); the unit, patrol and cell sums do not grow with replications.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "geo/grid.hpp"
#include "metrics/sar_metrics.hpp"
#include "model/sar_records.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// One SAR unit's activity summed over replications (divided by `replications` for a mean).
struct UnitTotals {
  double sorties = 0.0;
  double busy_h = 0.0;
  double patrol_h = 0.0;
  double utilisation = 0.0;  // busy hours over the measured window
  double unavailable = 0.0;  // down hours over the measured window
  std::size_t replications = 0;
};

// One patrol's record summed over the replications in which patrols flew.
struct PatrolTotals {
  double planned = 0.0;
  double flown = 0.0;
  double retasked = 0.0;
  double station_h = 0.0;
  double replications = 0.0;
};

class SarRunTotals {
 public:
  SarRunTotals() = default;
  // For `units` SAR units (SarSetup::units()) and the maps on `grid` (which must outlive this).
  SarRunTotals(const Scenario& scenario, std::size_t units, const Grid& grid);

  // Adds the next replication (they must come in replication order).
  void add(const SarReplicationResult& result);

  [[nodiscard]] std::size_t replications() const { return index_.size(); }
  [[nodiscard]] std::uint64_t replication_index(std::size_t r) const { return index_[r]; }
  [[nodiscard]] std::uint64_t events(std::size_t r) const { return events_[r]; }
  [[nodiscard]] std::uint64_t total_events() const;
  // The measures of replication r over all incidents, and over incident class c.
  [[nodiscard]] const SarReplicationMetrics& overall(std::size_t r) const { return overall_[r]; }
  [[nodiscard]] const SarReplicationMetrics& by_class(std::size_t r, std::size_t c) const {
    return by_class_[r * classes_ + c];
  }
  [[nodiscard]] const std::vector<SarReplicationMetrics>& overall() const { return overall_; }
  // Class c's measures of every replication, in replication order.
  [[nodiscard]] std::vector<SarReplicationMetrics> class_series(std::size_t c) const;
  [[nodiscard]] std::size_t classes() const { return classes_; }

  [[nodiscard]] const std::vector<UnitTotals>& units() const { return units_; }
  [[nodiscard]] const std::vector<PatrolTotals>& patrols() const { return patrols_; }
  // Whether patrols flew in any replication (their records were kept).
  [[nodiscard]] bool patrols_flew() const { return patrols_flew_; }

  // Per grid cell: incidents of every replication in the cell, those reached, and the sum of
  // their alert-to-scene times (h), in replication order.
  [[nodiscard]] const std::vector<std::uint64_t>& cell_incidents() const { return cell_count_; }
  [[nodiscard]] const std::vector<std::uint64_t>& cell_reached() const { return cell_reached_; }
  [[nodiscard]] const std::vector<double>& cell_response_sum_h() const { return cell_response_sum_h_; }

 private:
  const Grid* grid_ = nullptr;
  std::size_t classes_ = 0;
  std::vector<std::uint64_t> index_;
  std::vector<std::uint64_t> events_;
  std::vector<SarReplicationMetrics> overall_;
  std::vector<SarReplicationMetrics> by_class_;  // replication-major
  std::vector<UnitTotals> units_;
  std::vector<PatrolTotals> patrols_;
  bool patrols_flew_ = false;
  std::vector<std::uint64_t> cell_count_;
  std::vector<std::uint64_t> cell_reached_;
  std::vector<double> cell_response_sum_h_;
};

}  // namespace mdasim

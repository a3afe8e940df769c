// One ISR replication (see isr_replication.hpp).
#include "model/isr_replication.hpp"

#include <algorithm>

namespace mdasim {

IsrSetup::IsrSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar)
    : scenario_(&scenario), targets_(scenario, geography), sensors_(scenario), routing_(alert_routing(sar)) {}

std::vector<TargetClassMetrics> run_isr_replication(const IsrSetup& setup, const ReplicationKey& key) {
  const Scenario& sc = setup.scenario();
  const std::vector<Target> targets = draw_targets(setup.targets(), key);
  const std::vector<UpPeriods> up =
      fixed_sensors_up_periods(sc, key, std::max(sc.run.duration_h, latest_leave_h(targets)));
  std::vector<TargetRecord> records;
  records.reserve(targets.size());
  for (const Target& t : targets) {
    records.push_back(target_record(t, first_fixed_detection(t, setup.sensors(), up, setup.routing())));
  }
  std::vector<TargetClassMetrics> out;
  out.reserve(sc.target_classes.size() + 1);
  for (std::size_t c = 0; c < sc.target_classes.size(); ++c) {
    out.push_back(target_metrics(records, static_cast<int>(c), sc.run.warmup_h, sc.run.duration_h));
  }
  out.push_back(target_metrics(records, kNoIndex, sc.run.warmup_h, sc.run.duration_h));
  return out;
}

}  // namespace mdasim

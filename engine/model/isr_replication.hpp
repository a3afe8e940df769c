// One replication of the ISR model as far as it goes today: the targets of every class drawn
// (model/targets.hpp) and detected by the fixed sensors (model/target_detection.hpp), reduced to
// the per-class measures. Patrols join later. A pure function of (setup, key).
#pragma once

#include <vector>

#include "model/sar_setup.hpp"
#include "model/target_detection.hpp"
#include "model/targets.hpp"

namespace mdasim {

class IsrSetup {
 public:
  // All three must outlive the setup.
  IsrSetup(const Scenario& scenario, const Geography& geography, const SarSetup& sar);

  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const TargetSetup& targets() const { return targets_; }
  [[nodiscard]] const FixedDetectionSetup& sensors() const { return sensors_; }
  [[nodiscard]] const AlertRouting& routing() const { return routing_; }

 private:
  const Scenario* scenario_;
  TargetSetup targets_;
  FixedDetectionSetup sensors_;
  AlertRouting routing_;
};

// One entry per target class, then one over all classes, measured over the run's window.
[[nodiscard]] std::vector<TargetClassMetrics> run_isr_replication(const IsrSetup& setup, const ReplicationKey& key);

}  // namespace mdasim

// One replication of the SAR model: incidents arrive, are alerted, wait for the coordination
// centre, get the best available unit (or wait first-come first-served), are searched for and
// found or given up. A pure function of (setup, seed, variant, replication): the same arguments
// give the same records, bit for bit, on any thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/stop_flag.hpp"
#include "model/patrol_setup.hpp"
#include "model/sar_incidents.hpp"
#include "model/sar_records.hpp"
#include "model/sar_setup.hpp"

namespace mdasim {

// Without patrols (the calls without a PatrolSetup, or a null one) the replication is the SAR
// model alone: incidents are alerted by beacon or overdue report only. With patrols, the ISR
// assets take part (docs/isr-model.md): patrols fly their sorties, SAR-capable units on patrol
// may be retasked to incidents (policies.patrol_retasking), and coastal radars and patrolling
// sensors can alert the responsible centre of an incident before its beacon or overdue report.

// Draws the replication's incidents (draw_sar_incidents) and runs it.
[[nodiscard]] SarReplicationResult run_sar_replication(const SarSetup& setup, const ReplicationKey& key);
// Runs the replication on the given incidents (in order of occurrence); `key` seeds the units'
// outages. Records cover the incidents occurring in the run's measured window.
[[nodiscard]] SarReplicationResult run_sar_replication(const SarSetup& setup, const ReplicationKey& key,
                                                       std::vector<SarIncident> incidents);
// The same with the ISR assets; `patrols` may be null (no ISR assets).
[[nodiscard]] SarReplicationResult run_sar_replication(const SarSetup& setup, const PatrolSetup* patrols,
                                                       const ReplicationKey& key);
// `stop` (may be null) is polled every few thousand events: once raised, the replication throws
// Stopped (core/stop_flag.hpp).
[[nodiscard]] SarReplicationResult run_sar_replication(const SarSetup& setup, const PatrolSetup* patrols,
                                                       const ReplicationKey& key, std::vector<SarIncident> incidents,
                                                       const StopFlag* stop = nullptr);

}  // namespace mdasim

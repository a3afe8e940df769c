// Drawing one replication's SAR incidents (see sar_incidents.hpp).
#include "model/sar_incidents.hpp"

#include <algorithm>
#include <cmath>

#include "core/distributions.hpp"
#include "core/random_stream.hpp"

namespace mdasim {

std::vector<SarIncident> draw_sar_incidents(const SarSetup& setup, const ReplicationKey& key) {
  const Scenario& sc = setup.scenario();
  std::vector<SarIncident> out;
  for (std::size_t c = 0; c < sc.incident_classes.size(); ++c) {
    const IncidentClass& cls = sc.incident_classes[c];
    if (cls.rate_per_h <= 0.0) continue;
    const SarIncidentClass& prepared = setup.incident_classes()[c];
    RandomStream arrivals(key.seed, key.variant, key.replication, StreamPurpose::kIncidents, c);
    RandomStream alerting(key.seed, key.variant, key.replication, StreamPurpose::kAlerting, c);
    RandomStream survival(key.seed, key.variant, key.replication, StreamPurpose::kSurvival, c);
    RandomStream search(key.seed, key.variant, key.replication, StreamPurpose::kSearch, c);
    const double mean_gap_h = 1.0 / cls.rate_per_h;
    for (double t = sample_exponential(arrivals, mean_gap_h); t < sc.run.duration_h;
         t += sample_exponential(arrivals, mean_gap_h)) {
      SarIncident inc;
      inc.class_index = static_cast<int>(c);
      inc.position = prepared.placement.sample(arrivals);
      inc.state = setup.responsible_state(inc.position);
      inc.occurred_h = t;
      inc.beacon = alerting.uniform() < cls.beacon_probability;
      const double overdue_h = sample(alerting, cls.overdue_delay);  // drawn either way: the stream stays aligned
      inc.alerted_h = inc.beacon ? t : t + overdue_h;
      inc.ready_h = inc.alerted_h + sc.policies.rcc_processing_h;
      inc.suspend_h = t + prepared.search_suspension_h;
      inc.coverage_needed = -std::log(search.uniform_open());
      inc.survival_h.resize(static_cast<std::size_t>(cls.persons_on_board));
      for (double& s : inc.survival_h) s = sample(survival, cls.survival);
      out.push_back(std::move(inc));
    }
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const SarIncident& a, const SarIncident& b) { return a.occurred_h < b.occurred_h; });
  return out;
}

}  // namespace mdasim

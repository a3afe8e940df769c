// Checks against the run's window (see check_window.hpp).
#include "scenario/check_window.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace mdasim {
namespace {

// log10 of ln(100) / ln(2), the ratio of the 99th percentile to the median of a unit exponential.
const double kLog10WeibullBase = std::log10(std::log(100.0) / std::log(2.0));
constexpr double kZ99 = 2.3263478740408408;  // the standard normal's 99th percentile

std::string hours_text(double h) {
  char buf[64];
  if (h < 1.0 / 60.0) {
    std::snprintf(buf, sizeof buf, "%.3g s", h * 3600.0);
  } else if (h < 1.0) {
    std::snprintf(buf, sizeof buf, "%.3g min", h * 60.0);
  } else if (h >= 48.0 && h < 1e7) {
    std::snprintf(buf, sizeof buf, "%.4g h (%.4g d)", h, h / 24.0);
  } else {
    std::snprintf(buf, sizeof buf, "%.4g h", h);
  }
  return buf;
}

std::string number_text(double x) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

std::string count_text(double x) {
  char buf[48];
  std::snprintf(buf, sizeof buf, x < 1e6 ? "%.0f" : "%.3g", x);
  return buf;
}

struct Window {
  double duration_h = 0.0;
  Diagnostics* d = nullptr;

  [[nodiscard]] std::string run_text() const { return "the run (run.duration " + hours_text(duration_h) + ")"; }
};

// log10 of the 99th percentile over the median, for the distributions that can spread without
// bound; NaN for the others (whose ratio is at most a few).
double log10_spread(const Distribution& dist) {
  switch (dist.kind) {
    case Distribution::Kind::kLognormal: return dist.b * kZ99 / std::log(10.0);
    case Distribution::Kind::kWeibull: return dist.b > 0.0 ? kLog10WeibullBase / dist.b : INFINITY;
    default: return NAN;
  }
}

// Spread, then (for `far_beyond` > 0) a median far beyond the run, then (with `beyond_note`) a
// 99th percentile beyond it. Returns false after an error.
bool check_distribution(const Window& w, const Distribution& dist, const std::string& what, double far_beyond,
                        const std::string& beyond_note) {
  const double spread = log10_spread(dist);
  if (spread > std::log10(kMaxSpreadRatio)) {
    const bool lognormal = dist.kind == Distribution::Kind::kLognormal;
    char buf[96];
    std::snprintf(buf, sizeof buf, "10^%.0f", std::floor(spread));
    w.d->error(dist.fields.of(lognormal ? "sigma" : "shape", dist.where),
               what + ": a " + std::string(to_string(dist.kind)) + " distribution with " +
                   (lognormal ? "sigma " : "shape ") + number_text(dist.b) + " puts its 99th percentile about " +
                   buf + " times its median; durations that spread so far are not measured ones, and the simulation "
                   "allows at most 10^4 (" + (lognormal ? "sigma at most 3.95" : "shape at least 0.206") + ")");
    return false;
  }
  const double median_h = dist.quantile_h(0.5);
  if (far_beyond > 0.0 && median_h > far_beyond * w.duration_h) {
    w.d->error(dist.where, what + " has a median of " + hours_text(median_h) + ", more than " +
                               number_text(far_beyond) + " times " + w.run_text() +
                               ": almost nothing it delays would happen within the run (is the unit right?)");
    return false;
  }
  const double p99_h = dist.quantile_h(0.99);
  if (!beyond_note.empty() && p99_h > w.duration_h) {
    w.d->warning(dist.where, what + " reaches " + hours_text(p99_h) + " at its 99th percentile, beyond " + w.run_text() +
                                 ": " + beyond_note);
  }
  return true;
}

void warn_longer_than_run(const Window& w, double value_h, const SourceLocation& where, const std::string& what) {
  if (value_h > w.duration_h) {
    w.d->warning(where, what + " (" + hours_text(value_h) + ") is longer than " + w.run_text() +
                            ": nothing it delays can happen within the run");
  }
}

void check_asset_types(const Window& w, const Scenario& s) {
  for (const AssetType& t : s.asset_types) {
    const std::string what = "asset type '" + t.name + "'";
    if (t.mission_capable_rate < 1.0 && t.mean_repair_time_h > 0.0) {
      const double cycle_h = t.mean_repair_time_h / (1.0 - t.mission_capable_rate);
      const double cycles = w.duration_h / cycle_h;
      if (cycles > kMaxOutageCyclesPerRun) {
        w.d->error(field_location(t, "mean_repair_time"),
                   what + ": a mean repair time of " + hours_text(t.mean_repair_time_h) + " at a mission-capable rate of " +
                       number_text(t.mission_capable_rate) + " gives an outage every " + hours_text(cycle_h) +
                       " on average, " + count_text(cycles) + " outages of each unit in " + w.run_text() +
                       "; the simulation allows at most 10^4 (a mean repair time of at least " +
                       hours_text(w.duration_h * (1.0 - t.mission_capable_rate) / kMaxOutageCyclesPerRun) +
                       "), or mission_capable_rate: 100% for no outages");
      }
    }
    if (t.endurance_h > 0.0 && w.duration_h / t.endurance_h > kMaxSortiesPerRun) {
      w.d->error(field_location(t, "endurance"),
                 what + ": an endurance of " + hours_text(t.endurance_h) + " allows " +
                     count_text(w.duration_h / t.endurance_h) + " sorties of each unit in " + w.run_text() +
                     "; the simulation allows at most 10^6 (an endurance of at least " +
                     hours_text(w.duration_h / kMaxSortiesPerRun) + ")");
    }
    warn_longer_than_run(w, t.readiness_h, field_location(t, "readiness"), what + ": readiness");
    for (const Sensor& sensor : t.sensors) {
      warn_longer_than_run(w, sensor.reporting_delay_h, field_location(sensor, "reporting_delay"),
                           what + ", sensor '" + sensor.name + "': reporting delay");
    }
  }
}

void check_incident_classes(const Window& w, const Scenario& s) {
  double incidents = 0.0;
  double persons = 0.0;
  const IncidentClass* busiest = nullptr;
  for (const IncidentClass& c : s.incident_classes) {
    const std::string what = "incident class '" + c.name + "'";
    const double expected = c.rate_per_h * w.duration_h;
    incidents += expected;
    persons += expected * static_cast<double>(c.persons_on_board);
    if (busiest == nullptr || expected > busiest->rate_per_h * w.duration_h) busiest = &c;
    (void)check_distribution(w, c.overdue_delay, what + ": 'overdue_delay'", kMaxOverdueMedianOfRun,
                             "overdue reports that late come after the run has ended");
    (void)check_distribution(w, c.survival, what + ": 'survival'", 0.0,
                             "searches are suspended at the 99th percentile of survival or when the run's duration "
                             "has passed since the incident, whichever comes first");
  }
  if (busiest == nullptr) return;
  if (incidents > kMaxExpectedIncidents) {
    w.d->error(field_location(*busiest, "rate"),
               "the incident classes' rates give " + count_text(incidents) + " incidents expected in " + w.run_text() +
                   ", more than the 10^6 a replication holds (this class gives the most); is the unit right "
                   "(e.g. 300/yr)?");
  } else if (persons > kMaxExpectedPersons) {
    w.d->error(field_location(*busiest, "persons_on_board"),
               "the incident classes give " + count_text(persons) + " persons aboard expected in " + w.run_text() +
                   ", more than the 10^7 whose survival a replication draws");
  }
}

void check_target_classes(const Window& w, const Scenario& s) {
  double targets = 0.0;
  const TargetClass* busiest = nullptr;
  for (const TargetClass& c : s.target_classes) {
    const std::string what = "target class '" + c.name + "'";
    const double expected = c.rate_per_h * w.duration_h;
    targets += expected;
    if (busiest == nullptr || expected > busiest->rate_per_h * w.duration_h) busiest = &c;
    if (!check_distribution(w, c.dwell, what + ": 'dwell'", 0.0,
                            "a target stays at most the run's duration, then leaves")) {
      continue;
    }
    if (c.motion == TargetMotion::kLoiter && c.speed_kt > 0.0 && c.loiter_radius_nm > 0.0) {
      // Waypoints of a ground are on average 0.905 radii apart (targets.cpp).
      const double dwell_h = std::min(c.dwell.quantile_h(0.99), w.duration_h);
      const double waypoints = dwell_h * c.speed_kt / (0.905 * c.loiter_radius_nm);
      if (waypoints > kMaxLoiterWaypoints) {
        w.d->error(field_location(c, "loiter_radius"),
                   what + ": loitering at " + number_text(c.speed_kt) + " kt over a ground of radius " +
                       number_text(c.loiter_radius_nm) + " nm for " + hours_text(dwell_h) +
                       " (the dwell's 99th percentile) takes " + count_text(waypoints) +
                       " waypoints; the simulation allows at most 10^5 a target (a larger loiter_radius)");
      }
    }
  }
  if (busiest != nullptr && targets > kMaxExpectedTargets) {
    w.d->error(field_location(*busiest, "rate"),
               "the target classes' rates give " + count_text(targets) + " targets expected in " + w.run_text() +
                   ", more than the 10^6 a replication holds (this class gives the most); is the unit right?");
  }
}

void check_patrols(const Window& w, const Scenario& s) {
  for (const Patrol& p : s.patrols) {
    const double sorties = p.sorties_per_week * w.duration_h / (7.0 * 24.0);
    if (sorties > kMaxSortiesPerRun) {
      w.d->error(field_location(p, "sorties_per_week"),
                 "patrol '" + p.name + "': " + number_text(p.sorties_per_week) + " sorties a week make " +
                     count_text(sorties) + " sorties in " + w.run_text() + "; the simulation allows at most 10^6");
    }
  }
}

void check_delays(const Window& w, const Scenario& s) {
  const Policies& p = s.policies;
  warn_longer_than_run(w, p.rcc_processing_h, field_location(p, "rcc_processing"),
                       "the coordination centres' processing time");
  warn_longer_than_run(w, p.default_sharing_delay_h, field_location(p, "default_delay"),
                       "the default information-sharing delay");
  for (const SharingLink& link : p.sharing_links) {
    warn_longer_than_run(w, link.delay_h, field_location(link, "delay"),
                         "the sharing delay from " + link.from + " to " + link.to);
  }
  warn_longer_than_run(w, p.cross_border_coordination_delay_h, field_location(p, "coordination_delay"),
                       "the cross-border coordination delay");
  for (const CrossBorderAgreement& a : p.agreements) {
    if (a.coordination_delay_h) {
      warn_longer_than_run(w, *a.coordination_delay_h, field_location(a, "coordination_delay"),
                           "the coordination delay of " + a.assisting + " assisting " + a.responsible);
    }
  }
  for (const FixedSensor& f : s.fixed_sensors) {
    warn_longer_than_run(w, f.reporting_delay_h, field_location(f, "reporting_delay"),
                         "fixed sensor '" + f.name + "': reporting delay");
  }
}

}  // namespace

void check_window(const Scenario& scenario, Diagnostics& diagnostics) {
  if (!(scenario.run.duration_h > 0.0)) return;
  const Window w{scenario.run.duration_h, &diagnostics};
  const double measured_h = scenario.run.duration_h - scenario.run.warmup_h;
  if (measured_h * 3600.0 > kMaxMeasuredWindowS) {
    diagnostics.error(field_location(scenario.run, "duration"),
                      "the measured window (run.duration less run.warmup) is " + hours_text(measured_h) +
                          "; the coverage maps count its seconds in 32 bits, so it may be at most 2^31 - 1 s "
                          "(68 years)");
  } else if (measured_h > 0.0 && measured_h * 3600.0 < 1.0) {
    diagnostics.error(field_location(scenario.run, "duration"),
                      "the measured window (run.duration less run.warmup) is " + hours_text(measured_h) +
                          "; it must last at least a second");
  }
  check_asset_types(w, scenario);
  check_incident_classes(w, scenario);
  check_target_classes(w, scenario);
  check_patrols(w, scenario);
  check_delays(w, scenario);
}

}  // namespace mdasim

// One replication of the SAR model (see sar_replication.hpp): the world state of one run and
// its event loop.
//
// Incidents come drawn (sar_incidents.hpp). Units alternate between up and down (the
// mission-capable rate) on their own streams, and respond as described in docs/sar-model.md.
#include "model/sar_replication.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>

#include "core/distributions.hpp"
#include "core/event_queue.hpp"
#include "core/random_stream.hpp"
#include "geo/geodesy.hpp"
#include "model/search.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Event kinds, in the order handled at equal times: a unit that becomes free at the moment an
// incident becomes ready can take it.
enum EventKind : std::uint32_t {
  kUnitRepaired,
  kUnitReady,      // back at base and turned round
  kSearchEnd,      // the unit found the object, or must leave the scene
  kOnScene,        // the unit arrives on scene
  kIncidentReady,  // the coordination centre can dispatch
  kSuspend,        // the search for the incident is suspended
  kUnitFail,
};


enum class Phase : std::uint8_t { kIdle, kTasked, kSearching, kReturning, kDown };

struct UnitState {
  Phase phase = Phase::kIdle;
  bool fail_pending = false;  // an outage that begins when the unit is back
  std::uint32_t incident = 0;
  double busy_since_h = 0.0;
  double down_since_h = 0.0;
  double leave_scene_h = 0.0;  // endurance: the latest time it can stay on scene
  double transit_h = 0.0;      // one way
  double search_start_h = 0.0;
  bool finds = false;          // the search in progress ends in a find
};

struct Offer {
  double launch_h = kInf;
  double arrive_h = kInf;
  double transit_h = kInf;
  double on_scene_h = 0.0;  // the longest it can stay on scene
  bool foreign = false;
};

class World {
 public:
  World(const SarSetup& setup, const ReplicationKey& key, std::vector<SarIncident> incidents)
      : setup_(setup), sc_(setup.scenario()), key_(key), incidents_(std::move(incidents)) {
    window_start_h_ = sc_.run.warmup_h;
    window_end_h_ = sc_.run.duration_h;
    for (const SarUnit& u : setup.units()) {
      if (u.surface) continue;
      if (air_slot_.size() <= static_cast<std::size_t>(u.base_index)) air_slot_.resize(sc_.bases.size(), kNoIndex);
      int& slot = air_slot_[static_cast<std::size_t>(u.base_index)];
      if (slot == kNoIndex) {
        slot = static_cast<int>(air_bases_.size());
        air_bases_.push_back(u.base_index);
      }
    }
  }

  SarReplicationResult run() {
    prepare_incidents();
    start_units();
    for (std::uint32_t i = 0; i < incidents_.size(); ++i) {
      queue_.push(incidents_[i].ready_h, kIncidentReady, i);
      queue_.push(incidents_[i].suspend_h, kSuspend, i);
    }
    open_ = incidents_.size();
    std::uint64_t events = 0;
    while (!queue_.empty()) {
      const Event e = queue_.pop();
      if (open_ == 0 && e.time_h >= window_end_h_) break;
      ++events;
      now_ = e.time_h;
      switch (static_cast<EventKind>(e.kind)) {
        case kIncidentReady: on_incident_ready(e.subject); break;
        case kOnScene: on_scene(e.subject); break;
        case kSearchEnd: on_search_end(e.subject); break;
        case kUnitReady: on_unit_ready(e.subject); break;
        case kUnitFail: on_unit_fail(e.subject); break;
        case kUnitRepaired: on_unit_repaired(e.subject); break;
        case kSuspend: on_suspend(e.subject); break;
      }
    }
    return finish(events);
  }

 private:
  // ---- incidents ----------------------------------------------------------------------------
  void prepare_incidents() {
    records_.resize(incidents_.size());
    air_distance_nm_.assign(incidents_.size() * air_bases_.size(), -1.0);
    sea_distance_nm_.assign(incidents_.size() * setup_.sea_fields().size(), -1.0);
    for (std::size_t i = 0; i < incidents_.size(); ++i) {
      const SarIncident& inc = incidents_[i];
      IncidentRecord& r = records_[i];
      r.id = static_cast<std::uint32_t>(i);
      r.class_index = inc.class_index;
      r.position = inc.position;
      r.state_index = inc.state;
      r.persons = static_cast<std::int32_t>(inc.survival_h.size());
      r.beacon = inc.beacon;
      r.occurred_h = inc.occurred_h;
      r.alerted_h = inc.alerted_h;
      r.ready_h = inc.ready_h;
    }
    waiting_flag_.assign(incidents_.size(), 0);
    coverage_done_.assign(incidents_.size(), 0.0);
  }

  // ---- units --------------------------------------------------------------------------------
  static double mean_up_h(const SarUnit& u) {
    return u.mean_repair_time_h * u.mission_capable_rate / (1.0 - u.mission_capable_rate);
  }

  void start_units() {
    const auto& units = setup_.units();
    state_.resize(units.size());
    unit_records_.resize(units.size());
    outage_.reserve(units.size());
    for (std::uint32_t k = 0; k < units.size(); ++k) {
      const SarUnit& u = units[k];
      outage_.emplace_back(key_.seed, key_.variant, key_.replication, StreamPurpose::kAssets, u.stream_key);
      if (u.mission_capable_rate >= 1.0) continue;  // never down
      RandomStream& rng = outage_.back();
      // Start in the stationary state: up with probability MC; the residual of an exponential
      // time is exponential with the same mean.
      if (rng.uniform() < u.mission_capable_rate) {
        queue_.push(sample_exponential(rng, mean_up_h(u)), kUnitFail, k);
      } else {
        state_[k].phase = Phase::kDown;
        state_[k].down_since_h = 0.0;
        queue_.push(u.mission_capable_rate <= 0.0 ? kInf : sample_exponential(rng, u.mean_repair_time_h), kUnitRepaired, k);
      }
    }
  }

  [[nodiscard]] double in_window(double from_h, double to_h) const {
    return std::max(0.0, std::min(to_h, window_end_h_) - std::max(from_h, window_start_h_));
  }

  void go_down(std::uint32_t k) {
    UnitState& s = state_[k];
    s.phase = Phase::kDown;
    s.fail_pending = false;
    s.down_since_h = now_;
    queue_.push(now_ + sample_exponential(outage_[k], setup_.units()[k].mean_repair_time_h), kUnitRepaired, k);
  }

  void on_unit_fail(std::uint32_t k) {
    if (state_[k].phase == Phase::kIdle) {
      go_down(k);
    } else {
      state_[k].fail_pending = true;  // maintenance once back from the mission
    }
  }

  void on_unit_repaired(std::uint32_t k) {
    UnitState& s = state_[k];
    unit_records_[k].unavailable_h += in_window(s.down_since_h, now_);
    s.phase = Phase::kIdle;
    queue_.push(now_ + sample_exponential(outage_[k], mean_up_h(setup_.units()[k])), kUnitFail, k);
    serve_waiting(k);
  }

  void on_unit_ready(std::uint32_t k) {
    UnitState& s = state_[k];
    unit_records_[k].busy_h += in_window(s.busy_since_h, now_);
    s.phase = Phase::kIdle;
    if (s.fail_pending) {
      go_down(k);
      return;
    }
    serve_waiting(k);
  }

  // ---- dispatch -----------------------------------------------------------------------------
  [[nodiscard]] double distance_nm(const SarUnit& u, std::uint32_t i) {
    const SarIncident& inc = incidents_[i];
    if (u.surface) {
      if (u.sea_field < 0) return kInf;
      double& d = sea_distance_nm_[i * setup_.sea_fields().size() + static_cast<std::size_t>(u.sea_field)];
      if (d < 0.0) {
        if (around_of_ != i) {
          around_ = setup_.neighbourhood(inc.position);
          around_of_ = i;
        }
        d = setup_.sea_distance_nm(u.sea_field, around_);
      }
      return d;
    }
    const auto slot = static_cast<std::size_t>(air_slot_[static_cast<std::size_t>(u.base_index)]);
    double& d = air_distance_nm_[i * air_bases_.size() + slot];
    if (d < 0.0) d = geodesic_nm(u.base_position, inc.position);
    return d;
  }

  // What unit k could do for incident i if tasked now (ignoring whether it is free); nullopt
  // when it may not or cannot: no sensor for the object, another state's unit without
  // agreement, or too far to search the minimum time and return within its endurance.
  [[nodiscard]] std::optional<Offer> offer(std::uint32_t k, std::uint32_t i) {
    const SarUnit& u = setup_.units()[k];
    const SarIncident& inc = incidents_[i];
    const IncidentClass& cls = sc_.incident_classes[static_cast<std::size_t>(inc.class_index)];
    if (setup_.sweep_width_nm(u.type_index, cls.search_object_index) <= 0.0) return std::nullopt;
    Offer o;
    double delay_h = 0.0;
    if (u.state_index != inc.state) {
      if (inc.state < 0 || !setup_.cross_border_allowed(u.state_index, inc.state)) return std::nullopt;
      o.foreign = true;
      delay_h = setup_.sharing_delay_h(inc.state, u.state_index) + setup_.coordination_delay_h(u.state_index, inc.state);
    }
    if (u.cruise_speed_kt <= 0.0) return std::nullopt;
    o.transit_h = distance_nm(u, i) / u.cruise_speed_kt;
    if (!std::isfinite(o.transit_h)) return std::nullopt;
    o.on_scene_h = u.endurance_h - 2.0 * o.transit_h;
    if (!(o.on_scene_h >= cls.min_search_time_h) || o.on_scene_h <= 0.0) return std::nullopt;
    o.launch_h = now_ + delay_h + u.readiness_h;
    o.arrive_h = o.launch_h + o.transit_h;
    return o;
  }

  [[nodiscard]] bool available(std::uint32_t k) const {
    return state_[k].phase == Phase::kIdle && !state_[k].fail_pending;
  }

  // Tasks the free unit with the earliest arrival; otherwise the incident waits (if some unit
  // could ever serve it) or is closed as unreachable.
  void request_unit(std::uint32_t i) {
    const auto n = static_cast<std::uint32_t>(state_.size());
    std::uint32_t best = n;
    Offer best_offer;
    bool reachable = false;
    for (std::uint32_t k = 0; k < n; ++k) {
      const auto o = offer(k, i);
      if (!o) continue;
      reachable = true;
      if (available(k) && o->arrive_h < best_offer.arrive_h) {
        best = k;
        best_offer = *o;
      }
    }
    if (best < n) {
      dispatch(best, i, best_offer);
    } else if (reachable) {
      waiting_flag_[i] = 1;
      waiting_.push_back(i);
    } else {
      close(i, IncidentOutcome::kUnreachable);
    }
  }

  void dispatch(std::uint32_t k, std::uint32_t i, const Offer& o) {
    UnitState& s = state_[k];
    s.phase = Phase::kTasked;
    s.incident = i;
    s.busy_since_h = now_;
    s.transit_h = o.transit_h;
    s.leave_scene_h = o.arrive_h + o.on_scene_h;
    IncidentRecord& r = records_[i];
    if (std::isnan(r.dispatched_h)) {
      r.dispatched_h = now_;
      r.first_unit = static_cast<int>(k);
      r.foreign_first = o.foreign;
    }
    ++r.sorties;
    if (now_ >= window_start_h_ && now_ < window_end_h_) ++unit_records_[k].sorties;
    queue_.push(o.arrive_h, kOnScene, k);
  }

  // A unit has become free: it takes the longest-waiting incident it can serve.
  void serve_waiting(std::uint32_t k) {
    for (std::size_t w = 0; w < waiting_.size(); ++w) {
      const std::uint32_t i = waiting_[w];
      const auto o = offer(k, i);
      if (!o) continue;
      waiting_.erase(waiting_.begin() + static_cast<std::ptrdiff_t>(w));
      waiting_flag_[i] = 0;
      dispatch(k, i, *o);
      return;
    }
  }

  // ---- incidents' events --------------------------------------------------------------------
  void on_incident_ready(std::uint32_t i) {
    if (!std::isnan(records_[i].closed_h)) return;  // already closed
    if (now_ >= incidents_[i].suspend_h) {
      close(i, IncidentOutcome::kNotFound);  // the alert came after the search would have stopped
      return;
    }
    request_unit(i);
  }

  void on_suspend(std::uint32_t i) {
    if (waiting_flag_[i] != 0) {
      waiting_flag_[i] = 0;
      waiting_.erase(std::find(waiting_.begin(), waiting_.end(), i));
      close(i, IncidentOutcome::kNotFound);
    }
    // A unit on its way or searching ends its search by the suspension itself.
  }

  [[nodiscard]] SearchSetup search_setup(std::uint32_t k, std::uint32_t i) const {
    const SarUnit& u = setup_.units()[k];
    const SarIncident& inc = incidents_[i];
    const IncidentClass& cls = sc_.incident_classes[static_cast<std::size_t>(inc.class_index)];
    SearchSetup s;
    s.sweep_width_nm = setup_.sweep_width_nm(u.type_index, cls.search_object_index);
    s.search_speed_kt = u.search_speed_kt;
    s.initial_error_nm = cls.position_error_nm;
    s.drift_error_kt = cls.drift_error_kt;
    s.datum_age_h = state_[k].search_start_h - inc.occurred_h;
    return s;
  }

  void on_scene(std::uint32_t k) {
    UnitState& s = state_[k];
    const std::uint32_t i = s.incident;
    IncidentRecord& r = records_[i];
    if (std::isnan(r.on_scene_h)) r.on_scene_h = now_;
    s.phase = Phase::kSearching;
    s.search_start_h = now_;
    const double available_h = std::max(0.0, std::min(s.leave_scene_h, incidents_[i].suspend_h) - now_);
    const double remaining = incidents_[i].coverage_needed - coverage_done_[i];
    const double needed_h = remaining > 0.0 ? search_time_for_coverage_h(search_setup(k, i), remaining) : 0.0;
    s.finds = needed_h <= available_h;
    queue_.push(now_ + (s.finds ? needed_h : available_h), kSearchEnd, k);
  }

  void on_search_end(std::uint32_t k) {
    UnitState& s = state_[k];
    const std::uint32_t i = s.incident;
    if (s.finds) {
      IncidentRecord& r = records_[i];
      r.found_h = now_;
      const SarIncident& inc = incidents_[i];
      const double age_h = now_ - inc.occurred_h;
      r.persons_saved = static_cast<std::int32_t>(std::count_if(
          inc.survival_h.begin(), inc.survival_h.end(), [age_h](double survival_h) { return survival_h > age_h; }));
      close(i, IncidentOutcome::kFound);
    } else {
      coverage_done_[i] += search_coverage(search_setup(k, i), now_ - s.search_start_h);
      if (now_ >= incidents_[i].suspend_h) {
        close(i, IncidentOutcome::kNotFound);
      } else {
        request_unit(i);  // relief
      }
    }
    s.phase = Phase::kReturning;
    queue_.push(now_ + s.transit_h + setup_.units()[k].turnaround_h, kUnitReady, k);
  }

  void close(std::uint32_t i, IncidentOutcome outcome) {
    IncidentRecord& r = records_[i];
    r.closed_h = now_;
    r.outcome = outcome;
    --open_;
  }

  SarReplicationResult finish(std::uint64_t events) {
    SarReplicationResult out;
    out.replication = key_.replication;
    out.window_start_h = window_start_h_;
    out.window_end_h = window_end_h_;
    out.events = events;
    for (std::uint32_t k = 0; k < state_.size(); ++k) {
      const UnitState& s = state_[k];
      if (s.phase == Phase::kDown) unit_records_[k].unavailable_h += in_window(s.down_since_h, kInf);
      if (s.phase == Phase::kTasked || s.phase == Phase::kSearching || s.phase == Phase::kReturning) {
        unit_records_[k].busy_h += in_window(s.busy_since_h, kInf);
      }
    }
    out.units = std::move(unit_records_);
    for (const IncidentRecord& r : records_) {
      if (r.occurred_h >= window_start_h_ && r.occurred_h < window_end_h_) out.incidents.push_back(r);
    }
    return out;
  }

  const SarSetup& setup_;
  const Scenario& sc_;
  ReplicationKey key_;
  std::vector<SarIncident> incidents_;
  double window_start_h_ = 0.0;
  double window_end_h_ = 0.0;
  double now_ = 0.0;
  EventQueue queue_;

  std::vector<IncidentRecord> records_;
  std::vector<std::uint8_t> waiting_flag_;
  std::vector<std::uint32_t> waiting_;  // first come, first served
  std::vector<double> coverage_done_;
  std::size_t open_ = 0;

  std::vector<UnitState> state_;
  std::vector<UnitRecord> unit_records_;
  std::vector<RandomStream> outage_;

  std::vector<int> air_slot_;   // per base: its column in air_distance_nm_, or -1
  std::vector<int> air_bases_;  // bases with aircraft, helicopters or UAVs
  std::vector<double> air_distance_nm_;  // per incident and air base; -1 until computed
  std::vector<double> sea_distance_nm_;  // per incident and port field; -1 until computed
  SarSetup::Neighbourhood around_;       // of incident around_of_
  std::uint32_t around_of_ = std::numeric_limits<std::uint32_t>::max();
};

}  // namespace

std::string_view to_string(IncidentOutcome outcome) {
  switch (outcome) {
    case IncidentOutcome::kFound: return "found";
    case IncidentOutcome::kNotFound: return "not-found";
    case IncidentOutcome::kUnreachable: return "unreachable";
  }
  return "?";
}

SarReplicationResult run_sar_replication(const SarSetup& setup, const ReplicationKey& key) {
  return run_sar_replication(setup, key, draw_sar_incidents(setup, key));
}

SarReplicationResult run_sar_replication(const SarSetup& setup, const ReplicationKey& key,
                                         std::vector<SarIncident> incidents) {
  World world(setup, key, std::move(incidents));
  return world.run();
}

}  // namespace mdasim

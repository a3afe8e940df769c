// One replication of the SAR model (see sar_replication.hpp): the world state of one run and
// its event loop.
//
// Incidents come drawn (sar_incidents.hpp). Units alternate between up and down (the
// mission-capable rate) on their own streams, and respond as described in docs/sar-model.md.
// With patrols (docs/isr-model.md) the world also holds the units that fly only patrols (after
// the SAR units, by index), launches the planned sorties, lets SAR-capable patrolling units be
// retasked, and lets coastal radars and patrols alert incidents.
#include "model/sar_replication.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <utility>

#include "core/distributions.hpp"
#include "core/event_queue.hpp"
#include "core/random_stream.hpp"
#include "geo/geodesy.hpp"
#include "model/fixed_sensors.hpp"
#include "model/search.hpp"
#include "model/sightings.hpp"
#include "model/target_detection.hpp"

namespace mdasim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// The stop flag is polled once every 4096 events (a few milliseconds of a replication).
constexpr std::uint64_t kStopPollMask = 4095;
// A coastal radar does not see objects lower than this above the sea: a person in the water is
// lost in sea clutter (IAMSAR Vol. II: radar is not a means of searching for persons in the water).
constexpr double kRadarMinObjectHeightM = 1.0;

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
  kIsrAlert,       // a patrol's sighting reaches the responsible centre (subject: a sighting)
  kPatrolDue,      // a planned sortie of a patrol (subject: the patrol)
  kPatrolEnd,      // a sortie's time on station is up (subject: the sortie)
};


enum class Phase : std::uint8_t { kIdle, kTasked, kSearching, kReturning, kDown, kPatrol, kPatrolReturn };

struct UnitState {
  Phase phase = Phase::kIdle;
  bool fail_pending = false;  // an outage that begins when the unit is back
  std::uint32_t incident = 0;
  std::uint32_t sortie = 0;    // the patrol sortie it flies (kPatrol, kPatrolReturn)
  double busy_since_h = 0.0;
  double down_since_h = 0.0;
  double idle_since_h = 0.0;   // patrols send the unit idle the longest
  double leave_scene_h = 0.0;  // endurance: the latest time it can stay on scene
  double transit_h = 0.0;      // the way back from the scene
  double search_start_h = 0.0;
  bool finds = false;          // the search in progress ends in a find
  SearchLaw search;            // the search in progress, when it has coverage to gain
};

struct Offer {
  double launch_h = kInf;
  double arrive_h = kInf;
  double return_h = kInf;   // from the scene back to base
  double on_scene_h = 0.0;  // the longest it can stay on scene
  double delay_h = 0.0;     // before launch, for a foreign unit: the sharing and coordination delays
  bool foreign = false;
};

// A responder to an incident that the lower bound of its distance does not prove unable to serve
// it, with the parts of lower bounds of its arrival that do not depend on when it is asked: from
// base, arrival >= now + lead_floor_h; retasked from a patrol, arrival >= now + delay_h. An
// incident's entries are listed once, in order of lead_floor_h (request_unit).
struct PlanEntry {
  double lead_floor_h = 0.0;  // foreign delay + readiness + transit at the distance's lower bound
  double delay_h = 0.0;       // the foreign delay alone
  std::uint32_t unit = 0;
};

// A unit that may respond to incidents of one responsible state and class (World::responders),
// with what the lower bounds of its offers need, so that listing an incident's plan reads no
// more than this. Bounds only: each is a little looser than the offer's own arithmetic.
struct Responder {
  std::uint32_t unit = 0;
  int air_slot = -1;          // its air base's column in the distance caches; -1 for a vessel
  double delay_h = 0.0;       // foreign delay (sharing + coordination), 0 for its own state
  double lead_h = 0.0;        // delay + readiness
  double hours_per_nm = 0.0;  // 1 / cruise speed
  double max_transit_h = 0.0; // the longest transit that leaves the class's minimum search time, and a margin
};

// How far `now + lead` may round above the arrival computed step by step ((now + delay +
// readiness) + transit): a few units in the last place of times below 10^6 h, far below this.
constexpr double kBoundSlackH = 1e-6;

// Outage and turnaround figures of a world unit (a SAR unit or a patrol-only unit).
struct UnitFigures {
  double mission_capable_rate = 1.0;
  double mean_repair_time_h = 0.0;
  double turnaround_h = 0.0;
  std::uint64_t stream_key = 0;
};

// A patrol's sighting of an incident, waiting to reach the responsible centre.
struct PendingAlert {
  std::uint32_t incident = 0;
  std::uint32_t sortie = 0;
  double seen_h = 0.0;
};

class World {
 public:
  World(const SarSetup& setup, const PatrolSetup* patrols, const ReplicationKey& key, std::vector<SarIncident> incidents)
      : setup_(setup), patrols_(patrols), sc_(setup.scenario()), key_(key), incidents_(std::move(incidents)) {
    window_start_h_ = sc_.run.warmup_h;
    window_end_h_ = sc_.run.duration_h;
    horizon_h_ = 2.0 * sc_.run.duration_h;
    n_sar_ = static_cast<std::uint32_t>(setup.units().size());
    for (const SarUnit& u : setup.units()) {
      figures_.push_back({u.mission_capable_rate, u.mean_repair_time_h, u.turnaround_h, u.stream_key});
    }
    if (patrols_ != nullptr) {
      retasking_ = sc_.policies.patrol_retasking_allowed;
      for (std::size_t j = 0; j < patrols_->units().size(); ++j) {
        const PatrolUnit& u = patrols_->units()[j];
        if (u.sar_unit >= 0) {
          world_unit_.push_back(static_cast<std::uint32_t>(u.sar_unit));
        } else {
          world_unit_.push_back(static_cast<std::uint32_t>(figures_.size()));
          figures_.push_back({u.mission_capable_rate, u.mean_repair_time_h, u.turnaround_h, u.stream_key});
        }
      }
      patrol_records_.resize(sc_.patrols.size());
    }
    for (const SarUnit& u : setup.units()) {
      if (u.surface) continue;
      if (air_slot_.size() <= static_cast<std::size_t>(u.base_index)) air_slot_.resize(sc_.bases.size(), kNoIndex);
      int& slot = air_slot_[static_cast<std::size_t>(u.base_index)];
      if (slot == kNoIndex) {
        slot = static_cast<int>(air_bases_.size());
        air_bases_.push_back(u.base_index);
        air_base_geo_.push_back(prepare_point(u.base_position));
      }
    }
  }

  SarReplicationResult run(const StopFlag* stop) {
    list_responders();
    prepare_incidents();
    start_units();
    // The incidents' alerts are known in advance: one batch (EventQueue::push_batch).
    std::vector<EventQueue::Scheduled> ready;
    ready.reserve(incidents_.size());
    for (std::uint32_t i = 0; i < incidents_.size(); ++i) ready.push_back({incidents_[i].ready_h, kIncidentReady, i, kIncidentReady});
    queue_.push_batch(ready);
    start_patrols();
    open_ = incidents_.size();
    throw_if_stopped(stop);
    std::uint64_t events = 0;
    while (!queue_.empty()) {
      const Event e = queue_.pop();
      if (open_ == 0 && e.time_h >= window_end_h_) break;
      if (e.time_h > horizon_h_) break;  // only incidents alerted after their search's end are open
      if ((++events & kStopPollMask) == 0) throw_if_stopped(stop);
      now_ = e.time_h;
      switch (static_cast<EventKind>(e.kind)) {
        case kIncidentReady: on_incident_ready(e.subject); break;
        case kOnScene: on_scene(e.subject); break;
        case kSearchEnd: on_search_end(e.subject); break;
        case kUnitReady: on_unit_ready(e.subject); break;
        case kUnitFail: on_unit_fail(e.subject); break;
        case kUnitRepaired: on_unit_repaired(e.subject); break;
        case kSuspend: on_suspend(e.subject); break;
        case kIsrAlert: on_isr_alert(e.subject); break;
        case kPatrolDue: on_patrol_due(e.subject); break;
        case kPatrolEnd: on_patrol_end(e.subject); break;
      }
    }
    close_after_horizon();
    return finish(events);
  }

 private:
  // ---- incidents ----------------------------------------------------------------------------
  void prepare_incidents() {
    if (patrols_ != nullptr) radar_alerts();
    records_.resize(incidents_.size());
    air_distance_nm_.assign(incidents_.size() * air_bases_.size(), -1.0);
    air_floor_nm_.assign(incidents_.size() * air_bases_.size(), -1.0);
    if (!air_bases_.empty()) {
      incident_geo_.reserve(incidents_.size());
      for (const SarIncident& inc : incidents_) incident_geo_.push_back(prepare_point(inc.position));
    }
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
      r.alerted_by = alerted_by_.empty() ? (inc.beacon ? AlertSource::kBeacon : AlertSource::kOverdue) : alerted_by_[i];
      r.occurred_h = inc.occurred_h;
      r.alerted_h = inc.alerted_h;
      r.ready_h = inc.ready_h;
    }
    waiting_flag_.assign(incidents_.size(), 0);
    suspend_due_.assign(incidents_.size(), 0);
    requested_.assign(incidents_.size(), 0);
    plan_begin_.assign(incidents_.size(), kNoPlan);
    std::size_t longest_list = 0;
    for (const std::vector<Responder>& list : responders_) longest_list = std::max(longest_list, list.size());
    plan_entries_.reserve(incidents_.size() * std::min<std::size_t>(longest_list, 16));  // most plans are shorter
    plan_end_.assign(incidents_.size(), kNoPlan);
    for (const SarIncident& inc : incidents_) max_alert_lag_h_ = std::max(max_alert_lag_h_, inc.alerted_h - inc.occurred_h);
    coverage_done_.assign(incidents_.size(), 0.0);
  }

  // Coastal radars that see an incident before its beacon or overdue report alert the centre:
  // the first moment, from the occurrence, that a radar within range of the incident's search
  // object (its horizon for the object's height, capped by its instrumented range) is up, plus
  // its reporting delay and the sharing delay from its state to the responsible state.
  void radar_alerts() {
    alerted_by_.resize(incidents_.size());
    // Up periods are built as far as an alert can matter: to the latest alert, but not past the
    // horizon (an alert after it comes after the incident's search would have been suspended).
    double horizon_h = sc_.run.duration_h;
    for (const SarIncident& inc : incidents_) horizon_h = std::max(horizon_h, inc.alerted_h);
    horizon_h = std::min(horizon_h, horizon_h_);
    const std::size_t n_sensors = sc_.fixed_sensors.size();
    std::vector<double> range_nm(sc_.incident_classes.size() * n_sensors, 0.0);
    for (std::size_t c = 0; c < sc_.incident_classes.size(); ++c) {
      const int object = sc_.incident_classes[c].search_object_index;
      const double height_m = object >= 0 ? sc_.search_objects[static_cast<std::size_t>(object)].height_m : 0.0;
      if (height_m < kRadarMinObjectHeightM) continue;
      for (std::size_t f = 0; f < n_sensors; ++f) {
        const FixedSensor& sensor = sc_.fixed_sensors[f];
        if (sensor.kind == FixedSensorKind::kCoastalRadar) range_nm[c * n_sensors + f] = fixed_sensor_range_nm(sensor, height_m);
      }
    }
    std::vector<UpPeriods> up(n_sensors);
    for (std::size_t f = 0; f < n_sensors; ++f) {
      if (sc_.fixed_sensors[f].kind == FixedSensorKind::kCoastalRadar) up[f] = fixed_sensor_up_periods(sc_.fixed_sensors[f], key_, horizon_h);
    }
    for (std::size_t i = 0; i < incidents_.size(); ++i) {
      SarIncident& inc = incidents_[i];
      alerted_by_[i] = inc.beacon ? AlertSource::kBeacon : AlertSource::kOverdue;
      for (std::size_t f = 0; f < n_sensors; ++f) {
        const double r_nm = range_nm[static_cast<std::size_t>(inc.class_index) * n_sensors + f];
        if (!(r_nm > 0.0)) continue;
        const FixedSensor& sensor = sc_.fixed_sensors[f];
        if (approx_distance_nm(sensor.position, inc.position) > 1.01 * r_nm) continue;  // screen (0.5%)
        if (geodesic_nm(sensor.position, inc.position) > r_nm) continue;
        const double seen_h = earliest_up(up[f], {inc.occurred_h, kInf});
        if (!std::isfinite(seen_h)) continue;
        const double share_h = inc.state >= 0 && sensor.state_index >= 0 ? setup_.sharing_delay_h(sensor.state_index, inc.state) : 0.0;
        const double alert_h = seen_h + sensor.reporting_delay_h + share_h;
        if (alert_h < inc.alerted_h) {
          inc.alerted_h = alert_h;
          inc.ready_h = alert_h + sc_.policies.rcc_processing_h;
          alerted_by_[i] = AlertSource::kCoastalRadar;
        }
      }
    }
  }

  // ---- units --------------------------------------------------------------------------------
  static double mean_up_h(const UnitFigures& u) {
    return u.mean_repair_time_h * u.mission_capable_rate / (1.0 - u.mission_capable_rate);
  }

  void start_units() {
    const auto n = static_cast<std::uint32_t>(figures_.size());
    state_.resize(n);
    unit_records_.resize(n_sar_);
    outage_.reserve(n);
    for (std::uint32_t k = 0; k < n; ++k) {
      const UnitFigures& u = figures_[k];
      outage_.emplace_back(key_.seed, key_.variant, key_.replication, StreamPurpose::kAssets, u.stream_key);
      if (u.mission_capable_rate >= 1.0) continue;  // never down
      RandomStream& rng = outage_.back();
      // Start in the stationary state: up with probability MC; the residual of an exponential
      // time is exponential with the same mean.
      if (rng.uniform() < u.mission_capable_rate) {
        schedule(sample_exponential(rng, mean_up_h(u)), kUnitFail, k);
      } else {
        state_[k].phase = Phase::kDown;
        state_[k].down_since_h = 0.0;
        schedule(u.mission_capable_rate <= 0.0 ? kInf : sample_exponential(rng, u.mean_repair_time_h), kUnitRepaired, k);
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
    schedule(now_ + sample_exponential(outage_[k], figures_[k].mean_repair_time_h), kUnitRepaired, k);
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
    if (k < n_sar_) unit_records_[k].unavailable_h += in_window(s.down_since_h, now_);
    s.phase = Phase::kIdle;
    s.idle_since_h = now_;
    schedule(now_ + sample_exponential(outage_[k], mean_up_h(figures_[k])), kUnitFail, k);
    serve_waiting(k);
  }

  void on_unit_ready(std::uint32_t k) {
    UnitState& s = state_[k];
    if (k < n_sar_) {
      UnitRecord& rec = unit_records_[k];
      (s.phase == Phase::kPatrolReturn ? rec.patrol_h : rec.busy_h) += in_window(s.busy_since_h, now_);
    }
    s.phase = Phase::kIdle;
    s.idle_since_h = now_;
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
    if (d < 0.0) d = geodesic_nm(air_base_geo_[slot], incident_geo_[i]);
    return d;
  }

  // A lower bound on the distance from air base `slot` to incident i, for much less than a
  // geodesic: the exact distance if known, else the spherical floor of the geodesic
  // (geodesic_floor_nm, cached per incident and air base).
  [[nodiscard]] double air_floor_nm(std::uint32_t i, std::size_t slot) {
    const std::size_t at = i * air_bases_.size() + slot;
    if (air_distance_nm_[at] >= 0.0) return air_distance_nm_[at];
    double& floor = air_floor_nm_[at];
    if (floor < 0.0) floor = geodesic_floor_nm(floor_point(air_base_geo_[slot]), floor_point(incident_geo_[i]));
    return floor;
  }

  // The terms of the response of unit k, one of incident i's responders(), that do not depend on
  // the distance, if asked at now_h: the foreign delay and the launch time.
  [[nodiscard]] Offer responder_terms(std::uint32_t k, std::uint32_t i, double now_h) const {
    const SarUnit& u = setup_.units()[k];
    const SarIncident& inc = incidents_[i];
    Offer o;
    if (u.state_index != inc.state) {
      o.foreign = true;
      o.delay_h = setup_.sharing_delay_h(inc.state, u.state_index) + setup_.coordination_delay_h(u.state_index, inc.state);
    }
    o.launch_h = now_h + o.delay_h + u.readiness_h;
    return o;
  }

  // Whether unit u may respond at all to incidents of class `class_index` in `state` (-1: none
  // responsible): a sensor for the class's object, its own state's incident or another state's
  // with agreement, and a speed.
  [[nodiscard]] bool may_respond(const SarUnit& u, int class_index, int state) const {
    const IncidentClass& cls = sc_.incident_classes[static_cast<std::size_t>(class_index)];
    if (setup_.sweep_width_nm(u.type_index, cls.search_object_index) <= 0.0) return false;
    if (u.state_index != state && (state < 0 || !setup_.cross_border_allowed(u.state_index, state))) return false;
    return u.cruise_speed_kt > 0.0;
  }

  // The SAR units that may respond to incident i at all (may_respond), in order.
  [[nodiscard]] const std::vector<Responder>& responders(std::uint32_t i) const {
    const SarIncident& inc = incidents_[i];
    return responders_[static_cast<std::size_t>(inc.state + 1) * sc_.incident_classes.size() + static_cast<std::size_t>(inc.class_index)];
  }

  // responders_: per responsible state (none first) and incident class. The margin on the
  // longest transit (10^-9 of it and 10^-9 h) covers the rounding of offer_at's own test,
  // endurance - 2 transit >= minimum search time (and > 0), and of transit as distance x
  // hours_per_nm rather than distance / speed.
  void list_responders() {
    for (int state = -1; state < static_cast<int>(sc_.states.size()); ++state) {
      for (std::size_t c = 0; c < sc_.incident_classes.size(); ++c) {
        std::vector<Responder>& list = responders_.emplace_back();
        for (std::uint32_t k = 0; k < n_sar_; ++k) {
          const SarUnit& u = setup_.units()[k];
          if (!may_respond(u, static_cast<int>(c), state)) continue;
          Responder r;
          r.unit = k;
          r.air_slot = u.surface ? -1 : air_slot_[static_cast<std::size_t>(u.base_index)];
          if (u.state_index != state) r.delay_h = setup_.sharing_delay_h(state, u.state_index) + setup_.coordination_delay_h(u.state_index, state);
          r.lead_h = r.delay_h + u.readiness_h;
          r.hours_per_nm = 1.0 / u.cruise_speed_kt;
          const double longest_h = 0.5 * (u.endurance_h - sc_.incident_classes[c].min_search_time_h);
          r.max_transit_h = longest_h + 1e-9 * std::abs(longest_h) + 1e-9;
          list.push_back(r);
        }
      }
    }
  }

  // The offer on `terms` if the scene is `distance_nm` away: nullopt when the unit could not
  // search the minimum time and return within its endurance. Every step is monotone in the
  // distance, so a lower bound of the distance bounds the arrival below and the time on scene
  // above: the plan (with Responder's figures and margins) screens units on that.
  [[nodiscard]] std::optional<Offer> offer_at(std::uint32_t k, std::uint32_t i, Offer o, double distance_nm) const {
    const SarUnit& u = setup_.units()[k];
    const IncidentClass& cls = sc_.incident_classes[static_cast<std::size_t>(incidents_[i].class_index)];
    const double transit_h = distance_nm / u.cruise_speed_kt;
    if (!std::isfinite(transit_h)) return std::nullopt;
    o.return_h = transit_h;
    o.on_scene_h = u.endurance_h - 2.0 * transit_h;
    if (!(o.on_scene_h >= cls.min_search_time_h) || o.on_scene_h <= 0.0) return std::nullopt;
    o.arrive_h = o.launch_h + transit_h;
    return o;
  }

  // Responder k's offer for incident i if tasked now (ignoring whether it is free), at its exact
  // distance; for a unit on incident i's plan, which the lower bound of its distance does not
  // already prove too far.
  [[nodiscard]] std::optional<Offer> responder_offer(std::uint32_t k, std::uint32_t i) {
    return offer_at(k, i, responder_terms(k, i, now_), distance_nm(setup_.units()[k], i));
  }

  // Whether unit k is on incident i's plan (a responder not proved too far); the plan is listed.
  [[nodiscard]] bool on_plan(std::uint32_t k, std::uint32_t i) const {
    const PlanEntry* const end = plan_entries_.data() + plan_end_[i];
    return std::find_if(plan_entries_.data() + plan_begin_[i], end, [k](const PlanEntry& e) { return e.unit == k; }) != end;
  }

  [[nodiscard]] bool retaskable(std::uint32_t k) const {
    return retasking_ && state_[k].phase == Phase::kPatrol;
  }

  // What patrolling unit k could do for incident i from where it is now, given `base` (its offer
  // from base, which says that it may and can respond at all): no readiness notice (it is
  // airborne or under way), the same cross-border delay (flown on patrol, using fuel), then
  // straight to the scene (the geodesic, for vessels too: at sea already, the detour is
  // neglected), and home from the scene; it must keep the minimum search time within the fuel
  // left since launch.
  [[nodiscard]] std::optional<Offer> retask_offer(std::uint32_t k, std::uint32_t i, const Offer& base) const {
    const SarUnit& u = setup_.units()[k];
    const SarIncident& inc = incidents_[i];
    const IncidentClass& cls = sc_.incident_classes[static_cast<std::size_t>(inc.class_index)];
    const PatrolSortie& so = sorties_[state_[k].sortie];
    const PatrolUnit& pu = patrols_->units()[static_cast<std::size_t>(so.unit)];
    const PatrolPlan& plan = patrols_->patrols()[static_cast<std::size_t>(so.patrol)];
    const double delay_h = base.delay_h;
    const GeoPoint here = sortie_position(pu, plan, so.launch_h, now_ + delay_h);
    const double transit_h = geodesic_nm(here, inc.position) / u.cruise_speed_kt;
    Offer o = base;
    o.launch_h = now_ + delay_h;
    o.arrive_h = o.launch_h + transit_h;
    o.on_scene_h = so.launch_h + u.endurance_h - o.arrive_h - base.return_h;
    if (!(o.on_scene_h >= cls.min_search_time_h) || o.on_scene_h <= 0.0) return std::nullopt;
    return o;
  }

  [[nodiscard]] bool available(std::uint32_t k) const {
    return state_[k].phase == Phase::kIdle && !state_[k].fail_pending;
  }

  // Tasks the free (or retaskable patrolling) unit with the earliest arrival, the first listed
  // on equal arrivals; otherwise the incident waits (if some unit could ever serve it) or is
  // closed as unreachable. Exact distances are computed only where they can change that: see
  // plan, best_candidate and any_offer.
  void request_unit(std::uint32_t i) {
    const std::optional<std::pair<std::uint32_t, Offer>> best = best_candidate(i);
    if (best) {
      dispatch(best->first, i, best->second);
    } else if (any_offer(i)) {
      wait(i);
    } else {
      close(i, IncidentOutcome::kUnreachable);
    }
  }

  // Incident i's responders that the lower bound of their distance does not prove unable to serve
  // it (see offer_at: that proof holds at any time), in order of the lower bound of their arrival
  // from base, then of index; listed at the incident's first request (an incident is asked for
  // again on each relief) and kept.
  [[nodiscard]] std::span<const PlanEntry> plan(std::uint32_t i) {
    if (plan_begin_[i] == kNoPlan) {
      const auto begin = static_cast<std::uint32_t>(plan_entries_.size());
      for (const Responder& r : responders(i)) {
        // A vessel's over-water distance is not bounded below: 0.
        const double floor_nm = r.air_slot < 0 ? 0.0 : air_floor_nm(i, static_cast<std::size_t>(r.air_slot));
        const double transit_h = floor_nm * r.hours_per_nm;
        if (!(transit_h <= r.max_transit_h)) continue;  // too far at the floor, so too far
        plan_entries_.push_back({r.lead_h + transit_h, r.delay_h, r.unit});
      }
      std::sort(plan_entries_.begin() + begin, plan_entries_.end(), [](const PlanEntry& a, const PlanEntry& b) {
        return a.lead_floor_h < b.lead_floor_h || (a.lead_floor_h == b.lead_floor_h && a.unit < b.unit);
      });
      plan_begin_[i] = begin;
      plan_end_[i] = static_cast<std::uint32_t>(plan_entries_.size());
    }
    return {plan_entries_.data() + plan_begin_[i], plan_entries_.data() + plan_end_[i]};
  }

  // Unit k's exact offer for incident i: from base, or, patrolling, from where it is. Sets
  // any_offer_ when the unit has an offer from base (it could serve the incident some time).
  [[nodiscard]] std::optional<Offer> candidate_offer(std::uint32_t k, std::uint32_t i) {
    auto o = responder_offer(k, i);
    if (!o) return std::nullopt;
    any_offer_ = true;
    if (available(k)) return o;
    return retask_offer(k, i, *o);
  }

  // The free or retaskable unit with the earliest exact arrival, the first listed on equal
  // arrivals, as the loop over every unit in order with `arrive < best` would choose. The free
  // units are tried in order of the lower bound of their arrival: once that bound is later than
  // the best exact arrival so far, neither this unit nor any free one after it can beat or tie it,
  // and their exact distances are not computed; a retaskable unit is tried unless its own bound
  // (the foreign delay: its transit is >= 0) is already later. The other responders can only
  // make the incident wait (any_offer). With no winner every free and retaskable unit has been
  // computed exactly, so any_offer_ then says whether one of them has an offer.
  [[nodiscard]] std::optional<std::pair<std::uint32_t, Offer>> best_candidate(std::uint32_t i) {
    any_offer_ = false;
    std::uint32_t best = n_sar_;
    Offer best_offer;
    bool free_beyond = false;  // every free unit further on arrives after the best so far
    for (const PlanEntry& e : plan(i)) {
      const std::uint32_t k = e.unit;
      if (available(k)) {
        if (free_beyond) continue;
        if (now_ + e.lead_floor_h - kBoundSlackH > best_offer.arrive_h) {
          if (!retasking_) break;  // nothing left to try
          free_beyond = true;
          continue;
        }
      } else if (retaskable(k)) {
        if (now_ + e.delay_h - kBoundSlackH > best_offer.arrive_h) continue;
      } else {
        continue;  // busy
      }
      const auto o = candidate_offer(k, i);
      if (!o) continue;
      const bool earlier = o->arrive_h < best_offer.arrive_h;
      const bool tie_first = best < n_sar_ && o->arrive_h == best_offer.arrive_h && k < best;
      if (earlier || tie_first) {
        best = k;
        best_offer = *o;
      }
    }
    if (best == n_sar_) return std::nullopt;
    return std::pair{best, best_offer};
  }

  // After best_candidate found no unit to task: whether some unit could ever serve incident i (a
  // free or retaskable unit with an offer from base, or a busy unit with an offer).
  [[nodiscard]] bool any_offer(std::uint32_t i) {
    if (any_offer_) return true;
    const std::span<const PlanEntry> entries = plan(i);
    return std::any_of(entries.begin(), entries.end(), [&](const PlanEntry& e) {
      return !available(e.unit) && !retaskable(e.unit) && responder_offer(e.unit, i).has_value();
    });
  }

  void dispatch(std::uint32_t k, std::uint32_t i, const Offer& o) {
    UnitState& s = state_[k];
    if (s.phase == Phase::kPatrol) leave_patrol(k);
    s.phase = Phase::kTasked;
    s.incident = i;
    s.busy_since_h = now_;
    s.transit_h = o.return_h;
    s.leave_scene_h = o.arrive_h + o.on_scene_h;
    IncidentRecord& r = records_[i];
    if (std::isnan(r.dispatched_h)) {
      r.dispatched_h = now_;
      r.first_unit = static_cast<int>(k);
      r.foreign_first = o.foreign;
    }
    ++r.sorties;
    if (now_ >= window_start_h_ && now_ < window_end_h_) ++unit_records_[k].sorties;
    schedule(o.arrive_h, kOnScene, k);
  }

  // A unit has become free: it takes the longest-waiting incident it can serve (a waiting
  // incident has been asked for, so its plan is listed).
  void serve_waiting(std::uint32_t k) {
    if (k >= n_sar_) return;  // a patrol-only unit
    for (std::size_t w = 0; w < waiting_.size(); ++w) {
      const std::uint32_t i = waiting_[w];
      if (!on_plan(k, i)) continue;
      const auto o = responder_offer(k, i);
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
    if (requested_[i] != 0) return;                 // an earlier alert made it ready before
    requested_[i] = 1;
    if (now_ >= incidents_[i].suspend_h) {
      close(i, IncidentOutcome::kNotFound);  // the alert came after the search would have stopped
      return;
    }
    request_unit(i);
  }

  // Incident i waits for a unit, until one is free or its search is suspended (the suspension is
  // an event only for incidents that wait: a unit on its way or searching ends its search by the
  // suspension itself).
  void wait(std::uint32_t i) {
    waiting_flag_[i] = 1;
    waiting_.push_back(i);
    if (suspend_due_[i] == 0) {
      suspend_due_[i] = 1;
      schedule(incidents_[i].suspend_h, kSuspend, i);
    }
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
    double needed_h = 0.0;
    if (remaining > 0.0) {
      s.search = SearchLaw(search_setup(k, i));
      needed_h = s.search.time_for_coverage_h(remaining);
    }
    s.finds = needed_h <= available_h;  // always with nothing remaining: then s.search is not read
    schedule(now_ + (s.finds ? needed_h : available_h), kSearchEnd, k);
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
      coverage_done_[i] += s.search.coverage(now_ - s.search_start_h);
      if (now_ >= incidents_[i].suspend_h) {
        close(i, IncidentOutcome::kNotFound);
      } else {
        request_unit(i);  // relief
      }
    }
    s.phase = Phase::kReturning;
    schedule(now_ + s.transit_h + setup_.units()[k].turnaround_h, kUnitReady, k);
  }

  // ---- patrols ------------------------------------------------------------------------------
  void start_patrols() {
    if (patrols_ == nullptr) return;
    const auto& plans = patrols_->patrols();
    for (std::uint32_t p = 0; p < plans.size(); ++p) {
      const PatrolPlan& plan = plans[p];
      if (plan.units.empty() || !std::isfinite(plan.interval_h)) continue;
      RandomStream phase(key_.seed, key_.variant, key_.replication, StreamPurpose::kSensors, plan.stream_key);
      const double first_h = plan.interval_h * phase.uniform();
      if (first_h < sc_.run.duration_h) schedule(first_h, kPatrolDue, p);
    }
  }

  // A planned sortie: the patrol's unit that is free and up, idle the longest (ties: the first
  // listed), launches; with none, the sortie is missed.
  void on_patrol_due(std::uint32_t p) {
    const PatrolPlan& plan = patrols_->patrols()[p];
    const double next_h = now_ + plan.interval_h;
    if (next_h < sc_.run.duration_h) schedule(next_h, kPatrolDue, p);
    const bool counted = now_ >= window_start_h_ && now_ < window_end_h_;
    if (counted) ++patrol_records_[p].planned;
    int chosen = -1;
    double idle_since_h = kInf;
    for (const int j : plan.units) {
      const std::uint32_t k = world_unit_[static_cast<std::size_t>(j)];
      if (!(patrols_->units()[static_cast<std::size_t>(j)].on_station_h > 0.0) || !available(k)) continue;
      if (state_[k].idle_since_h < idle_since_h) {
        idle_since_h = state_[k].idle_since_h;
        chosen = j;
      }
    }
    if (chosen < 0) return;
    const PatrolUnit& pu = patrols_->units()[static_cast<std::size_t>(chosen)];
    const std::uint32_t k = world_unit_[static_cast<std::size_t>(chosen)];
    PatrolSortie so;
    so.patrol = static_cast<int>(p);
    so.unit = chosen;
    so.launch_h = now_;
    so.station_start_h = now_ + pu.transit_out_h;
    so.station_end_h = so.station_start_h + pu.on_station_h;
    const auto id = static_cast<std::uint32_t>(sorties_.size());
    sorties_.push_back(so);
    if (counted) ++patrol_records_[p].flown;
    UnitState& s = state_[k];
    s.phase = Phase::kPatrol;
    s.sortie = id;
    s.busy_since_h = now_;
    schedule(so.station_end_h, kPatrolEnd, id);
    sight_incidents(id);
  }

  [[nodiscard]] bool counted_sortie(const PatrolSortie& so) const {
    return so.launch_h >= window_start_h_ && so.launch_h < window_end_h_;
  }

  void on_patrol_end(std::uint32_t id) {
    const PatrolSortie& so = sorties_[id];
    const std::uint32_t k = world_unit_[static_cast<std::size_t>(so.unit)];
    UnitState& s = state_[k];
    if (s.phase != Phase::kPatrol || s.sortie != id) return;  // retasked before
    const PatrolUnit& pu = patrols_->units()[static_cast<std::size_t>(so.unit)];
    if (counted_sortie(so)) patrol_records_[static_cast<std::size_t>(so.patrol)].station_h += in_window(so.station_start_h, so.station_end_h);
    const GeoPoint exit = sortie_position(pu, patrols_->patrols()[static_cast<std::size_t>(so.patrol)], so.launch_h, now_);
    const double back_h = patrols_->return_distance_nm(pu, exit) / pu.cruise_speed_kt;
    s.phase = Phase::kPatrolReturn;
    schedule(now_ + back_h + pu.turnaround_h, kUnitReady, k);
  }

  // Unit k, on patrol, is retasked now: its sortie's time on station ends here.
  void leave_patrol(std::uint32_t k) {
    UnitState& s = state_[k];
    PatrolSortie& so = sorties_[s.sortie];
    so.station_end_h = std::clamp(now_, so.station_start_h, so.station_end_h);
    so.retasked = true;
    if (counted_sortie(so)) {
      PatrolRecord& rec = patrol_records_[static_cast<std::size_t>(so.patrol)];
      ++rec.retasked;
      rec.station_h += in_window(so.station_start_h, so.station_end_h);
    }
    if (k < n_sar_) unit_records_[k].patrol_h += in_window(s.busy_since_h, now_);
  }

  // The incidents that sortie `id` may see on its planned time on station (not yet alerted by
  // then): each sighting is scheduled to reach the responsible centre after the sensor's reporting
  // delay and the sharing delay from the patrol's state, and counts only if the sortie is still on
  // station when it is made.
  void sight_incidents(std::uint32_t id) {
    const PatrolSortie& so = sorties_[id];
    track_.clear();
    sortie_track(*patrols_, so, track_);
    if (track_.empty()) return;
    const PatrolUnit& pu = patrols_->units()[static_cast<std::size_t>(so.unit)];
    // Incidents that occurred more than the longest alert lag before the station time began were
    // alerted before it: start after them.
    const auto first = std::partition_point(incidents_.begin(), incidents_.end(), [&](const SarIncident& inc) {
      return inc.occurred_h < so.station_start_h - max_alert_lag_h_;
    });
    for (auto i = static_cast<std::uint32_t>(first - incidents_.begin()); i < incidents_.size(); ++i) {
      const SarIncident& inc = incidents_[i];
      if (inc.occurred_h >= so.station_end_h) break;  // in order of occurrence
      const IncidentRecord& r = records_[i];
      if (requested_[i] != 0 || !std::isnan(r.closed_h)) continue;
      const double from_h = std::max(inc.occurred_h, so.station_start_h);
      const double to_h = std::min({r.alerted_h, so.station_end_h, inc.suspend_h});
      if (!(from_h < to_h)) continue;
      const int object = sc_.incident_classes[static_cast<std::size_t>(inc.class_index)].search_object_index;
      const TrackPoint still[2] = {{inc.position, inc.occurred_h}, {inc.position, inc.suspend_h}};
      const Sighting seen = first_sighting(*patrols_, so, id, track_, still, object, key_, SightingObject::kIncident, i,
                                           from_h, to_h);
      if (std::isnan(seen.seen_h)) continue;
      const double share_h = inc.state >= 0 ? setup_.sharing_delay_h(pu.state_index, inc.state) : 0.0;
      const double alert_h = seen.reported_h + share_h;
      if (alert_h >= r.alerted_h) continue;
      schedule(alert_h, kIsrAlert, static_cast<std::uint32_t>(pending_.size()));
      pending_.push_back({i, id, seen.seen_h});
    }
  }

  void on_isr_alert(std::uint32_t d) {
    const PendingAlert& sg = pending_[d];
    const PatrolSortie& so = sorties_[sg.sortie];
    if (so.retasked && sg.seen_h > so.station_end_h) return;  // it left the patrol before
    const std::uint32_t i = sg.incident;
    IncidentRecord& r = records_[i];
    if (requested_[i] != 0 || !std::isnan(r.closed_h) || r.alerted_h <= now_) return;
    r.alerted_h = now_;
    r.alerted_by = AlertSource::kPatrol;
    r.ready_h = now_ + sc_.policies.rcc_processing_h;
    schedule(r.ready_h, kIncidentReady, i);
  }

  void close(std::uint32_t i, IncidentOutcome outcome) {
    IncidentRecord& r = records_[i];
    r.closed_h = now_;
    r.outcome = outcome;
    --open_;
  }

  // Incidents still open at the horizon were alerted after it, so after their search would have
  // been suspended (at most the run's duration after the occurrence, SarSetup): closed as not
  // found when their alert comes, as on_incident_ready would close them, without handling every
  // outage until then.
  void close_after_horizon() {
    for (std::uint32_t i = 0; i < incidents_.size() && open_ > 0; ++i) {
      if (!std::isnan(records_[i].closed_h)) continue;
      requested_[i] = 1;
      close(i, IncidentOutcome::kNotFound);
      records_[i].closed_h = records_[i].ready_h;
    }
  }

  SarReplicationResult finish(std::uint64_t events) {
    SarReplicationResult out;
    out.replication = key_.replication;
    out.window_start_h = window_start_h_;
    out.window_end_h = window_end_h_;
    out.events = events;
    for (std::uint32_t k = 0; k < n_sar_; ++k) {
      const UnitState& s = state_[k];
      if (s.phase == Phase::kDown) unit_records_[k].unavailable_h += in_window(s.down_since_h, kInf);
      if (s.phase == Phase::kTasked || s.phase == Phase::kSearching || s.phase == Phase::kReturning) {
        unit_records_[k].busy_h += in_window(s.busy_since_h, kInf);
      }
      if (s.phase == Phase::kPatrol || s.phase == Phase::kPatrolReturn) unit_records_[k].patrol_h += in_window(s.busy_since_h, kInf);
    }
    for (const UnitState& s : state_) {
      if (s.phase != Phase::kPatrol) continue;  // on station when the run ended
      const PatrolSortie& so = sorties_[s.sortie];
      if (counted_sortie(so)) patrol_records_[static_cast<std::size_t>(so.patrol)].station_h += in_window(so.station_start_h, so.station_end_h);
    }
    out.units = std::move(unit_records_);
    out.sorties = std::move(sorties_);
    out.patrols = std::move(patrol_records_);
    std::erase_if(records_, [&](const IncidentRecord& r) { return !(r.occurred_h >= window_start_h_ && r.occurred_h < window_end_h_); });
    out.incidents = std::move(records_);
    return out;
  }

  const SarSetup& setup_;
  const PatrolSetup* patrols_;
  const Scenario& sc_;
  ReplicationKey key_;
  std::vector<SarIncident> incidents_;
  double window_start_h_ = 0.0;
  double window_end_h_ = 0.0;
  double now_ = 0.0;
  // Schedules an event; at equal times events are handled in the order of their kinds
  // (EventKind), then in the order they were scheduled.
  void schedule(double time_h, EventKind kind, std::uint32_t subject) { queue_.push(time_h, kind, subject, kind); }

  EventQueue queue_;

  std::vector<IncidentRecord> records_;
  std::vector<std::uint8_t> waiting_flag_;
  std::vector<std::uint8_t> suspend_due_;   // its kSuspend event is scheduled (see wait)
  std::vector<std::uint32_t> waiting_;  // first come, first served
  std::vector<double> coverage_done_;
  std::vector<std::uint8_t> requested_;     // a unit was asked for (the incident was ready)
  std::vector<AlertSource> alerted_by_;     // with the ISR assets: what alerted each incident first
  double max_alert_lag_h_ = 0.0;            // the longest occurrence-to-alert of the incidents as drawn
  std::size_t open_ = 0;
  // The run's end plus the longest search (searches are suspended at most the run's duration
  // after the occurrence): no event after it can change an incident of the window.
  double horizon_h_ = 0.0;

  std::uint32_t n_sar_ = 0;                 // world units [0, n_sar_) are SarSetup::units()
  std::vector<UnitFigures> figures_;        // per world unit
  bool retasking_ = false;
  std::vector<std::uint32_t> world_unit_;   // per PatrolSetup unit
  std::vector<PatrolSortie> sorties_;
  std::vector<PatrolRecord> patrol_records_;
  std::vector<PendingAlert> pending_;
  std::vector<TrackPoint> track_;           // scratch: a sortie's track

  std::vector<std::vector<Responder>> responders_;  // see responders()
  static constexpr std::uint32_t kNoPlan = std::numeric_limits<std::uint32_t>::max();
  std::vector<PlanEntry> plan_entries_;     // see plan(): per incident, [plan_begin_, plan_end_)
  std::vector<std::uint32_t> plan_begin_;   // kNoPlan until listed
  std::vector<std::uint32_t> plan_end_;
  bool any_offer_ = false;           // a free or retaskable unit has an offer from base

  std::vector<UnitState> state_;
  std::vector<UnitRecord> unit_records_;
  std::vector<RandomStream> outage_;

  std::vector<int> air_slot_;   // per base: its column in air_distance_nm_, or -1
  std::vector<int> air_bases_;  // bases with aircraft, helicopters or UAVs
  std::vector<double> air_distance_nm_;  // per incident and air base; -1 until computed
  std::vector<double> air_floor_nm_;     // the same, their lower bounds (geodesic_floor_nm)
  std::vector<PreparedPoint> air_base_geo_;  // per air base, for geodesic_nm and geodesic_floor_nm
  std::vector<PreparedPoint> incident_geo_;  // per incident (with air bases)
  std::vector<double> sea_distance_nm_;  // per incident and port field; -1 until computed
  SarSetup::Neighbourhood around_;       // of incident around_of_
  std::uint32_t around_of_ = std::numeric_limits<std::uint32_t>::max();
};

}  // namespace

std::string_view to_string(AlertSource source) {
  switch (source) {
    case AlertSource::kBeacon: return "beacon";
    case AlertSource::kOverdue: return "overdue";
    case AlertSource::kCoastalRadar: return "coastal-radar";
    case AlertSource::kPatrol: return "patrol";
  }
  return "?";
}

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
  return run_sar_replication(setup, nullptr, key, std::move(incidents));
}

SarReplicationResult run_sar_replication(const SarSetup& setup, const PatrolSetup* patrols, const ReplicationKey& key) {
  return run_sar_replication(setup, patrols, key, draw_sar_incidents(setup, key));
}

SarReplicationResult run_sar_replication(const SarSetup& setup, const PatrolSetup* patrols, const ReplicationKey& key,
                                         std::vector<SarIncident> incidents, const StopFlag* stop) {
  World world(setup, patrols, key, std::move(incidents));
  return world.run(stop);
}

}  // namespace mdasim

#!/usr/bin/python3
"""mdasim's SAR model written in SimPy 2 (the peer of mdasim on benchmarks/peers/sar-reduced.yaml).

Reads the JSON that benchmarks/peer_export writes (the units; per replication the incidents as
mdasim draws them, with the distance from every air base, and mdasim's records on them), runs
the same rules in SimPy, and checks every incident's outcome against mdasim's record. The rules
(docs/sar-model.md, docs/model-reference.md sections 4 and 5), for units that are always up and
fly the geodesic:

  - an incident becomes ready at its alert plus the centre's processing; if its search is
    already suspended by then it is closed as not found;
  - dispatch: among the units that may (own state, or cross-border allowed) and can respond (a
    sweep width for the search object; endurance - 2 transit >= the class's minimum search
    time), the free one with the earliest arrival (now + foreign delay + readiness + transit;
    ties to the unit listed first) is tasked; if none is free but some could respond the
    incident waits, first come first served, for a unit back at base; if none could it is
    closed as unreachable;
  - on scene the unit searches until the coverage of all its sorties reaches the incident's
    draw e (random search with drift, the closed-form inverse of engine/model/search.hpp),
    until its endurance makes it leave, or until the suspension time; a unit that leaves
    without finding asks for its relief at once; at the suspension a waiting incident is closed;
  - the unit flies back and turns round, then takes the longest-waiting incident it can serve.

Distances: by default each incident's distance from every air base is read from the export
(mdasim's geodesics, computed before the clock). With --geodesics the model solves them itself,
as mdasim does, inside the timed simulation: each (incident, air base) distance the first time a
unit of that base is considered for the incident, by Karney's method in GeographicLib's Python
port (python3-geographiclib, the same algorithm and WGS84 as mdasim's GeographicLib), kept for
the rest of the replication.

Speed: replications per wall (and CPU) second of building and running each replication's
simulation; reading the JSON and converting it is not timed. Written for SimPy 2.3.1, run by
/usr/bin/python3; prints one JSON object. With --check, exits 1 unless every incident agrees.

    /usr/bin/python3 benchmarks/peers/sar_simpy.py /tmp/sar.json --check [--geodesics]
"""

import argparse
import json
import math
import sys
import time

from SimPy.Simulation import Process, Simulation, hold, passivate

INF = math.inf
MIN_ERROR_NM = 0.01          # engine/model/search.hpp: kMinimumErrorNm
METRES_PER_NM = 1852.0       # the international nautical mile
RESPONSE_TOLERANCE_H = 1e-6  # agreement of response times with mdasim's


class Record:
    """What happened to one incident (the fields of mdasim's IncidentRecord that the rules set)."""

    __slots__ = ("dispatched_h", "first_unit", "sorties", "on_scene_h", "found_h", "closed_h",
                 "outcome", "persons_saved")

    def __init__(self):
        self.dispatched_h = None
        self.first_unit = -1
        self.sorties = 0
        self.on_scene_h = None
        self.found_h = None
        self.closed_h = None
        self.outcome = "not-found"
        self.persons_saved = 0


class Offer:
    """What a unit could do for an incident if tasked now."""

    __slots__ = ("arrive_h", "return_h", "leave_scene_h")

    def __init__(self, arrive_h, return_h, leave_scene_h):
        self.arrive_h = arrive_h
        self.return_h = return_h
        self.leave_scene_h = leave_scene_h


def search_coverage(rate, e0, drift, age_h, t_h):
    """Coverage after searching t_h hours (rate = W V; random search, growing circle)."""
    if t_h <= 0.0:
        return 0.0
    if drift <= 0.0:
        return rate * t_h / (math.pi * e0 * e0)
    # atan(x0 + y) - atan(x0) as one arctangent, as mdasim's search.cpp takes it.
    x0 = drift * age_h / e0
    y = drift * t_h / e0
    return rate / (math.pi * drift * e0) * math.atan(y / (1.0 + x0 * (x0 + y)))


def search_time_h(rate, e0, drift, age_h, e):
    """Hours of searching until the coverage reaches e: the inverse of search_coverage."""
    if rate <= 0.0:
        return INF
    if drift <= 0.0:
        return e * math.pi * e0 * e0 / rate
    # tan(atan(x0) + delta) - x0 by the addition formula, as mdasim's search.cpp takes it.
    delta = e * math.pi * drift * e0 / rate
    if delta >= 0.5 * math.pi:
        return INF
    x0 = drift * age_h / e0
    t = math.tan(delta)
    room = 1.0 - x0 * t
    if room <= 0.0:
        return INF
    return e0 / drift * t * (1.0 + x0 * x0) / room


class World:
    """One replication's shared state: incidents, their records, the units, the waiting queue."""

    def __init__(self, sim, model, incidents, geodesic=None):
        self.sim = sim
        self.model = model
        self.incidents = incidents
        # distances[i][base], nm: from the export, or solved on first use with `geodesic`
        if geodesic is None:
            self.distances = [inc["distance_nm"] for inc in incidents]
        else:
            self.distances = [[None] * len(model["bases"]) for _ in incidents]
        self.geodesic = geodesic
        self.records = [Record() for _ in incidents]
        self.coverage_done = [0.0] * len(incidents)
        self.waiting = []  # incident indices, first come first served
        self.units = [Unit(self, k, spec) for k, spec in enumerate(model["units"])]

    # ---- dispatch -----------------------------------------------------------------------------
    def offer(self, unit, i, now):
        spec, inc = unit.spec, self.incidents[i]
        cls = self.model["classes"][inc["class"]]
        if spec["sweep_width_nm"][cls["search_object"]] <= 0.0:
            return None
        delay_h = 0.0
        if spec["state"] != inc["state"]:
            if inc["state"] < 0:
                return None
            delay_h = self.model["foreign_delay_h"][spec["state"]][inc["state"]]
            if delay_h is None:
                return None
        if spec["cruise_speed_kt"] <= 0.0:
            return None
        transit_h = self.distance_nm(i, spec["base"]) / spec["cruise_speed_kt"]
        if not math.isfinite(transit_h):
            return None
        on_scene_h = spec["endurance_h"] - 2.0 * transit_h
        if not (on_scene_h >= cls["min_search_time_h"]) or on_scene_h <= 0.0:
            return None
        arrive_h = now + delay_h + spec["readiness_h"] + transit_h
        return Offer(arrive_h, transit_h, arrive_h + on_scene_h)

    def distance_nm(self, i, base):
        d = self.distances[i][base]
        if d is None:
            b, inc = self.model["bases"][base], self.incidents[i]
            d = self.geodesic.Inverse(b["lat"], b["lon"], inc["lat"], inc["lon"], self.geodesic.DISTANCE)["s12"] / METRES_PER_NM
            self.distances[i][base] = d
        return d

    def request_unit(self, i, now):
        """Tasks the free unit with the earliest arrival, or queues or closes the incident."""
        best, best_offer, reachable = None, None, False
        for unit in self.units:
            o = self.offer(unit, i, now)
            if o is None:
                continue
            reachable = True
            if not unit.free:
                continue
            if best_offer is None or o.arrive_h < best_offer.arrive_h:
                best, best_offer = unit, o
        if best is not None:
            self.dispatch(best, i, best_offer, now)
            self.sim.reactivate(best)
        elif reachable:
            self.waiting.append(i)
        else:
            self.close(i, "unreachable", now)

    def dispatch(self, unit, i, offer, now):
        unit.free = False
        unit.task = (i, offer)
        r = self.records[i]
        if r.dispatched_h is None:
            r.dispatched_h = now
            r.first_unit = unit.k
        r.sorties += 1

    def serve_waiting(self, unit, now):
        """A unit back at base takes the longest-waiting incident it may and can serve."""
        for w, i in enumerate(self.waiting):
            o = self.offer(unit, i, now)
            if o is not None:
                del self.waiting[w]
                self.dispatch(unit, i, o, now)
                return

    def close(self, i, outcome, now):
        r = self.records[i]
        r.closed_h = now
        r.outcome = outcome

    # ---- on scene -----------------------------------------------------------------------------
    def search_terms(self, unit, i, start_h):
        inc = self.incidents[i]
        cls = self.model["classes"][inc["class"]]
        rate = unit.spec["sweep_width_nm"][cls["search_object"]] * unit.spec["search_speed_kt"]
        return rate, max(cls["position_error_nm"], MIN_ERROR_NM), cls["drift_error_kt"], start_h - inc["occurred_h"]

    def on_scene(self, unit, i, offer, now):
        """The unit arrives: returns when its search ends and whether it finds the object."""
        r, inc = self.records[i], self.incidents[i]
        if r.on_scene_h is None:
            r.on_scene_h = now
        available_h = max(0.0, min(offer.leave_scene_h, inc["suspend_h"]) - now)
        remaining = inc["coverage_needed"] - self.coverage_done[i]
        needed_h = search_time_h(*self.search_terms(unit, i, now), remaining) if remaining > 0.0 else 0.0
        finds = needed_h <= available_h
        return now + (needed_h if finds else available_h), finds

    def search_end(self, unit, i, finds, start_h, now):
        inc = self.incidents[i]
        if finds:
            r = self.records[i]
            r.found_h = now
            age_h = now - inc["occurred_h"]
            r.persons_saved = sum(1 for s in inc["survival_h"] if s > age_h)
            self.close(i, "found", now)
            return
        self.coverage_done[i] += search_coverage(*self.search_terms(unit, i, start_h), now - start_h)
        if now >= inc["suspend_h"]:
            self.close(i, "not-found", now)
        else:
            self.request_unit(i, now)  # relief

    # ---- incidents' own events ----------------------------------------------------------------
    def on_ready(self, i, now):
        if now >= self.incidents[i]["suspend_h"]:
            self.close(i, "not-found", now)  # alerted after the search would have stopped
        else:
            self.request_unit(i, now)

    def on_suspend(self, i, now):
        if i in self.waiting:
            self.waiting.remove(i)
            self.close(i, "not-found", now)


class Unit(Process):
    """An aircraft or helicopter: idle at base until tasked, then out, searching, back, turned round."""

    def __init__(self, world, k, spec):
        super().__init__(name=spec["name"], sim=world.sim)
        self.world, self.k, self.spec = world, k, spec
        self.free = True
        self.task = None

    def life(self):
        world, sim = self.world, self.sim
        while True:
            if self.task is None:
                self.free = True
                yield passivate, self
            i, offer = self.task
            # Times are kept absolute (as mdasim schedules them) and held towards.
            yield hold, self, max(0.0, offer.arrive_h - sim.now())  # readiness, foreign delay, transit
            end_h, finds = world.on_scene(self, i, offer, offer.arrive_h)
            yield hold, self, max(0.0, end_h - sim.now())
            world.search_end(self, i, finds, offer.arrive_h, end_h)
            back_h = end_h + offer.return_h + self.spec["turnaround_h"]
            yield hold, self, max(0.0, back_h - sim.now())
            self.task = None
            world.serve_waiting(self, back_h)


class Incident(Process):
    """An incident's own events: ready for dispatch, and the suspension of its search."""

    def life(self, world, i):
        inc = world.incidents[i]
        world.on_ready(i, inc["ready_h"])
        if world.records[i].closed_h is not None:
            return
        yield hold, self, max(0.0, inc["suspend_h"] - self.sim.now())
        world.on_suspend(i, inc["suspend_h"])


def run_replication(model, incidents, geodesic=None):
    """Builds and runs one replication's simulation; returns its records."""
    sim = Simulation()
    world = World(sim, model, incidents, geodesic)
    for unit in world.units:
        sim.activate(unit, unit.life())
    for i, inc in enumerate(incidents):
        p = Incident(name="incident", sim=sim)
        sim.activate(p, p.life(world, i), at=inc["ready_h"])
    sim.simulate(until=INF)
    return world.records


def same(a, b, tolerance):
    """Two times agree: both missing, or within the tolerance."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance


def compare(model, rep, records):
    """Counts mdasim's records that SimPy's agree with: response time (alert to first arrival)
    within 1e-6 h and the same found or not; and in every field (times within 1e-6 h)."""
    agree = full = 0
    first_difference = None
    for theirs in rep["records"]:
        i = theirs["id"]
        ours, inc = records[i], rep["incidents"][i]
        their_response = None if theirs["on_scene_h"] is None else theirs["on_scene_h"] - inc["alerted_h"]
        our_response = None if ours.on_scene_h is None else ours.on_scene_h - inc["alerted_h"]
        if same(our_response, their_response, RESPONSE_TOLERANCE_H) and \
                (ours.outcome == "found") == (theirs["outcome"] == "found"):
            agree += 1
        else:
            first_difference = first_difference or {"replication": rep["replication"], "incident": i}
            continue
        if (ours.outcome == theirs["outcome"] and ours.persons_saved == theirs["persons_saved"]
                and ours.sorties == theirs["sorties"] and ours.first_unit == theirs["first_unit"]
                and all(same(getattr(ours, f), theirs[f], RESPONSE_TOLERANCE_H)
                        for f in ("dispatched_h", "on_scene_h", "found_h", "closed_h"))):
            full += 1
        else:
            first_difference = first_difference or {"replication": rep["replication"], "incident": i}
    return agree, full, first_difference


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("export", help="the JSON written by benchmarks/peer_export")
    parser.add_argument("--passes", type=int, default=1, help="times to run the replications (speed)")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every incident agrees with mdasim")
    parser.add_argument("--geodesics", action="store_true",
                        help="solve the distances to the air bases in the simulation (python3-geographiclib)")
    args = parser.parse_args()
    geodesic = None
    if args.geodesics:
        try:
            from geographiclib.geodesic import Geodesic
        except ImportError:
            sys.exit("sar_simpy: --geodesics needs GeographicLib's Python port (package python3-geographiclib)")
        geodesic = Geodesic.WGS84
    try:
        with open(args.export) as f:
            model = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("sar_simpy: cannot read %s: %s" % (args.export, e))
    for key in ("units", "classes", "foreign_delay_h", "replications", "bases"):
        if key not in model:
            sys.exit("sar_simpy: %s: no '%s' (not written by peer_export?)" % (args.export, key))
    reps = model["replications"]
    if not reps or args.passes < 1:
        sys.exit("sar_simpy: nothing to run (no replications, or --passes below 1)")

    wall_s = cpu_s = 0.0
    runs = 0
    results = []
    for _ in range(args.passes):
        results = []
        for rep in reps:
            wall0, cpu0 = time.perf_counter(), time.process_time()
            records = run_replication(model, rep["incidents"], geodesic)
            wall_s += time.perf_counter() - wall0
            cpu_s += time.process_time() - cpu0
            runs += 1
            results.append(records)
    compared = agree = full = 0
    first_difference = None
    for rep, records in zip(reps, results):
        a, f, d = compare(model, rep, records)
        compared += len(rep["records"])
        agree += a
        full += f
        first_difference = first_difference or d
    json.dump({
        "model": "sar", "peer": "SimPy 2.3.1", "python": sys.version.split()[0],
        "distances": "solved (geographiclib)" if geodesic is not None else "given (mdasim's, untimed)",
        "scenario": model.get("scenario"), "units": len(model["units"]), "replications": len(reps),
        "incidents_per_replication": sum(len(r["incidents"]) for r in reps) / len(reps),
        "runs": runs, "wall_s": wall_s, "cpu_s": cpu_s,
        "replications_per_s": runs / wall_s, "replications_per_cpu_s": runs / cpu_s,
        "incidents_compared": compared, "agree": agree, "agree_all_fields": full,
        "first_difference": first_difference,
    }, sys.stdout)
    print()
    if args.check and (agree != compared or full != compared):
        sys.exit(1)


if __name__ == "__main__":
    main()

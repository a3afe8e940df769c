#!/usr/bin/python3
"""The classic hold model in SimPy 2 (the peer of mdasim's bench_event_queue).

n processes each hold an exponential time (mean 1) over and over, so the pending-event set
keeps n entries; the figures are events executed per wall and per CPU second of simulate().
Building and activating the n processes and their first resumptions at time 0 are timed apart
(setup_s). Written for SimPy 2.3.1 (Debian's python3-simpy, `from SimPy.Simulation import ...`),
run by /usr/bin/python3.

Prints one JSON object on stdout: {"model": "hold", "results": [{"n", "events", "wall_s",
"cpu_s", "events_per_s", "events_per_cpu_s", "setup_s", "setup_cpu_s", "peak_rss_kB"}, ...]}.

    /usr/bin/python3 benchmarks/peers/hold_simpy.py --sizes 1000,100000 --events 1000000
"""

import argparse
import json
import random
import resource
import sys
import time

from SimPy.Simulation import Process, Simulation, hold


class Holder(Process):
    """One process of the hold model: holds Exp(1) for ever, counting its resumptions."""

    def __init__(self, sim, rng):
        super().__init__(name="holder", sim=sim)
        self.rng = rng
        self.resumed = 0

    def run(self):
        expovariate = self.rng.expovariate
        while True:
            self.resumed += 1
            yield hold, self, expovariate(1.0)


def hold_model(n, events, seed):
    """Runs the hold model with n pending events for about `events` events; returns its figures."""
    rng = random.Random(seed)
    started, cpu0 = time.perf_counter(), time.process_time()
    sim = Simulation()
    holders = []
    for _ in range(n):
        h = Holder(sim, rng)
        sim.activate(h, h.run())
        holders.append(h)
    # Untimed warm-up: every process's first resumption (all at time 0), after which the pending
    # set holds n exponential times, as in the steady state.
    for _ in range(n):
        sim.step()
    setup_s, setup_cpu_s = time.perf_counter() - started, time.process_time() - cpu0
    warm = sum(h.resumed for h in holders)
    # Each process is then resumed at rate 1: about `events` events by time events / n.
    until = events / n
    started, cpu0 = time.perf_counter(), time.process_time()
    sim.simulate(until=until)
    wall_s, cpu_s = time.perf_counter() - started, time.process_time() - cpu0
    executed = sum(h.resumed for h in holders) - warm
    return {
        "n": n,
        "events": executed,
        "simulated_time": until,
        "wall_s": wall_s,
        "cpu_s": cpu_s,
        "events_per_s": executed / wall_s,
        "events_per_cpu_s": executed / cpu_s,
        "setup_s": setup_s,
        "setup_cpu_s": setup_cpu_s,
        "peak_rss_kB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,100000", help="pending-set sizes, comma-separated")
    parser.add_argument("--events", type=float, default=1e6, help="events to simulate per size (about)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    try:
        sizes = [int(float(s)) for s in args.sizes.split(",") if s]
    except ValueError:
        parser.error("--sizes: expected numbers such as 1000,100000, got '%s'" % args.sizes)
    if not sizes or min(sizes) < 1 or args.events < 1:
        parser.error("--sizes and --events must be positive")
    results = [hold_model(n, args.events, args.seed) for n in sizes]
    json.dump({"model": "hold", "peer": "SimPy 2.3.1", "python": sys.version.split()[0], "results": results},
              sys.stdout)
    print()


if __name__ == "__main__":
    main()

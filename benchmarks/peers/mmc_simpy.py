#!/usr/bin/python3
"""An M/M/c queue in SimPy 2 (the peer of mdasim on tests/validation/scenarios/mmc-heavy.yaml).

The queue of mmc-heavy.yaml: Poisson arrivals at lambda = 54/d, c = 3 servers (a SimPy Resource
of capacity 3, first come first served), exponential service of mean 1/mu = pi/3 h (random
search with W = 2 nm, V = 150 kt, E0 = 10 nm: mu = W V / (pi E0^2)); a run of 366 d whose first
day is warm-up. Per replication: the fraction of customers arriving in the measured window who
waited, and their mean wait; across replications, their means with 95% intervals next to Erlang
C's values. Speed: customers (arrived in the window) per wall second of simulate(), and per CPU
second. Written for SimPy 2.3.1, run by /usr/bin/python3; prints one JSON object on stdout.

    /usr/bin/python3 benchmarks/peers/mmc_simpy.py --replications 20
"""

import argparse
import json
import math
import random
import sys
import time

from SimPy.Simulation import Process, Resource, Simulation, hold, release, request

from peer_stats import erlang_c, inside, mean_with_ci

SERVERS = 3
ARRIVALS_PER_H = 54.0 / 24.0          # mmc-heavy.yaml: rate 54/d
MEAN_SERVICE_H = math.pi / 3.0        # pi E0^2 / (W V) = pi 100 / 300
DURATION_H = 366.0 * 24.0             # mmc.yaml: duration 366d
WARMUP_H = 24.0                       # mmc.yaml: warmup 1d


class Tally:
    """The waits of the customers who arrive in the measured window."""

    def __init__(self):
        self.customers = 0
        self.waited = 0
        self.wait_sum_h = 0.0

    def record(self, arrived_h, wait_h):
        if WARMUP_H <= arrived_h < DURATION_H:
            self.customers += 1
            self.wait_sum_h += wait_h
            if wait_h > 0.0:
                self.waited += 1


class Customer(Process):
    """Arrives, queues for a server, is served for an exponential time, leaves."""

    def visit(self, servers, service_h, tally):
        arrived_h = self.sim.now()
        yield request, self, servers
        tally.record(arrived_h, self.sim.now() - arrived_h)
        yield hold, self, service_h
        yield release, self, servers


class Arrivals(Process):
    """The Poisson stream of customers over [0, duration)."""

    def generate(self, servers, rng, tally):
        while True:
            yield hold, self, rng.expovariate(ARRIVALS_PER_H)
            if self.sim.now() >= DURATION_H:
                return
            c = Customer(name="customer", sim=self.sim)
            self.sim.activate(c, c.visit(servers, rng.expovariate(1.0 / MEAN_SERVICE_H), tally))


def replication(seed, r):
    """One replication; returns its tally and the wall and CPU seconds of building and running it."""
    rng = random.Random(seed * 1_000_003 + r)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    sim = Simulation()
    servers = Resource(capacity=SERVERS, name="units", sim=sim)
    tally = Tally()
    source = Arrivals(name="arrivals", sim=sim)
    sim.activate(source, source.generate(servers, rng, tally))
    sim.simulate(until=math.inf)
    return tally, time.perf_counter() - wall0, time.process_time() - cpu0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--replications", type=int, default=20)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    if args.replications < 2:
        parser.error("--replications must be at least 2 (an interval needs two)")
    waited_fraction, mean_wait_h = [], []
    customers, wall_s, cpu_s = 0, 0.0, 0.0
    for r in range(args.replications):
        tally, wall, cpu = replication(args.seed, r)
        customers += tally.customers
        wall_s += wall
        cpu_s += cpu
        waited_fraction.append(tally.waited / tally.customers)
        mean_wait_h.append(tally.wait_sum_h / tally.customers)
    mu_per_h = 1.0 / MEAN_SERVICE_H
    offered = ARRIVALS_PER_H / mu_per_h
    p_wait = erlang_c(SERVERS, offered)
    wait_h = p_wait / (SERVERS * mu_per_h - ARRIVALS_PER_H)
    p_est, w_est = mean_with_ci(waited_fraction), mean_with_ci(mean_wait_h)
    json.dump({
        "model": "mmc", "peer": "SimPy 2.3.1", "python": sys.version.split()[0],
        "servers": SERVERS, "lambda_per_h": ARRIVALS_PER_H, "mean_service_h": MEAN_SERVICE_H,
        "replications": args.replications, "customers": customers,
        "wall_s": wall_s, "cpu_s": cpu_s,
        "customers_per_s": customers / wall_s, "customers_per_cpu_s": customers / cpu_s,
        "p_wait": p_est, "p_wait_erlang_c": p_wait, "p_wait_agrees": inside(p_est, p_wait),
        "mean_wait_h": w_est, "mean_wait_erlang_c_h": wait_h, "mean_wait_agrees": inside(w_est, wait_h),
    }, sys.stdout)
    print()


if __name__ == "__main__":
    main()

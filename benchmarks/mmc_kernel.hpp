// The M/M/c queue of benchmarks/peers/mmc_simpy.py written directly on mdasim's event kernel: an
// EventQueue holds the pending arrivals and service ends, RandomStream and sample_exponential
// draw the interarrival and service times, each from its own stream keyed (seed, 0, replication)
// as the engine keys a replication's streams. It is the like-for-like peer of SimPy's Resource
// model (a bare queue on each side's kernel, no SAR engine around it; benchmarks/peers/README.md),
// run by `peer_mdasim mmc-kernel` and checked against Erlang C by mmc_kernel_test.cpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <numbers>
#include <vector>

#include "core/distributions.hpp"
#include "core/event_queue.hpp"
#include "core/random_stream.hpp"

namespace mdasim::bench {

// The queue and its run, as in mmc_simpy.py (tests/validation/scenarios/mmc-heavy.yaml): Poisson
// arrivals over [0, duration), first come first served by c servers, exponential service; the
// queue then drains. Customers arriving in [warmup, duration) are counted.
struct MmcQueue {
  int servers = 3;
  double arrivals_per_h = 54.0 / 24.0;
  double mean_service_h = std::numbers::pi / 3.0;  // pi E0^2 / (W V): E0 = 10 nm, W = 2 nm, V = 150 kt
  double duration_h = 366.0 * 24.0;
  double warmup_h = 24.0;
};

// One replication: the customers arriving in the window, how many of them waited, their total
// wait, and every event the kernel handled (warm-up and drain included).
struct MmcTally {
  std::uint64_t customers = 0;
  std::uint64_t waited = 0;
  double wait_sum_h = 0.0;
  std::uint64_t events = 0;
};

// Replication `replication` of the queue: interarrival times from stream (seed, 0, replication,
// kIncidents), service times from (seed, 0, replication, kSearch), the streams the engine gives a
// replication's incidents and searches. A customer's service is drawn when it starts; service
// being first come first served, the k-th customer gets the k-th draw, as when drawn on arrival.
inline MmcTally run_mmc_replication(const MmcQueue& q, std::uint64_t seed, std::uint64_t replication) {
  enum Kind : std::uint32_t { kArrival, kServiceEnd };
  RandomStream interarrival(seed, 0, replication, StreamPurpose::kIncidents);
  RandomStream service(seed, 0, replication, StreamPurpose::kSearch);
  const double mean_interarrival_h = 1.0 / q.arrivals_per_h;
  EventQueue pending;
  std::vector<double> waiting_since_h;  // arrival times of the waiting customers, first in first out
  std::size_t first_waiting = 0;
  int busy = 0;
  MmcTally tally;
  const auto serve = [&](double now_h, double arrived_h) {
    if (arrived_h >= q.warmup_h) {
      ++tally.customers;
      tally.wait_sum_h += now_h - arrived_h;
      if (now_h > arrived_h) ++tally.waited;
    }
    pending.push(now_h + sample_exponential(service, q.mean_service_h), kServiceEnd, 0);
  };
  const auto schedule_arrival = [&](double after_h) {
    const double at_h = after_h + sample_exponential(interarrival, mean_interarrival_h);
    if (at_h < q.duration_h) pending.push(at_h, kArrival, 0);
  };
  schedule_arrival(0.0);
  while (!pending.empty()) {
    const Event e = pending.pop();
    ++tally.events;
    if (e.kind == kArrival) {
      schedule_arrival(e.time_h);
      if (busy < q.servers) {
        ++busy;
        serve(e.time_h, e.time_h);
      } else {
        waiting_since_h.push_back(e.time_h);
      }
    } else if (first_waiting < waiting_since_h.size()) {
      serve(e.time_h, waiting_since_h[first_waiting++]);  // the freed server takes the longest waiting
      if (first_waiting == waiting_since_h.size()) {
        waiting_since_h.clear();
        first_waiting = 0;
      }
    } else {
      --busy;
    }
  }
  return tally;
}

}  // namespace mdasim::bench

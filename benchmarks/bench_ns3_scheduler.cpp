// ns-3's pending-event sets on the hold model, as peers of bench_event_queue: the same sizes
// (10^3 to 10^6 pending events) and the same pre-drawn increments (hold_model.hpp), so figures
// from the two programs compare the data structures and nothing else.
//
// Primary figures, BM_HoldNs3<Scheduler>/<n>: a scheduler object used through its own API, as
// ns-3's simulator uses it (through a Ptr<Scheduler>, so each call is virtual): RemoveNext, then
// Insert of an ns3::Scheduler::Event whose EventKey carries the time stamp in integer ticks and
// a fresh uid (ns-3's tie-breaker, as our insertion sequence is). The event's EventImpl pointer
// is carried but never dereferenced, as our queue carries kind and subject. Map is ns-3's default
// scheduler (a std::map); Heap is its binary heap, Calendar Brown's calendar queue and
// PriorityQueue a std::priority_queue of scheduler events.
//
// Secondary figure, BM_HoldNs3Simulator/<n>: the whole ns-3 hold loop through
// ns3::Simulator::Schedule with the default scheduler: each event is a heap-allocated,
// reference-counted EventImpl invoking a member function that schedules the next. It is what an
// ns-3 model pays per event, not a like-for-like comparison with our queue alone. Simulator::Run
// runs 1,000 events per benchmark iteration (the handler stops it), so items are events.
//
// Ticks: one unit of the hold model is 10^9 ticks (a second at ns-3's default nanosecond
// resolution); ties after rounding are as rare as with our double times.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include <ns3/calendar-scheduler.h>
#include <ns3/heap-scheduler.h>
#include <ns3/map-scheduler.h>
#include <ns3/nstime.h>
#include <ns3/object-factory.h>
#include <ns3/priority-queue-scheduler.h>
#include <ns3/ptr.h>
#include <ns3/scheduler.h>
#include <ns3/simulator.h>

#include "hold_model.hpp"

namespace {

using mdasim::bench::kHoldIncrements;
constexpr double kTicksPerUnit = 1e9;

std::vector<std::uint64_t> increments_ticks() {
  const std::vector<double> units = mdasim::bench::hold_increments();
  std::vector<std::uint64_t> out(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) out[i] = static_cast<std::uint64_t>(std::llround(units[i] * kTicksPerUnit));
  return out;
}

template <class SchedulerType>
void hold_ns3_scheduler(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<std::uint64_t> inc = increments_ticks();
  const ns3::Ptr<ns3::Scheduler> scheduler = ns3::CreateObject<SchedulerType>();
  std::uint32_t uid = 0;
  for (std::size_t i = 0; i < size; ++i) {
    scheduler->Insert(ns3::Scheduler::Event{nullptr, {inc[i % kHoldIncrements], uid++, 0}});
  }
  std::size_t k = size;
  for (auto _ : state) {
    const ns3::Scheduler::Event e = scheduler->RemoveNext();
    scheduler->Insert(ns3::Scheduler::Event{e.impl, {e.key.m_ts + inc[k++ & (kHoldIncrements - 1)], uid++, e.key.m_context}});
  }
  benchmark::DoNotOptimize(scheduler->PeekNext());
  state.SetItemsProcessed(state.iterations());
}

void BM_HoldNs3Map(benchmark::State& state) { hold_ns3_scheduler<ns3::MapScheduler>(state); }
void BM_HoldNs3Heap(benchmark::State& state) { hold_ns3_scheduler<ns3::HeapScheduler>(state); }
void BM_HoldNs3Calendar(benchmark::State& state) { hold_ns3_scheduler<ns3::CalendarScheduler>(state); }
void BM_HoldNs3PriorityQueue(benchmark::State& state) { hold_ns3_scheduler<ns3::PriorityQueueScheduler>(state); }

// The hold loop as an ns-3 model writes it: each event, when it runs, schedules the next one.
class SimulatorHold {
 public:
  explicit SimulatorHold(const std::vector<std::uint64_t>& increments) : inc_(increments) {}

  void schedule_next() {
    ns3::Simulator::Schedule(ns3::NanoSeconds(inc_[k_++ & (kHoldIncrements - 1)]),
                             &SimulatorHold::fire, this);
  }
  void run(std::uint64_t events) {
    stop_at_ = fired_ + events;
    ns3::Simulator::Run();
  }
  [[nodiscard]] std::uint64_t fired() const { return fired_; }

 private:
  void fire() {
    schedule_next();
    if (++fired_ == stop_at_) ns3::Simulator::Stop();
  }

  const std::vector<std::uint64_t>& inc_;
  std::size_t k_ = 0;
  std::uint64_t fired_ = 0;
  std::uint64_t stop_at_ = 0;
};

void BM_HoldNs3Simulator(benchmark::State& state) {
  constexpr std::uint64_t kEventsPerIteration = 1000;
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<std::uint64_t> inc = increments_ticks();
  ns3::Simulator::Destroy();
  ns3::ObjectFactory factory;
  factory.SetTypeId("ns3::MapScheduler");  // ns-3's default, named so that it stays the one measured
  ns3::Simulator::SetScheduler(factory);
  SimulatorHold hold(inc);
  for (std::size_t i = 0; i < size; ++i) hold.schedule_next();
  for (auto _ : state) hold.run(kEventsPerIteration);
  state.SetItemsProcessed(static_cast<std::int64_t>(hold.fired()));
  ns3::Simulator::Destroy();
}

constexpr long kSmallest = mdasim::bench::kHoldSmallest;
constexpr long kLargest = mdasim::bench::kHoldLargest;
BENCHMARK(BM_HoldNs3Map)->RangeMultiplier(10)->Range(kSmallest, kLargest);
BENCHMARK(BM_HoldNs3Heap)->RangeMultiplier(10)->Range(kSmallest, kLargest);
BENCHMARK(BM_HoldNs3Calendar)->RangeMultiplier(10)->Range(kSmallest, kLargest);
BENCHMARK(BM_HoldNs3PriorityQueue)->RangeMultiplier(10)->Range(kSmallest, kLargest);
BENCHMARK(BM_HoldNs3Simulator)->RangeMultiplier(10)->Range(kSmallest, kLargest);

}  // namespace

BENCHMARK_MAIN();

// The event kernel's pending-event set on the classic hold model (pop the earliest event,
// schedule one a random exponential time later, so the set keeps its size), next to a plain
// std::priority_queue loop, at pending-set sizes from 10^3 to 10^6. Both draw the same
// pre-generated increments (hold_model.hpp, shared with bench_ns3_scheduler), so the comparison
// measures only the queues.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <queue>
#include <vector>

#include "core/event_queue.hpp"
#include "hold_model.hpp"

namespace {

using mdasim::bench::hold_increments;
constexpr std::size_t kIncrements = mdasim::bench::kHoldIncrements;

void BM_HoldEventQueue(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<double> inc = hold_increments();
  mdasim::EventQueue q;
  q.reserve(size + 1);
  for (std::size_t i = 0; i < size; ++i) q.push(inc[i % kIncrements], 0, static_cast<std::uint32_t>(i));
  std::size_t k = size;
  for (auto _ : state) {
    const mdasim::Event e = q.pop();
    q.push(e.time_h + inc[k++ & (kIncrements - 1)], e.kind, e.subject);
  }
  benchmark::DoNotOptimize(q.top());
  state.SetItemsProcessed(state.iterations());
}

struct PlainEvent {
  double time_h;
  std::uint64_t sequence;
  std::uint32_t kind;
  std::uint32_t subject;
};
struct Later {
  bool operator()(const PlainEvent& a, const PlainEvent& b) const {
    return a.time_h > b.time_h || (a.time_h == b.time_h && a.sequence > b.sequence);
  }
};

void BM_HoldStdPriorityQueue(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<double> inc = hold_increments();
  std::vector<PlainEvent> storage;
  storage.reserve(size + 1);
  std::priority_queue<PlainEvent, std::vector<PlainEvent>, Later> q(Later{}, std::move(storage));
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < size; ++i) q.push({inc[i % kIncrements], seq++, 0, static_cast<std::uint32_t>(i)});
  std::size_t k = size;
  for (auto _ : state) {
    const PlainEvent e = q.top();
    q.pop();
    q.push({e.time_h + inc[k++ & (kIncrements - 1)], seq++, e.kind, e.subject});
  }
  benchmark::DoNotOptimize(q.top());
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_HoldEventQueue)->RangeMultiplier(10)->Range(mdasim::bench::kHoldSmallest, mdasim::bench::kHoldLargest);
BENCHMARK(BM_HoldStdPriorityQueue)->RangeMultiplier(10)->Range(mdasim::bench::kHoldSmallest, mdasim::bench::kHoldLargest);

}  // namespace

BENCHMARK_MAIN();

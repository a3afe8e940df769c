// The event kernel's pending-event set on the classic hold model (pop the earliest event,
// schedule one a random exponential time later, so the set keeps its size), next to a plain
// std::priority_queue loop, at pending-set sizes from 10^3 to 10^6. Both draw the same
// pre-generated increments, so the comparison measures only the queues.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <queue>
#include <vector>

#include "core/distributions.hpp"
#include "core/event_queue.hpp"

namespace {

std::vector<double> increments(std::size_t n) {
  mdasim::RandomStream rng(1, 0, 0, mdasim::StreamPurpose::kTest);
  std::vector<double> out(n);
  for (double& x : out) x = mdasim::sample_exponential(rng, 1.0);
  return out;
}

constexpr std::size_t kIncrements = 1 << 20;  // reused cyclically

void BM_HoldEventQueue(benchmark::State& state) {
  const auto size = static_cast<std::size_t>(state.range(0));
  const std::vector<double> inc = increments(kIncrements);
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
  const std::vector<double> inc = increments(kIncrements);
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

BENCHMARK(BM_HoldEventQueue)->RangeMultiplier(10)->Range(1000, 1000000);
BENCHMARK(BM_HoldStdPriorityQueue)->RangeMultiplier(10)->Range(1000, 1000000);

}  // namespace

BENCHMARK_MAIN();

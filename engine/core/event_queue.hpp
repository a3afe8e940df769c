// The pending-event set of the discrete-event kernel: a 4-ary min-heap of small plain events in
// one vector (no allocation per event once it has grown, no virtual calls). Order is strict and
// deterministic: time, then the priority of the event's kind, then insertion sequence, so
// simultaneous events are handled the same way on every run and every machine.
// Times are hours from the start of the replication.
#pragma once

#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace mdasim {

struct Event {
  double time_h = 0.0;
  std::uint64_t order = 0;    // (priority << 48) | sequence: ties broken by priority, then FIFO
  std::uint32_t kind = 0;     // what happens: a value of the world's event-kind enumeration
  std::uint32_t subject = 0;  // to whom: an entity index (asset, incident, ...)

  [[nodiscard]] std::uint32_t priority() const { return static_cast<std::uint32_t>(order >> 48); }
};

class EventQueue {
 public:
  static constexpr std::uint32_t kMaxPriority = 0xFFFF;

  void reserve(std::size_t n) { heap_.reserve(n); }
  void clear() {
    heap_.clear();
    sequence_ = 0;
  }
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  [[nodiscard]] const Event& top() const { return heap_.front(); }

  // Schedules an event; `priority` (0 first) orders events at the same time.
  void push(double time_h, std::uint32_t kind, std::uint32_t subject, std::uint32_t priority = 0) {
    Event e{time_h, (static_cast<std::uint64_t>(priority) << 48) | (sequence_++ & kSequenceMask), kind, subject};
    heap_.push_back(e);
    sift_up(heap_.size() - 1);
  }

  // Removes and returns the earliest event.
  Event pop() {
    Event out = heap_.front();
    const Event last = heap_.back();
    heap_.pop_back();
    if (!heap_.empty()) {
      heap_.front() = last;
      sift_down(0);
    }
    return out;
  }

 private:
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << 48) - 1;
  static constexpr std::size_t kArity = 4;

  static bool before(const Event& a, const Event& b) {
    return a.time_h < b.time_h || (a.time_h == b.time_h && a.order < b.order);
  }

  void sift_up(std::size_t i) {
    const Event e = heap_[i];
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!before(e, heap_[parent])) break;
      heap_[i] = heap_[parent];
      i = parent;
    }
    heap_[i] = e;
  }

  void sift_down(std::size_t i) {
    const Event e = heap_[i];
    const std::size_t n = heap_.size();
    for (;;) {
      const std::size_t first = kArity * i + 1;
      if (first >= n) break;
      std::size_t best = first;
      const std::size_t last = std::min(first + kArity, n);
      for (std::size_t c = first + 1; c < last; ++c) {
        if (before(heap_[c], heap_[best])) best = c;
      }
      if (!before(heap_[best], e)) break;
      heap_[i] = heap_[best];
      i = best;
    }
    heap_[i] = e;
  }

  std::vector<Event> heap_;
  std::uint64_t sequence_ = 0;
};

}  // namespace mdasim

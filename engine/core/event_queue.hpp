// The pending-event set of the discrete-event kernel: a radix heap (Ahuja, Mehlhorn, Orlin and
// Tarjan, "Faster algorithms for the shortest path problem", J. ACM 37(2), 1990) over a 128-bit
// key, with a small binary heap beside it for events scheduled before the last one taken out.
//
// Order is strict and deterministic: time, then the priority of the event's kind (0 first), then
// insertion sequence, so simultaneous events are handled the same way on every run and every
// machine. Times are hours from the start of the replication (any double but NaN).
//
// Structure. An event's key is its time mapped to an unsigned 64-bit integer that sorts as the
// double does, followed by its order word (priority << 48 | sequence); keys are unique. `last_` is
// the key of the event last taken from the buckets. An event whose key is above `last_` sits in
// bucket b, the position (0..127) of the highest bit in which its key differs from `last_`: every
// event of bucket b precedes every event of a higher bucket, and a bucket is an unsorted vector.
// Taking the earliest event takes the lowest non-empty bucket, scans it for its earliest event,
// makes that key the new `last_` and files the bucket's other events again relative to it, each
// into a strictly lower bucket. An event pushed with a key below `last_` (at a time already past,
// or now with a more urgent priority than the event being handled) goes to the side heap, whose
// events all precede the buckets'; it stays small, and empty in most runs. A queue of at most
// 64 events is that heap alone (`last_` above every key), where a few sift steps cost less than
// filing into buckets; past 64 its events move to the buckets, and when the buckets are empty
// again the queue is a heap again. Events known in advance can come as one batch (push_batch),
// sorted once and kept apart. All three give the same order: what is kept where is hidden.
//
// Costs. push: one append. pop: amortised, the number of times an event is filed again before it
// is taken, at most 127; on the hold model with n pending events about log2(n)/2 + 1 (5.7 at
// 10^3, 10.7 at 10^6), each a sequential read and an append; plus a bit scan for the lowest
// non-empty bucket and a scan of it for its earliest event. Every memory access is sequential
// (appends at a few bucket ends, scans of one bucket), where a d-ary heap's sift-down is a chain
// of dependent reads that, at 10^6 events, miss the caches at each of its lower levels; so the
// rate falls with n as log n does, not as the caches do. Memory: an emptied bucket keeps room for
// up to kKeptEvents events and frees more, so the buckets hold room for at most 2n + 128
// kKeptEvents events; at 10^6 the peak is about four times a heap's (benchmarks/README.md).
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <span>
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

  // An event to schedule (push_batch): what push() takes.
  struct Scheduled {
    double time_h = 0.0;
    std::uint32_t kind = 0;
    std::uint32_t subject = 0;
    std::uint32_t priority = 0;
  };

  // The buckets grow as they fill and an event visits several of them, so there is nothing
  // useful to size in advance; kept so that callers need not know the structure.
  void reserve(std::size_t /*n*/) {}

  void clear() {
    for (std::vector<Event>& bucket : buckets_) std::vector<Event>{}.swap(bucket);
    occupied_ = {};
    earlier_.clear();
    batch_.clear();
    batch_next_ = 0;
    last_time_key_ = kSmall;
    last_order_ = kSmall;
    has_next_ = false;
    size_ = 0;
    sequence_ = 0;
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  [[nodiscard]] std::size_t size() const { return size_; }

  // The earliest event (the queue must not be empty). Finding it may file events again, which
  // changes where they are kept but not what the queue holds, hence the mutable members.
  [[nodiscard]] const Event& top() const {
    if (batch_due()) return batch_[batch_next_];
    return rest_top();
  }

  // Schedules an event; `priority` (0 first) orders events at the same time.
  void push(double time_h, std::uint32_t kind, std::uint32_t subject, std::uint32_t priority = 0) {
    const Event e = stamp(time_h, kind, subject, priority);
    ++size_;
    const std::uint64_t time_key = time_key_of(time_h);
    if (time_key < last_time_key_ || (time_key == last_time_key_ && e.order < last_order_)) {
      earlier_.push_back(e);
      std::push_heap(earlier_.begin(), earlier_.end(), Later{});
      if (earlier_.size() > kHeapEvents && last_time_key_ == kSmall) spill();
    } else {
      file(e, time_key);
    }
  }

  // Schedules events known in advance, as push() would one after the other in this order (they
  // take the next sequence numbers, and the order of events is the same), but keeps them apart:
  // sorted once, in an array taken in turn with the other events as they come due. For a batch
  // as large as the rest of the pending set or larger (the incidents of a replication, say), one
  // sort replaces their filing and refiling in the buckets, and the buckets stay small.
  void push_batch(std::span<const Scheduled> events) {
    std::vector<Event> batch;
    batch.reserve(events.size() + (batch_.size() - batch_next_));
    for (const Scheduled& s : events) {
      batch.push_back(stamp(s.time_h, s.kind, s.subject, s.priority));
    }
    std::sort(batch.begin(), batch.end(), Earlier{});
    if (batch_next_ < batch_.size()) {  // merge with what is left of the last batch
      const auto middle = static_cast<std::ptrdiff_t>(batch.size());
      batch.insert(batch.end(), batch_.begin() + static_cast<std::ptrdiff_t>(batch_next_), batch_.end());
      std::inplace_merge(batch.begin(), batch.begin() + middle, batch.end(), Earlier{});
    }
    batch_.swap(batch);
    batch_next_ = 0;
    size_ += events.size();
  }

  // Removes and returns the earliest event (the queue must not be empty).
  Event pop() {
    if (batch_due()) {
      --size_;
      return batch_[batch_next_++];
    }
    --size_;
    if (!earlier_.empty()) {
      std::pop_heap(earlier_.begin(), earlier_.end(), Later{});
      const Event e = earlier_.back();
      earlier_.pop_back();
      return e;
    }
    settle();
    has_next_ = false;
    if (occupied_[0] == 0 && occupied_[1] == 0) {  // the buckets are empty: back to the heap alone
      last_time_key_ = kSmall;
      last_order_ = kSmall;
    }
    return next_;
  }

 private:
  static constexpr std::uint64_t kSequenceMask = (std::uint64_t{1} << 48) - 1;
  static constexpr unsigned kBuckets = 128;
  static constexpr std::size_t kKeptEvents = 1024;  // room an emptied bucket keeps (24 KiB)

  static bool before(const Event& a, const Event& b) {
    return a.time_h < b.time_h || (a.time_h == b.time_h && a.order < b.order);
  }
  struct Later {
    bool operator()(const Event& a, const Event& b) const { return before(b, a); }
  };
  struct Earlier {
    bool operator()(const Event& a, const Event& b) const { return before(a, b); }
  };

  // The event as scheduled now: its order word takes the next sequence number.
  Event stamp(double time_h, std::uint32_t kind, std::uint32_t subject, std::uint32_t priority) {
    return {time_h, (static_cast<std::uint64_t>(priority) << 48) | (sequence_++ & kSequenceMask), kind, subject};
  }

  // A small queue is a binary heap alone: with last_ at kSmall (above every key), every event
  // pushed goes to earlier_. Past kHeapEvents events the heap's events move to the buckets, from
  // its earliest as last_; when the buckets are empty again, the queue is a heap again.
  static constexpr std::uint64_t kSmall = ~std::uint64_t{0};
  static constexpr std::size_t kHeapEvents = 64;

  void spill() {
    last_time_key_ = time_key_of(earlier_.front().time_h);
    last_order_ = earlier_.front().order;
    for (const Event& e : earlier_) file(e, time_key_of(e.time_h));
    earlier_.clear();
  }

  // Whether the batch's next event is the queue's earliest.
  [[nodiscard]] bool batch_due() const {
    if (batch_next_ == batch_.size()) return false;
    return size_ == batch_.size() - batch_next_ || before(batch_[batch_next_], rest_top());
  }

  // The earliest event outside the batch (there must be one).
  [[nodiscard]] const Event& rest_top() const {
    if (!earlier_.empty()) return earlier_.front();
    settle();
    return next_;
  }

  // The time as an unsigned integer in the double's order: positives get the sign bit set,
  // negatives are inverted; -0.0 becomes +0.0 first, since the two compare equal.
  static std::uint64_t time_key_of(double time_h) {
    const auto bits = std::bit_cast<std::uint64_t>(time_h + 0.0);
    return (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
  }

  // Files an event whose key is not below last_ into its bucket.
  void file(const Event& e, std::uint64_t time_key) const {
    const std::uint64_t time_bits = time_key ^ last_time_key_;
    const std::uint64_t order_bits = e.order ^ last_order_;
    unsigned b = 0;  // bit 0, or a key equal to last_ (which unique keys and times not NaN rule out)
    if (time_bits != 0) {
      b = 64u + 63u - static_cast<unsigned>(std::countl_zero(time_bits));
    } else if (order_bits != 0) {
      b = 63u - static_cast<unsigned>(std::countl_zero(order_bits));
    }
    buckets_[b].push_back(e);
    occupied_[b >> 6] |= std::uint64_t{1} << (b & 63u);
  }

  // Makes next_ the buckets' earliest event, unless it already is or the buckets are empty.
  void settle() const {
    if (has_next_) return;
    unsigned b = 0;
    if (occupied_[0] != 0) {
      b = static_cast<unsigned>(std::countr_zero(occupied_[0]));
    } else if (occupied_[1] != 0) {
      b = 64u + static_cast<unsigned>(std::countr_zero(occupied_[1]));
    } else {
      return;
    }
    std::vector<Event> filing;  // the bucket's events, taken out so that bucket b starts empty
    filing.swap(buckets_[b]);
    occupied_[b >> 6] &= ~(std::uint64_t{1} << (b & 63u));
    std::size_t earliest = 0;
    for (std::size_t i = 1; i < filing.size(); ++i) {
      if (before(filing[i], filing[earliest])) earliest = i;
    }
    next_ = filing[earliest];
    has_next_ = true;
    last_time_key_ = time_key_of(next_.time_h);
    last_order_ = next_.order;
    filing[earliest] = filing.back();
    filing.pop_back();
    for (const Event& e : filing) file(e, time_key_of(e.time_h));  // each to a bucket below b
    filing.clear();
    if (buckets_[b].empty() && filing.capacity() <= kKeptEvents) filing.swap(buckets_[b]);  // keep its room
  }

  // Events whose key is above last_, by bucket, and which buckets hold any (bit b of word b / 64).
  mutable std::array<std::vector<Event>, kBuckets> buckets_;
  mutable std::array<std::uint64_t, 2> occupied_{};
  mutable std::uint64_t last_time_key_ = kSmall;  // the key of the event last taken from the buckets
  mutable std::uint64_t last_order_ = kSmall;
  mutable Event next_;  // when has_next_: the buckets' earliest event, already taken out of them
  mutable bool has_next_ = false;
  std::vector<Event> earlier_;  // min-heap of the events pushed with a key below last_
  std::vector<Event> batch_;    // push_batch's events, sorted; [batch_next_, end) still pending
  std::size_t batch_next_ = 0;
  std::size_t size_ = 0;
  std::uint64_t sequence_ = 0;
};

}  // namespace mdasim

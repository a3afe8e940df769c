// The event queue's strict order: time, then kind priority, then insertion; and agreement with a
// sorted reference on a long random sequence of pushes and pops, and with an ordered set on random
// operation sequences that reach every path of the structure (ties, the past, bursts, top, clear).
#include "core/event_queue.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "core/random_stream.hpp"

namespace mdasim {
namespace {

TEST(EventQueue, EarliestFirst) {
  EventQueue q;
  q.push(5.0, 1, 10);
  q.push(1.0, 1, 11);
  q.push(3.0, 1, 12);
  EXPECT_EQ(q.pop().subject, 11u);
  EXPECT_EQ(q.pop().subject, 12u);
  EXPECT_EQ(q.pop().subject, 10u);
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, TiesByPriorityThenInsertion) {
  EventQueue q;
  q.push(2.0, 7, 1, /*priority=*/3);
  q.push(2.0, 7, 2, 1);
  q.push(2.0, 7, 3, 3);
  q.push(2.0, 7, 4, 1);
  q.push(1.0, 7, 5, 9);
  const std::uint32_t expected[] = {5, 2, 4, 1, 3};
  for (std::uint32_t s : expected) {
    const Event e = q.pop();
    EXPECT_EQ(e.subject, s);
  }
}

// A batch's events take the sequence numbers that pushing them one by one would, and so their
// turn among the others: at t = 1, priority 0 first (subjects 0, 3, 4 by sequence), then 2.
TEST(EventQueue, BatchTakesItsTurnBySequence) {
  EventQueue q;
  q.push(1.0, 7, 0);
  const std::vector<EventQueue::Scheduled> batch{{2.0, 7, 1, 0}, {1.0, 7, 2, 1}, {1.0, 7, 3, 0}};
  q.push_batch(batch);
  q.push(1.0, 7, 4);
  EXPECT_EQ(q.size(), 5u);
  EXPECT_EQ(q.top().subject, 0u);
  std::vector<std::uint32_t> order;
  while (!q.empty()) order.push_back(q.pop().subject);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 3, 4, 2, 1}));
  // A second batch while the first is pending is merged with it; time 0.5 is before them all.
  q.push_batch(batch);
  q.pop();  // subject 3 (t = 1, priority 0)
  const std::vector<EventQueue::Scheduled> second{{0.5, 7, 5, 0}, {1.0, 7, 6, 0}};
  q.push_batch(second);
  order.clear();
  while (!q.empty()) order.push_back(q.pop().subject);
  EXPECT_EQ(order, (std::vector<std::uint32_t>{5, 6, 2, 1}));
}

TEST(EventQueue, AgreesWithASortedReferenceUnderInterleavedPushAndPop) {
  EventQueue q;
  RandomStream rng(1, 0, 0, StreamPurpose::kTest);
  std::vector<std::tuple<double, std::uint32_t, std::uint64_t, std::uint32_t>> reference;  // time, prio, seq, subject
  std::uint64_t seq = 0;
  double now = 0.0;
  for (int step = 0; step < 200000; ++step) {
    if (reference.empty() || rng.uniform() < 0.55) {
      // Coarse times make ties common.
      const double t = now + static_cast<double>(rng.below(20));
      const auto prio = static_cast<std::uint32_t>(rng.below(3));
      q.push(t, 0, static_cast<std::uint32_t>(step), prio);
      reference.emplace_back(t, prio, seq++, static_cast<std::uint32_t>(step));
    } else {
      const auto it = std::min_element(reference.begin(), reference.end());
      const Event e = q.pop();
      ASSERT_EQ(e.time_h, std::get<0>(*it));
      ASSERT_EQ(e.subject, std::get<3>(*it));
      now = e.time_h;
      reference.erase(it);
    }
    if (reference.size() > 300) {
      // Keep the reference small so the linear scan stays cheap.
      while (reference.size() > 100) {
        const auto it = std::min_element(reference.begin(), reference.end());
        ASSERT_EQ(q.pop().subject, std::get<3>(*it));
        reference.erase(it);
      }
    }
  }
  EXPECT_EQ(q.size(), reference.size());
}

// One random operation sequence against std::set ordered by (time, priority, sequence). Times
// come from regimes that stress different parts of the queue: whole hours ahead (equal times
// are common), continuous times ahead, exactly now, the past (before the last event taken out),
// negative times and both zeros, and very large or infinite times; priorities are mostly 0 to 3
// and sometimes the largest. Bursts of pushes, one by one or in batches, grow the queue to
// thousands of events; top() is called between operations, and clear() now and then.
void check_against_ordered_set(std::uint64_t substream, int steps) {
  using Reference = std::tuple<double, std::uint32_t, std::uint64_t, std::uint32_t, std::uint32_t>;  // time, priority, seq, kind, subject
  std::set<Reference> reference;
  EventQueue q;
  RandomStream rng(7, 0, 0, StreamPurpose::kTest, substream);
  std::uint64_t seq = 0;
  double now_h = 0.0;
  const auto draw_time = [&]() -> double {
    switch (rng.below(10)) {
      case 0: return now_h;
      case 1: return now_h - static_cast<double>(rng.below(5));
      case 2: return rng.below(2) == 0 ? -0.0 : 0.0;
      case 3: return -static_cast<double>(rng.below(1000)) * 0.25;
      case 4: return rng.below(50) == 0 ? std::numeric_limits<double>::infinity() : 1e300 * rng.uniform();
      case 5:
      case 6: return now_h + static_cast<double>(rng.below(4));
      default: return now_h + -std::log(rng.uniform_open());
    }
  };
  const auto push_one = [&]() {
    const double t = draw_time();
    const auto priority = static_cast<std::uint32_t>(rng.below(8) == 0 ? EventQueue::kMaxPriority : rng.below(4));
    const auto kind = static_cast<std::uint32_t>(rng.below(10));
    const auto subject = static_cast<std::uint32_t>(rng.below(1u << 20));
    q.push(t, kind, subject, priority);
    reference.emplace(t, priority, seq++, kind, subject);
  };
  // A batch (EventQueue::push_batch) takes the sequence numbers that pushing its events one by
  // one would; it may come while an earlier batch is still pending (the two are merged).
  std::vector<EventQueue::Scheduled> batch;
  const auto push_batch = [&](std::uint64_t n) {
    batch.clear();
    for (std::uint64_t i = 0; i < n; ++i) {
      const double t = draw_time();
      const auto priority = static_cast<std::uint32_t>(rng.below(8) == 0 ? EventQueue::kMaxPriority : rng.below(4));
      const auto kind = static_cast<std::uint32_t>(rng.below(10));
      const auto subject = static_cast<std::uint32_t>(rng.below(1u << 20));
      batch.push_back({t, kind, subject, priority});
      reference.emplace(t, priority, seq++, kind, subject);
    }
    q.push_batch(batch);
  };
  const auto expect_same = [&](const Event& e, const Reference& r) {
    ASSERT_EQ(std::bit_cast<std::uint64_t>(e.time_h), std::bit_cast<std::uint64_t>(std::get<0>(r)));
    ASSERT_EQ(e.priority(), std::get<1>(r));
    ASSERT_EQ(e.order & ((std::uint64_t{1} << 48) - 1), std::get<2>(r));
    ASSERT_EQ(e.kind, std::get<3>(r));
    ASSERT_EQ(e.subject, std::get<4>(r));
  };
  const auto pop_one = [&]() {
    if (reference.empty()) return;
    const Event e = q.pop();
    ASSERT_NO_FATAL_FAILURE(expect_same(e, *reference.begin()));
    reference.erase(reference.begin());
    if (std::isfinite(e.time_h) && e.time_h < 1e6) now_h = e.time_h;
  };
  std::size_t largest = 0;
  for (int step = 0; step < steps; ++step) {
    const std::uint64_t op = rng.below(1000);
    if (op < 400) {
      push_one();
    } else if (op < 401) {
      for (std::uint64_t i = 0, n = 100 + rng.below(3000); i < n; ++i) push_one();
    } else if (op < 403) {
      push_batch(rng.below(2) == 0 ? rng.below(4) : 100 + rng.below(3000));
    } else if (op < 881) {
      ASSERT_NO_FATAL_FAILURE(pop_one());
    } else if (op < 882) {
      for (std::uint64_t i = 0, n = 100 + rng.below(3000); i < n && !reference.empty(); ++i) ASSERT_NO_FATAL_FAILURE(pop_one());
    } else if (op < 999) {
      if (reference.empty()) continue;
      ASSERT_NO_FATAL_FAILURE(expect_same(q.top(), *reference.begin()));
    } else if (rng.below(10) == 0) {
      q.clear();
      reference.clear();
      seq = 0;
      now_h = 0.0;
    }
    ASSERT_EQ(q.size(), reference.size());
    ASSERT_EQ(q.empty(), reference.empty());
    largest = std::max(largest, reference.size());
  }
  EXPECT_GT(largest, 1000u);  // the bursts did grow the queue
  while (!reference.empty()) {
    ASSERT_NO_FATAL_FAILURE(expect_same(q.pop(), *reference.begin()));
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(q.empty());
}

TEST(EventQueue, MatchesAnOrderedSetOnRandomOperationSequences) {
  for (std::uint64_t substream = 0; substream < 8; ++substream) {
    SCOPED_TRACE(substream);
    check_against_ordered_set(substream, 60000);
  }
}

// The hold model at a size where most events go through many buckets: the queue pops exactly
// what an ordered set does.
TEST(EventQueue, HoldModelMatchesAnOrderedSet) {
  EventQueue q;
  std::set<std::tuple<double, std::uint64_t, std::uint32_t>> reference;  // time, seq, subject
  RandomStream rng(3, 0, 0, StreamPurpose::kTest);
  std::uint64_t seq = 0;
  for (std::uint32_t i = 0; i < 20000; ++i) {
    const double t = -std::log(rng.uniform_open());
    q.push(t, 0, i);
    reference.emplace(t, seq++, i);
  }
  for (int step = 0; step < 200000; ++step) {
    const Event e = q.pop();
    ASSERT_EQ(e.time_h, std::get<0>(*reference.begin()));
    ASSERT_EQ(e.subject, std::get<2>(*reference.begin()));
    reference.erase(reference.begin());
    const double t = e.time_h + -std::log(rng.uniform_open());
    q.push(t, 0, e.subject);
    reference.emplace(t, seq++, e.subject);
  }
  EXPECT_EQ(q.size(), reference.size());
}

TEST(EventQueue, EventIsSmallAndPlain) {
  static_assert(std::is_trivially_copyable_v<Event>);
  EXPECT_EQ(sizeof(Event), 24u);
}

}  // namespace
}  // namespace mdasim

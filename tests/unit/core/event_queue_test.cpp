// The event queue's strict order: time, then kind priority, then insertion; and agreement with a
// sorted reference on a long random sequence of pushes and pops.
#include "core/event_queue.hpp"

#include <algorithm>
#include <tuple>

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

TEST(EventQueue, EventIsSmallAndPlain) {
  static_assert(std::is_trivially_copyable_v<Event>);
  EXPECT_EQ(sizeof(Event), 24u);
}

}  // namespace
}  // namespace mdasim

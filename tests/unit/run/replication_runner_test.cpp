// The replication runner: results in index order and identical for any thread count; errors in
// a replication reach the caller.
#include "run/replication_runner.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "core/distributions.hpp"

namespace mdasim {
namespace {

// A stand-in replication: a sum of exponential draws from the replication's own stream.
double replicate(std::size_t r) {
  RandomStream rng(77, 0, r, StreamPurpose::kIncidents);
  double sum = 0.0;
  const auto n = 1000 + rng.below(1000);
  for (std::uint64_t i = 0; i < n; ++i) sum += sample_exponential(rng, 2.0);
  return sum;
}

TEST(ReplicationRunner, SameResultsForAnyThreadCount) {
  const auto one = run_replications<double>(64, 1, replicate);
  const auto two = run_replications<double>(64, 2, replicate);
  const auto eight = run_replications<double>(64, 8, replicate);
  ASSERT_EQ(one.size(), 64u);
  for (std::size_t i = 0; i < one.size(); ++i) {
    EXPECT_EQ(one[i], two[i]);  // bit for bit
    EXPECT_EQ(one[i], eight[i]);
    EXPECT_EQ(one[i], replicate(i));
  }
}

TEST(ReplicationRunner, ReportsProgressAndFinishes) {
  std::size_t last_done = 0;
  std::size_t total_seen = 0;
  const auto results = run_replications<double>(
      10, 2, replicate, [&](std::size_t done, std::size_t total) {
        EXPECT_GE(done, last_done);
        last_done = done;
        total_seen = total;
      });
  EXPECT_EQ(results.size(), 10u);
  EXPECT_EQ(last_done, 10u);
  EXPECT_EQ(total_seen, 10u);
}

TEST(ReplicationRunner, AnErrorReachesTheCaller) {
  EXPECT_THROW((run_replications<int>(20, 2,
                                      [](std::size_t r) -> int {
                                        if (r == 13) throw std::runtime_error("replication 13 failed");
                                        return static_cast<int>(r);
                                      })),
               std::runtime_error);
}

TEST(ReplicationRunner, NoReplications) {
  EXPECT_TRUE((run_replications<int>(0, 4, [](std::size_t) { return 1; })).empty());
}

}  // namespace
}  // namespace mdasim

// Random streams: reproducible from their keys, different for different keys, uniform, and
// unbiased in bounded draws.
#include "core/random_stream.hpp"

#include <array>
#include <cmath>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(RandomStream, ReproducibleFromItsKeys) {
  RandomStream a(42, 0, 7, StreamPurpose::kIncidents);
  RandomStream b(42, 0, 7, StreamPurpose::kIncidents);
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(a.next_u64(), b.next_u64());
}

TEST(RandomStream, IsPhilox4x64WithTheDocumentedKeyLayout) {
  // Random123's known-answer vector for Philox4x64-10 with counter 0 and key 0 (kat_vectors):
  // 16554d9eca36314c db20fe9d672d0fdc d7e772cee186176b 7e68b68aec7ba23b. Key (seed, variant),
  // counter (replication, purpose, substream, block) all zero gives exactly that block.
  RandomStream s(0, 0, 0, static_cast<StreamPurpose>(0), 0);
  EXPECT_EQ(s.next_u64(), 0x16554d9eca36314cull);
  EXPECT_EQ(s.next_u64(), 0xdb20fe9d672d0fdcull);
  EXPECT_EQ(s.next_u64(), 0xd7e772cee186176bull);
  EXPECT_EQ(s.next_u64(), 0x7e68b68aec7ba23bull);
  // The fifth number comes from the next block (counter word 3 = 1), not a repeat.
  EXPECT_NE(s.next_u64(), 0x16554d9eca36314cull);
}

TEST(RandomStream, DifferentKeysGiveDifferentStreams) {
  const std::array<RandomStream, 5> streams{
      RandomStream(1, 0, 0, StreamPurpose::kIncidents), RandomStream(2, 0, 0, StreamPurpose::kIncidents),
      RandomStream(1, 1, 0, StreamPurpose::kIncidents), RandomStream(1, 0, 1, StreamPurpose::kIncidents),
      RandomStream(1, 0, 0, StreamPurpose::kAssets)};
  std::array<std::uint64_t, 5> firsts{};
  for (std::size_t i = 0; i < streams.size(); ++i) {
    RandomStream copy = streams[i];
    firsts[i] = copy.next_u64();
  }
  for (std::size_t i = 0; i < firsts.size(); ++i) {
    for (std::size_t j = i + 1; j < firsts.size(); ++j) EXPECT_NE(firsts[i], firsts[j]);
  }
  RandomStream s0(1, 0, 0, StreamPurpose::kAssets, 0);
  RandomStream s1(1, 0, 0, StreamPurpose::kAssets, 1);
  EXPECT_NE(s0.next_u64(), s1.next_u64());
}

TEST(RandomStream, UniformMeanVarianceAndChiSquare) {
  RandomStream s(3, 0, 0, StreamPurpose::kTest);
  constexpr int kN = 400000;
  constexpr int kBins = 100;
  std::array<int, kBins> counts{};
  double sum = 0.0;
  double sum2 = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double u = s.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum2 += u * u;
    ++counts[static_cast<std::size_t>(u * kBins)];
  }
  const double mean = sum / kN;
  const double var = sum2 / kN - mean * mean;
  EXPECT_NEAR(mean, 0.5, 5.0 * std::sqrt(1.0 / 12.0 / kN));
  EXPECT_NEAR(var, 1.0 / 12.0, 0.001);
  double chi2 = 0.0;
  const double expected = static_cast<double>(kN) / kBins;
  for (int c : counts) chi2 += (c - expected) * (c - expected) / expected;
  // 99 degrees of freedom: the 99.9th percentile is 148.2.
  EXPECT_LT(chi2, 148.2);
}

TEST(RandomStream, StreamsOfNeighbouringReplicationsAreUncorrelated) {
  RandomStream a(5, 0, 10, StreamPurpose::kIncidents);
  RandomStream b(5, 0, 11, StreamPurpose::kIncidents);
  constexpr int kN = 200000;
  double sab = 0.0, sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0;
  for (int i = 0; i < kN; ++i) {
    const double x = a.uniform();
    const double y = b.uniform();
    sa += x;
    sb += y;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  const double cov = sab / kN - (sa / kN) * (sb / kN);
  const double r = cov / std::sqrt((saa / kN - (sa / kN) * (sa / kN)) * (sbb / kN - (sb / kN) * (sb / kN)));
  EXPECT_LT(std::abs(r), 5.0 / std::sqrt(kN));  // five standard errors
}

TEST(RandomStream, BoundedDrawsAreUnbiased) {
  RandomStream s(9, 0, 0, StreamPurpose::kTest);
  constexpr int kN = 300000;
  std::array<int, 3> counts{};
  for (int i = 0; i < kN; ++i) ++counts[s.below(3)];
  for (int c : counts) EXPECT_NEAR(c, kN / 3.0, 5.0 * std::sqrt(kN * (1.0 / 3) * (2.0 / 3)));
  EXPECT_EQ(s.below(1), 0u);
}

TEST(RandomStream, OpenUniformIsNeverZero) {
  RandomStream s(11, 0, 0, StreamPurpose::kTest);
  for (int i = 0; i < 100000; ++i) {
    const double u = s.uniform_open();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
  }
}

}  // namespace
}  // namespace mdasim

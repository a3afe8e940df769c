// Nice tick values: Heckbert's 1-2-5 steps worked by hand, ticks inside the range, labels with
// just enough decimals.
#include "render/ticks.hpp"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

void expect_ticks(const Ticks& t, const std::vector<double>& expected) {
  ASSERT_EQ(t.values.size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_NEAR(t.values[i], expected[i], 1e-9) << i;
}

TEST(Ticks, NiceNumbersByHand) {
  EXPECT_DOUBLE_EQ(nice_number(16.8, true), 20.0);   // 1.68 -> 2
  EXPECT_DOUBLE_EQ(nice_number(8.29, true), 10.0);   // 8.29 >= 7 -> 10
  EXPECT_DOUBLE_EQ(nice_number(3.2, true), 5.0);     // 3 <= 3.2 < 7 -> 5
  EXPECT_DOUBLE_EQ(nice_number(1.4, true), 1.0);     // < 1.5 -> 1
  EXPECT_NEAR(nice_number(0.012, true), 0.01, 1e-15);
  EXPECT_DOUBLE_EQ(nice_number(1.2, false), 2.0);    // smallest of 1, 2, 5, 10 not below
  EXPECT_DOUBLE_EQ(nice_number(5.0, false), 5.0);
  EXPECT_DOUBLE_EQ(nice_number(5.1, false), 10.0);
  EXPECT_EQ(nice_number(0.0, true), 0.0);
  EXPECT_EQ(nice_number(-1.0, true), 0.0);
  EXPECT_EQ(nice_number(std::numeric_limits<double>::infinity(), true), 0.0);
}

TEST(Ticks, FractionRange) {
  const Ticks t = nice_ticks(0.0, 1.0, 6);  // (1 - 0) / 5 = 0.2
  EXPECT_NEAR(t.step, 0.2, 1e-15);
  EXPECT_EQ(t.decimals, 1);
  expect_ticks(t, {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
}

TEST(Ticks, InsideADataRange) {
  const Ticks t = nice_ticks(1.098, 85.02, 6);  // 83.9 / 5 = 16.8 -> 20; 20..80 inside
  EXPECT_DOUBLE_EQ(t.step, 20.0);
  EXPECT_EQ(t.decimals, 0);
  expect_ticks(t, {20.0, 40.0, 60.0, 80.0});
  expect_ticks(nice_ticks(-12.0, 25.0, 6), {-10.0, 0.0, 10.0, 20.0});  // 37 / 5 = 7.4 -> 10
}

TEST(Ticks, NarrowRangeKeepsTheEnds) {
  const Ticks t = nice_ticks(3.12, 3.18, 6);  // 0.012 -> 0.01; the ends within a millionth of a step count
  EXPECT_EQ(t.decimals, 2);
  expect_ticks(t, {3.12, 3.13, 3.14, 3.15, 3.16, 3.17, 3.18});
}

TEST(Ticks, AtLeastTwoTicks) {
  const Ticks t = nice_ticks(0.37, 0.41, 2);  // 0.05 fits once; 0.02 fits twice
  EXPECT_NEAR(t.step, 0.02, 1e-15);
  expect_ticks(t, {0.38, 0.40});
  EXPECT_EQ(t.decimals, 2);
}

TEST(Ticks, DegenerateRanges) {
  expect_ticks(nice_ticks(5.0, 5.0, 6), {5.0});
  expect_ticks(nice_ticks(5.0, 1.0, 6), {5.0});
  EXPECT_TRUE(nice_ticks(std::numeric_limits<double>::quiet_NaN(), 1.0, 6).values.empty());
}

TEST(Ticks, Labels) {
  EXPECT_EQ(format_tick(40.0, 0), "40");
  EXPECT_EQ(format_tick(0.25, 2), "0.25");
  EXPECT_EQ(format_tick(0.6000000000000001, 1), "0.6");
  EXPECT_EQ(format_tick(-0.0001, 2), "0.00");  // never "-0.00"
  EXPECT_EQ(format_tick(-0.0, 0), "0");
  EXPECT_EQ(format_tick(-5.0, 0), "-5");
}

}  // namespace
}  // namespace mdasim

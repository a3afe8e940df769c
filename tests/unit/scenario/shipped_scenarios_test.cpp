// Every scenario and option shipped under scenarios/ loads without errors or warnings.
#include <filesystem>

#include <gtest/gtest.h>

#include "rule_check.hpp"
#include "scenario/load.hpp"
#include "test_paths.hpp"

namespace mdasim {
namespace {

TEST(ShippedScenarios, AllValidateCleanly) {
  int count = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::source_path("scenarios"))) {
    if (!entry.is_regular_file() || entry.path().extension() != ".yaml") continue;
    SCOPED_TRACE(entry.path().string());
    Diagnostics d;
    EXPECT_TRUE(load_scenario(entry.path().string(), d).has_value()) << test::printed(d);
    EXPECT_EQ(d.warning_count(), 0u) << test::printed(d);
    ++count;
  }
  EXPECT_GE(count, 1);
}

TEST(ShippedScenarios, BaselineHasTheRegionOfTheBrief) {
  Diagnostics d;
  const auto s = load_scenario(test::source_path("scenarios/asean-baseline.yaml"), d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  EXPECT_EQ(s->name, "asean-baseline");
  EXPECT_DOUBLE_EQ(s->region.lon_min_deg, 90.0);
  EXPECT_DOUBLE_EQ(s->region.lon_max_deg, 135.0);
  EXPECT_DOUBLE_EQ(s->region.lat_min_deg, -12.0);
  EXPECT_DOUBLE_EQ(s->region.lat_max_deg, 25.0);
  EXPECT_GE(s->states.size(), 9u);
  EXPECT_GE(s->bases.size(), 30u);
}

}  // namespace
}  // namespace mdasim

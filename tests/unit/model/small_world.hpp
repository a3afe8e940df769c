// The small two-state world of tests/data/valid/sar/small-sar.yaml and its geography, loaded
// once and shared read-only by the tests of the SAR model, its fields and its maps.
#pragma once

#include <memory>

#include <gtest/gtest.h>

#include "geo/geography.hpp"
#include "scenario/load.hpp"
#include "../scenario/test_paths.hpp"

namespace mdasim::test {

struct SmallWorld {
  Scenario scenario;
  Geography geography;
};

inline const SmallWorld& small_world() {
  static const std::unique_ptr<SmallWorld> built = [] {
    Diagnostics d;
    auto s = load_scenario(data_path("valid/sar/small-sar.yaml"), d);
    EXPECT_TRUE(s.has_value()) << "small-sar.yaml does not load";
    auto g = build_geography(*s, d);
    EXPECT_TRUE(g.has_value());
    return std::make_unique<SmallWorld>(SmallWorld{std::move(*s), std::move(*g)});
  }();
  return *built;
}

}  // namespace mdasim::test

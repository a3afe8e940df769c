// The shipped baseline's geography, built once and shared by the tests that check real coasts.
#pragma once

#include <memory>

#include <gtest/gtest.h>

#include "geo/geography.hpp"
#include "scenario/load.hpp"
#include "../scenario/test_paths.hpp"

namespace mdasim::test {

struct BaselineGeography {
  Scenario scenario;
  Geography geography;
};

// Built on first use and shared, read-only, by every test in the binary; null if it failed.
inline const BaselineGeography* baseline_geography() {
  static const std::unique_ptr<BaselineGeography> built = [] {
    Diagnostics d;
    auto s = load_scenario(source_path("scenarios/asean-baseline.yaml"), d);
    if (!s) return std::unique_ptr<BaselineGeography>();
    auto g = build_geography(*s, d);
    if (!g) return std::unique_ptr<BaselineGeography>();
    return std::make_unique<BaselineGeography>(BaselineGeography{std::move(*s), std::move(*g)});
  }();
  return built.get();
}

}  // namespace mdasim::test

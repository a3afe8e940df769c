// Runs a check that needs the geography (reach, foreign coasts) on scenario text read as if it
// were the file `path` (relative geodata paths resolve beside it), and returns what it reported,
// printed. The scenario and its geography must load without error.
#pragma once

#include <string>

#include <gtest/gtest.h>

#include "geo/geography.hpp"
#include "scenario/load.hpp"
#include "../scenario/rule_check.hpp"

namespace mdasim::test {

template <typename Check>
std::string geography_check_output(const std::string& text, const std::string& path, Check check) {
  Diagnostics d;
  const auto s = load_scenario_text(text, path, d);
  EXPECT_TRUE(s.has_value()) << printed(d);
  if (!s) return "";
  const auto g = build_geography(*s, d);
  EXPECT_TRUE(g.has_value()) << printed(d);
  if (!g) return "";
  Diagnostics found;
  check(*s, *g, found);
  EXPECT_EQ(found.error_count(), 0u);
  return printed(found);
}

}  // namespace mdasim::test

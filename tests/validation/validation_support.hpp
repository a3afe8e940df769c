// What the validation cases share: loading a case's scenario from tests/validation/scenarios/
// with its geography, as `mdasim run` does (errors fail the test).
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <utility>

#include <gtest/gtest.h>

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "scenario/load.hpp"

namespace mdasim::validation {

struct Case {
  Scenario scenario;
  Geography geography;
};

inline std::optional<Case> load_case(const std::string& file) {
  const std::string path = std::string(MDASIM_SOURCE_DIR) + "/tests/validation/scenarios/" + file;
  Diagnostics diagnostics;
  std::optional<Scenario> scenario = load_scenario(path, diagnostics);
  std::optional<Geography> geography;
  if (scenario) geography = build_geography(*scenario, diagnostics);
  if (!scenario || !geography || diagnostics.warning_count() > 0) {
    std::ostringstream out;
    diagnostics.print(out);
    ADD_FAILURE() << path << " does not load cleanly:\n" << out.str();
    return std::nullopt;
  }
  return Case{std::move(*scenario), std::move(*geography)};
}

}  // namespace mdasim::validation

// The shipped baseline scenario and its geography, loaded and built once per benchmark program
// (outside every timed loop).
// A benchmark cannot run without it: a load error is printed and the program aborts.
#pragma once

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "scenario/load.hpp"

namespace mdasim::bench {

inline const Scenario& baseline() {
  static const Scenario scenario = [] {
    const std::string path = std::string(MDASIM_SOURCE_DIR) + "/scenarios/asean-baseline.yaml";
    Diagnostics diagnostics;
    std::optional<Scenario> s = load_scenario(path, diagnostics);
    if (!s) {
      diagnostics.print(std::cerr);
      std::abort();
    }
    return std::move(*s);
  }();
  return scenario;
}

inline const Geography& baseline_geography() {
  static const Geography geography = [] {
    Diagnostics diagnostics;
    std::optional<Geography> geo = build_geography(baseline(), diagnostics);
    if (!geo) {
      diagnostics.print(std::cerr);
      std::abort();
    }
    return std::move(*geo);
  }();
  return geography;
}

}  // namespace mdasim::bench

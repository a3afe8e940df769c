// A number for the JSON outputs: finite values as they are, NaN and infinities as null (JSON has
// no literal for them), so that a measure without a value reads as missing, not as a string.
#pragma once

#include <cmath>

#include <nlohmann/json.hpp>

namespace mdasim {

[[nodiscard]] inline nlohmann::ordered_json json_number(double value) {
  if (!std::isfinite(value)) return nullptr;
  return value;
}

}  // namespace mdasim

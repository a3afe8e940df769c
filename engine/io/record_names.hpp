// The names that tables of results print for the indices that records hold: an entity's name
// and a state's code ("" for no index), shared by the results-file writers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.hpp"

namespace mdasim {

[[nodiscard]] inline std::string str(std::string_view s) { return std::string(s); }

// The name of entities[index], or "" when the index is none or out of range.
template <typename Entity>
[[nodiscard]] std::string name_at(const std::vector<Entity>& entities, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= entities.size()) return "";
  return entities[static_cast<std::size_t>(index)].name;
}

// The ISO code of state `index`, or "".
[[nodiscard]] inline std::string state_code(const Scenario& scenario, int index) {
  if (index < 0 || static_cast<std::size_t>(index) >= scenario.states.size()) return "";
  return scenario.states[static_cast<std::size_t>(index)].code;
}

[[nodiscard]] inline std::int64_t as_int64(std::uint64_t value) { return static_cast<std::int64_t>(value); }

}  // namespace mdasim

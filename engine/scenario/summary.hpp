// A planner-readable summary of a loaded scenario: what `mdasim validate` prints.
#pragma once

#include <iosfwd>
#include <string>

#include "scenario/scenario.hpp"

namespace mdasim {

void print_summary(const Scenario& scenario, std::ostream& out);

// `value` with exactly `decimals` decimals, as the summary's tables print numbers.
[[nodiscard]] std::string fixed_decimals(double value, int decimals);

}  // namespace mdasim

// A planner-readable summary of a loaded scenario: what `mdasim validate` prints.
#pragma once

#include <iosfwd>

#include "scenario/scenario.hpp"

namespace mdasim {

void print_summary(const Scenario& scenario, std::ostream& out);

}  // namespace mdasim

// The geography part of `mdasim validate`'s summary: land, grid, sea cells, lanes, and how many
// sea cells each state is responsible for.
#pragma once

#include <iosfwd>

#include "geo/geography.hpp"

namespace mdasim {

void print_geography_summary(const Scenario& scenario, const Geography& geo, std::ostream& out);

}  // namespace mdasim

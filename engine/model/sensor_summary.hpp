// The fixed sensors' part of `mdasim validate`'s summary: how far each sees, in nm. A coastal
// radar's effective radius is its radar horizon for the top of each search object (4/3-earth
// refraction, model/detection.hpp), at most its instrumented range; an AIS receiver's is its
// range, for vessels that transmit, whatever their height.
#pragma once

#include <iosfwd>

#include "scenario/scenario.hpp"

namespace mdasim {

// A table, one row per fixed sensor and one column per search object; nothing when the scenario
// has no fixed sensors.
void print_fixed_sensor_radii(const Scenario& scenario, std::ostream& out);

}  // namespace mdasim

// Warnings for what can never matter in a run: a fixed sensor, a patrol or a SAR unit that can
// reach no place where the scenario's incidents or targets occur (model/occurrence.hpp).
//   fixed sensor: a coastal radar sees incidents and targets to its effective radius for each
//     class's search object (model/fixed_sensors.hpp); an AIS receiver sees targets of the
//     classes that transmit AIS (ais_on_probability > 0) to its range.
//   patrol: the sorties see, from every point of the route, the incidents and targets whose
//     search object a sensor of a type flying it has a sweep width for, out to that sensor's
//     reach (definite range: min(W/2, range); inverse cube: its range).
//   SAR unit (an asset entry with the SAR role): it can respond to an incident whose search
//     object its type has a sweep width for when endurance - 2 x distance / cruise speed leaves
//     the class's minimum search time (sar-model.md), so no farther than
//     cruise speed x (endurance - minimum search time) / 2 from its base, by the geodesic (a
//     lower bound of a vessel's way over water).
// Each warning says what it is, where, and how far the nearest place where its incidents or
// targets occur is. Nothing is said of classes a unit cannot see or search at all, when no
// class gives it anything to reach (that has warnings of its own in scenario/check.cpp).
#pragma once

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

void check_reach(const Scenario& scenario, const Geography& geography, Diagnostics& diagnostics);

}  // namespace mdasim

// A warning for a state whose responsible area takes in the waters off the coasts of countries
// that are not states of the scenario. The responsible state of a cell is the scenario's state
// with the nearest coast (geo/responsibility.hpp), so in a scenario of one state, or with a
// neighbour left out, a state answers for its neighbours' waters too, and its centre and units
// get their incidents. The countries file (its `iso_a2` codes) tells whose coast is nearest among
// all of its countries: a sea cell lies off the coast of the country whose coast is nearest. Cells
// that a responsibility area gives to a state are the scenario's own choice and are not counted.
//
// The warning names the countries and says what share of the scenario's incidents (by rate) and
// of its targets lie in those waters (model/occurrence.hpp); it is given when either share is at
// least kForeignWatersShare, or, in a scenario with neither incidents nor targets, when the waters
// are that share of its sea. Without a countries file nothing is known of other countries, and
// nothing is said.
#pragma once

#include "core/diagnostics.hpp"
#include "geo/geography.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

inline constexpr double kForeignWatersShare = 0.05;

void check_foreign_coasts(const Scenario& scenario, const Geography& geography, Diagnostics& diagnostics);

}  // namespace mdasim

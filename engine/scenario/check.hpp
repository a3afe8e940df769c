// Whole-scenario checks made after all files are read (and overlays merged): unique names,
// references that resolve (with did-you-mean), bases of the right kind for each asset, and
// relations between fields. Fills the `*_index` fields of a valid scenario.
#pragma once

#include "core/diagnostics.hpp"
#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace mdasim {

// `notes` says which entities failed to read (references to them are not reported again) and
// which an option removed.
void check_scenario(Scenario& scenario, const ReadNotes& notes, Diagnostics& diagnostics);

}  // namespace mdasim

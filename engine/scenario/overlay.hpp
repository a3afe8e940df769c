// Option overlays: an option file names a base scenario and removes, adds and changes parts of
// it (in that order). Every value keeps the location of the file that said it, so errors in the
// merged scenario point into the right file.
#pragma once

#include <yaml-cpp/yaml.h>

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace mdasim {

// Reads the `option` header of an option file into `info` (base path left as written).
void read_option_header(const ReadContext& ctx, const YAML::Node& node, OptionInfo& info);

// Applies the `remove`, `add` and `change` sections of `root` (an option file) to `scenario`.
void apply_overlay(const ReadContext& ctx, const YAML::Node& root, Scenario& scenario);

}  // namespace mdasim

// Reads the sections of a scenario file into the Scenario's plain structs. Each entity reader
// sets the fields present in its mapping; with `partial` (an option's `change`), required
// fields may be absent. Cross-references (names of bases, types, states) are checked later,
// on the whole merged scenario, by check.hpp.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace mdasim {

bool read_lane_traffic(const ReadContext& ctx, const YAML::Node& node, bool partial, LaneTraffic& out);
bool read_state(const ReadContext& ctx, const YAML::Node& node, bool partial, State& out);
bool read_responsibility_area(const ReadContext& ctx, const YAML::Node& node, bool partial,
                              ResponsibilityArea& out);
bool read_base(const ReadContext& ctx, const YAML::Node& node, bool partial, Base& out);
bool read_search_object(const ReadContext& ctx, const YAML::Node& node, bool partial,
                        SearchObject& out);
bool read_asset_type(const ReadContext& ctx, const YAML::Node& node, bool partial, AssetType& out);
bool read_asset(const ReadContext& ctx, const YAML::Node& node, bool partial, Asset& out);
bool read_fixed_sensor(const ReadContext& ctx, const YAML::Node& node, bool partial,
                       FixedSensor& out);
bool read_patrol(const ReadContext& ctx, const YAML::Node& node, bool partial, Patrol& out);
bool read_incident_class(const ReadContext& ctx, const YAML::Node& node, bool partial,
                         IncidentClass& out);
bool read_target_class(const ReadContext& ctx, const YAML::Node& node, bool partial,
                       TargetClass& out);

// Reads a name, or a reference to a name, under `key`: text that scenario/name_rules.hpp allows.
// A refused name is reported at its value and still stored in `out` (so that references to the
// entity are not reported again), and the result is false.
bool read_name_text(MapReader& m, std::string_view key, bool required, std::string& out);

void read_run(const ReadContext& ctx, const YAML::Node& node, bool partial, RunSettings& out);
void read_policies(const ReadContext& ctx, const YAML::Node& node, bool partial, Policies& out);

// Reads every section of a scenario file (top level already checked to be a mapping).
// `folder` is the scenario file's folder, against which geodata paths are resolved.
void read_scenario_file(const ReadContext& ctx, const YAML::Node& root, const std::string& folder,
                        Scenario& out);

// Reads a list section: each item through `read_item`, appended to `out` when it reads cleanly.
template <typename T, typename ReadItem>
void read_list(const ReadContext& ctx, const YAML::Node& node, std::string_view section,
               ReadItem read_item, std::vector<T>& out) {
  if (node.IsNull()) return;  // "section:" with nothing under it
  if (!node.IsSequence()) {
    ctx.error(node, "expected a list for '" + std::string(section) + "', got " +
                        std::string(node_kind(node)));
    return;
  }
  for (const YAML::Node& item : node) {
    T value;
    if (read_item(ctx, item, false, value)) {
      out.push_back(std::move(value));
    } else if (ctx.notes != nullptr) {
      if constexpr (requires { value.code; }) {
        if (!value.code.empty()) ctx.notes->unreadable.emplace(section, value.code);
      } else if constexpr (requires { value.name; }) {
        if (!value.name.empty()) ctx.notes->unreadable.emplace(section, value.name);
      }
    }
  }
}

}  // namespace mdasim

// Applying an option file's remove / add / change sections to a base scenario.
#include "scenario/overlay.hpp"

#include <array>
#include <span>

#include "scenario/name_index.hpp"
#include "scenario/read_sections.hpp"

namespace mdasim {
namespace {

constexpr std::array<std::string_view, 11> kListSections = {
    "states", "bases", "search_objects", "asset_types", "assets", "fixed_sensors", "patrols",
    "incident_classes", "target_classes", "lane_traffic", "responsibility_areas"};
constexpr std::array<std::string_view, 13> kChangeSections = {
    "states", "bases", "search_objects", "asset_types", "assets", "fixed_sensors", "patrols",
    "incident_classes", "target_classes", "lane_traffic", "responsibility_areas", "policies", "run"};

template <typename T>
const std::string& key_of(const T& item) {
  if constexpr (std::is_same_v<T, State>) {
    return item.code;
  } else {
    return item.name;
  }
}

// One list section under remove / add / change.
template <typename T, typename ReadItem>
void apply_list(const ReadContext& ctx, const YAML::Node& node, std::string_view op,
                std::string_view section, std::string_view kind, ReadItem read_item,
                std::vector<T>& list) {
  if (!node.IsDefined() || node.IsNull()) return;
  if (!node.IsSequence()) {
    ctx.error(node, "expected a list under '" + std::string(op) + "." + std::string(section) +
                        "', got " + std::string(node_kind(node)));
    return;
  }
  const std::string_view key_name = std::is_same_v<T, State> ? "code" : "name";
  for (const YAML::Node& item : node) {
    if (op == "add") {
      T value;
      if (read_item(ctx, item, false, value)) {
        list.push_back(std::move(value));
      } else if (ctx.notes != nullptr && !key_of(value).empty()) {
        ctx.notes->unreadable.emplace(section, key_of(value));
      }
      continue;
    }
    // remove takes names; change takes mappings with the name and the fields to change.
    const YAML::Node name_node = op == "remove" ? item : (item.IsMap() ? item[std::string(key_name)] : YAML::Node());
    if (!name_node.IsDefined() || !name_node.IsScalar()) {
      ctx.error(item, op == "remove"
                          ? "expected the " + std::string(key_name) + " of a " + std::string(kind) + " to remove"
                          : "expected a mapping with the '" + std::string(key_name) + "' of the " +
                                std::string(kind) + " to change and the fields to change");
      continue;
    }
    const std::string name = name_node.Scalar();
    const NameIndex names = NameIndex::of(list, kind, section, key_of<T>);
    const std::optional<int> found = names.find(name);
    if (!found) {
      ctx.error(name_node, "cannot " + std::string(op) + " " + std::string(kind) + " '" + name +
                               "': the base scenario has none by that " + std::string(key_name) +
                               names.suggestion(name));
      continue;
    }
    const auto it = list.begin() + *found;
    if (op == "remove") {
      list.erase(it);
      if (ctx.notes != nullptr) ctx.notes->removed[{std::string(section), name}] = ctx.at(name_node);
    } else {
      T changed = *it;
      if (read_item(ctx, item, true, changed)) *it = std::move(changed);
    }
  }
}

void apply_operation(const ReadContext& ctx, const YAML::Node& node, std::string_view op, Scenario& s) {
  // Checks the section's keys (unknown ones are reported with a suggestion).
  const std::string what = "the '" + std::string(op) + "' section";
  const std::span<const std::string_view> sections =
      op == "change" ? std::span<const std::string_view>(kChangeSections)
                     : std::span<const std::string_view>(kListSections);
  const bool is_map = MapReader(ctx, node, what, sections).is_map();
  if (!is_map) return;
  auto get = [&](std::string_view key) { return node[std::string(key)]; };
  apply_list(ctx, get("states"), op, "states", "state", read_state, s.states);
  apply_list(ctx, get("bases"), op, "bases", "base", read_base, s.bases);
  apply_list(ctx, get("search_objects"), op, "search_objects", "search object", read_search_object, s.search_objects);
  apply_list(ctx, get("asset_types"), op, "asset_types", "asset type", read_asset_type, s.asset_types);
  apply_list(ctx, get("assets"), op, "assets", "asset", read_asset, s.assets);
  apply_list(ctx, get("fixed_sensors"), op, "fixed_sensors", "fixed sensor", read_fixed_sensor, s.fixed_sensors);
  apply_list(ctx, get("patrols"), op, "patrols", "patrol", read_patrol, s.patrols);
  apply_list(ctx, get("incident_classes"), op, "incident_classes", "incident class", read_incident_class, s.incident_classes);
  apply_list(ctx, get("target_classes"), op, "target_classes", "target class", read_target_class, s.target_classes);
  apply_list(ctx, get("lane_traffic"), op, "lane_traffic", "lane traffic entry", read_lane_traffic, s.lane_traffic);
  apply_list(ctx, get("responsibility_areas"), op, "responsibility_areas", "responsibility area", read_responsibility_area, s.responsibility_areas);
  if (op == "change") {
    if (const YAML::Node p = get("policies"); p.IsDefined()) read_policies(ctx, p, true, s.policies);
    if (const YAML::Node r = get("run"); r.IsDefined()) read_run(ctx, r, true, s.run);
  }
}

}  // namespace

void read_option_header(const ReadContext& ctx, const YAML::Node& node, OptionInfo& info) {
  MapReader m(ctx, node, "the 'option' section", {"name", "description", "cost", "base"});
  if (!m.is_map()) return;
  info.where = m.location();
  (void)read_name_text(m, "name", true, info.name);
  if (m.has("description")) (void)m.read_string("description", false, info.description);
  (void)m.read_quantity("cost", true, Dimension::kMoney, Bounds::at_least(0), info.cost_musd);
  (void)m.read_string("base", true, info.base_path);
  m.record_fields(info.fields);
}

void apply_overlay(const ReadContext& ctx, const YAML::Node& root, Scenario& scenario) {
  for (std::string_view op : {"remove", "add", "change"}) {
    const YAML::Node node = root[std::string(op)];
    if (node.IsDefined() && !node.IsNull()) apply_operation(ctx, node, op, scenario);
  }
}

}  // namespace mdasim

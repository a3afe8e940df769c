// Scenario and option loading: safe YAML, section readers, overlays, whole-scenario checks.
#include "scenario/load.hpp"

#include <filesystem>
#include <memory>

#include "scenario/check.hpp"
#include "scenario/data_folders.hpp"
#include "scenario/overlay.hpp"
#include "scenario/read_sections.hpp"
#include "scenario/yaml_document.hpp"

namespace mdasim {
namespace {

std::string folder_of(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

std::optional<Scenario> load_document(YamlDocument doc, const std::string& path, Diagnostics& diagnostics,
                                      const std::vector<std::string>& data_folders) {
  ReadNotes notes;
  const ReadContext ctx{doc.file, &diagnostics, &notes, &data_folders};
  Scenario scenario;
  const bool is_option = doc.root["option"].IsDefined();
  if (!is_option && !doc.root["scenario"].IsDefined()) {
    // Some other YAML file: say so once rather than list every key as unknown.
    bool any_known = false;
    for (const char* key : {"run", "region", "states", "bases", "asset_types", "assets"}) {
      any_known = any_known || doc.root[key].IsDefined();
    }
    if (!any_known) {
      diagnostics.error(location_of(doc.root, doc.file),
                        "not a scenario: this YAML mapping has neither a 'scenario' nor an 'option' "
                        "section; expected a scenario file (see docs/scenario-reference.md)");
      return std::nullopt;
    }
  }
  if (!is_option) {
    scenario.source_path = path;
    scenario.source_text = doc.text;
    read_scenario_file(ctx, doc.root, folder_of(path), scenario);
  } else {
    // The allowed top-level keys of an option file; reports unknown ones with a suggestion.
    (void)MapReader(ctx, doc.root, "the option file", {"x-*", "option", "add", "remove", "change"});
    OptionInfo info;
    read_option_header(ctx, doc.root["option"], info);
    if (info.base_path.empty()) return std::nullopt;
    std::filesystem::path base(info.base_path);
    if (base.is_relative()) base = std::filesystem::path(folder_of(path)) / base;
    const std::string base_path = base.lexically_normal().string();
    const SourceLocation base_field = info.fields.of("base", info.where);
    Diagnostics base_diagnostics;
    std::optional<YamlDocument> base_doc = load_yaml_file(base_path, base_diagnostics);
    if (!base_doc) {
      // A file that cannot be opened has no position of its own: report it at 'base'.
      bool positioned = false;
      for (const Diagnostic& x : base_diagnostics.items()) positioned = positioned || x.where.line > 0;
      if (positioned) {
        diagnostics.append(base_diagnostics);
        diagnostics.error(base_field, "the base scenario '" + info.base_path + "' is not valid (see above)");
      } else {
        const std::string why = base_diagnostics.items().empty() ? std::string("cannot read it")
                                                                  : base_diagnostics.items()[0].message;
        diagnostics.error(base_field, "cannot load the base scenario '" + info.base_path + "' (" +
                                          base_path + "): " + why);
      }
      return std::nullopt;
    }
    if (base_doc->root["option"].IsDefined()) {
      diagnostics.error(base_field, "base '" + info.base_path +
                                        "' is itself an option; expected a scenario file");
      return std::nullopt;
    }
    const ReadContext base_ctx{base_doc->file, &diagnostics, &notes, &data_folders};
    read_scenario_file(base_ctx, base_doc->root, folder_of(base_path), scenario);
    scenario.source_text = base_doc->text;
    info.base_path = base_path;
    scenario.source_path = path;
    scenario.option = std::move(info);
    scenario.option_text = doc.text;
    apply_overlay(ctx, doc.root, scenario);
  }
  check_scenario(scenario, notes, diagnostics);
  if (diagnostics.has_errors()) return std::nullopt;
  return scenario;
}

// The readers check every node before use; should yaml-cpp throw all the same, the user gets a
// located error instead of a crash (and the robustness test fails on the message).
std::optional<Scenario> guarded(YamlDocument doc, const std::string& path, Diagnostics& diagnostics,
                                const std::vector<std::string>& data_folders) {
  const std::shared_ptr<const std::string> file = doc.file;
  try {
    return load_document(std::move(doc), path, diagnostics, data_folders);
  } catch (const YAML::Exception& e) {
    diagnostics.error(SourceLocation{file, e.mark.line + 1, e.mark.column + 1},
                      "internal error while reading this file (" + e.msg + "); please report it");
    return std::nullopt;
  }
}

}  // namespace

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diagnostics) {
  return load_scenario(path, diagnostics, shipped_data_folders());
}

std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& name,
                                           Diagnostics& diagnostics) {
  return load_scenario_text(text, name, diagnostics, shipped_data_folders());
}

std::optional<Scenario> load_scenario(const std::string& path, Diagnostics& diagnostics,
                                      const std::vector<std::string>& data_folders) {
  std::optional<YamlDocument> doc = load_yaml_file(path, diagnostics);
  if (!doc) return std::nullopt;
  return guarded(std::move(*doc), path, diagnostics, data_folders);
}

std::optional<Scenario> load_scenario_text(const std::string& text, const std::string& name,
                                           Diagnostics& diagnostics, const std::vector<std::string>& data_folders) {
  std::optional<YamlDocument> doc =
      parse_yaml_text(text, std::make_shared<const std::string>(name), diagnostics);
  if (!doc) return std::nullopt;
  return guarded(std::move(*doc), name, diagnostics, data_folders);
}

}  // namespace mdasim

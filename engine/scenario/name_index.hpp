// The names of one section of a scenario (bases, assets, states by code, ...) and the one way a
// name written elsewhere is looked up in them: found, or reported with what it may have meant
// (core/suggest: near misses and short forms, such as 'Mactan' for 'Mactan AB'). Used by the
// whole-scenario checks for every reference and by option overlays for the names they remove
// and change.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostics.hpp"
#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace mdasim {

class NameIndex {
 public:
  // `kind` names one entry in messages ("base"), `section` is the scenario's key ("bases").
  NameIndex(std::string_view kind, std::string_view section) : kind_(kind), section_(section) {}

  // Indexes the entries of `items` by `key_of(item)` (empty keys skipped); with `duplicates`,
  // reports a name given twice at the second (`name_field` of it), with the first's location.
  template <typename T, typename KeyOf>
  static NameIndex of(const std::vector<T>& items, std::string_view kind, std::string_view section, KeyOf key_of,
                      Diagnostics* duplicates = nullptr, std::string_view name_field = "name") {
    NameIndex index(kind, section);
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string& key = key_of(items[i]);
      if (key.empty()) continue;
      const std::optional<int> first = index.add(key, static_cast<int>(i));
      if (first && duplicates != nullptr) {
        duplicates->error(field_location(items[i], name_field),
                          "duplicate " + index.kind_ + " '" + key + "' (first defined at " +
                              items[static_cast<std::size_t>(*first)].where.str() + ")");
      }
    }
    return index;
  }

  // Adds a name; returns the index already held when the name is there (which is kept).
  std::optional<int> add(const std::string& key, int index);

  [[nodiscard]] std::optional<int> find(const std::string& key) const;
  [[nodiscard]] const std::string& kind() const { return kind_; }
  // " (did you mean 'x'?)" for a name that is not there, or "".
  [[nodiscard]] std::string suggestion(std::string_view key) const;

  // The index of `key`, or kNoIndex after reporting why not: "<user>: no <kind> named '<key>'"
  // with a suggestion at `where` (the referring value); nothing when the entry failed to read
  // (`notes->unreadable`: reported where it was defined); at the removal when an option removed
  // it (`notes->removed`).
  int resolve(const std::string& key, const SourceLocation& where, const std::string& user, const ReadNotes* notes,
              Diagnostics& d) const;

 private:
  std::string kind_;
  std::string section_;
  std::map<std::string, int> index_;
  std::vector<std::string> keys_;  // in the order given, for suggestions
};

}  // namespace mdasim

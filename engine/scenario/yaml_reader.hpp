// Typed, checked access to a YAML mapping: unknown keys (with did-you-mean), duplicate keys,
// wrong types, missing required keys, units and ranges, each recorded as a diagnostic with the
// offending node's `file:line:col`. Readers never throw; a failed read leaves the target as it
// was and returns false, so one pass finds every error of a file.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostics.hpp"
#include "core/units.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

// What the readers learn that the whole-scenario checks need, keyed by (section, name):
// entities that failed to read (references to them are not reported again) and entities an
// option removed (a reference to one is reported at the removal).
struct ReadNotes {
  std::set<std::pair<std::string, std::string>> unreadable;
  std::map<std::pair<std::string, std::string>, SourceLocation> removed;
};

// The file being read, where its diagnostics go, and where the data files it names are looked
// for after its own folder (scenario/data_folders.hpp; none when null).
struct ReadContext {
  std::shared_ptr<const std::string> file;
  Diagnostics* diagnostics = nullptr;
  ReadNotes* notes = nullptr;
  const std::vector<std::string>* data_folders = nullptr;

  [[nodiscard]] SourceLocation at(const YAML::Node& node) const;
  void error(const YAML::Node& node, std::string message) const;
};

// Allowed numeric range for a value, in engine units.
struct Bounds {
  std::optional<double> min;
  std::optional<double> max;
  bool min_inclusive = true;
  bool max_inclusive = true;

  static Bounds any() { return {}; }
  static Bounds at_least(double v) { return {v, std::nullopt, true, true}; }
  static Bounds greater_than(double v) { return {v, std::nullopt, false, true}; }
  static Bounds between(double lo, double hi) { return {lo, hi, true, true}; }
  static Bounds above_up_to(double lo, double hi) { return {lo, hi, false, true}; }
};


// A string value for one of a fixed set of names, e.g. an enum.
template <typename E>
struct EnumName {
  E value;
  std::string_view name;
};

class MapReader {
 public:
  // `what` names the mapping in messages ("asset type", "the 'run' section").
  // With `partial`, missing required keys are not errors (used by option changes).
  MapReader(const ReadContext& ctx, const YAML::Node& node, std::string what,
            std::span<const std::string_view> allowed_keys, bool partial = false);
  MapReader(const ReadContext& ctx, const YAML::Node& node, std::string what,
            std::initializer_list<std::string_view> allowed_keys, bool partial = false)
      : MapReader(ctx, node, std::move(what),
                  std::span<const std::string_view>(allowed_keys.begin(), allowed_keys.size()),
                  partial) {}

  [[nodiscard]] bool is_map() const { return is_map_; }
  [[nodiscard]] SourceLocation location() const { return ctx_.at(node_); }
  [[nodiscard]] const ReadContext& context() const { return ctx_; }
  [[nodiscard]] const std::string& what() const { return what_; }
  // Renames the mapping in later messages, e.g. once its name is known.
  void set_what(std::string what) { what_ = std::move(what); }

  // The value under `key`, or an undefined node. Records "missing" when `required`.
  [[nodiscard]] YAML::Node get(std::string_view key, bool required);
  [[nodiscard]] bool has(std::string_view key) const;
  // Records where each key's value was written.
  void record_fields(FieldLocations& out) const;
  // The key itself (for errors about a key that should not be there), or an undefined node.
  [[nodiscard]] YAML::Node key_node(std::string_view key) const;

  bool read_string(std::string_view key, bool required, std::string& out);
  bool read_quantity(std::string_view key, bool required, Dimension dim, Bounds bounds, double& out);
  bool read_optional_quantity(std::string_view key, Dimension dim, Bounds bounds,
                              std::optional<double>& out);
  bool read_number(std::string_view key, bool required, Bounds bounds, double& out);
  bool read_integer(std::string_view key, bool required, std::int64_t min, std::int64_t max,
                    std::int64_t& out);
  bool read_unsigned64(std::string_view key, bool required, std::uint64_t& out);
  bool read_fraction(std::string_view key, bool required, double& out);
  bool read_bool(std::string_view key, bool required, bool& out);
  bool read_point(std::string_view key, bool required, GeoPoint& out);
  bool read_polygon(std::string_view key, bool required, Polygon& out);
  bool read_waypoints(std::string_view key, bool required, std::size_t min_points,
                      std::vector<GeoPoint>& out);
  bool read_lon(std::string_view key, bool required, double& out);
  bool read_lat(std::string_view key, bool required, double& out);
  bool read_distribution(std::string_view key, bool required, Bounds bounds, Distribution& out);

  template <typename E>
  bool read_enum(std::string_view key, bool required, std::span<const EnumName<E>> names, E& out) {
    std::string text;
    const YAML::Node node = get(key, required);
    if (!node.IsDefined() || !scalar_text(key, node, text)) return false;
    for (const EnumName<E>& n : names) {
      if (n.name == text) {
        out = n.value;
        return true;
      }
    }
    std::vector<std::string> options;
    for (const EnumName<E>& n : names) options.emplace_back(n.name);
    report_bad_choice(node, key, text, options);
    return false;
  }

 private:
  bool scalar_text(std::string_view key, const YAML::Node& node, std::string& out);
  void report_bad_choice(const YAML::Node& node, std::string_view key, const std::string& got,
                         const std::vector<std::string>& options);
  bool check_bounds(const YAML::Node& node, std::string_view key, double value, Bounds bounds,
                    std::string_view unit);

  ReadContext ctx_;
  YAML::Node node_;
  std::string what_;
  bool partial_;
  bool is_map_ = false;
  struct Entry {
    std::string key;
    YAML::Node key_node;
    YAML::Node value;
  };
  std::vector<Entry> entries_;
  std::vector<std::string> suggested_;  // keys offered for misspelt ones: not also "missing"
};

// Reads a scalar as a quantity, fraction etc. outside a mapping (list items).
bool read_point_node(const ReadContext& ctx, const YAML::Node& node, std::string_view what,
                     GeoPoint& out);

// "a mapping", "a list", "a single value", "nothing".
[[nodiscard]] std::string_view node_kind(const YAML::Node& node);

// Formats a value in engine units for messages, e.g. "0 h" -> "0h".
[[nodiscard]] std::string format_value(double value, std::string_view unit);

}  // namespace mdasim

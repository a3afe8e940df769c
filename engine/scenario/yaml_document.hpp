// Loads one YAML file safely: a regular file only (core/input_file.hpp), bounded size, nesting
// depth and alias expansion, text checked to be UTF-8 as RFC 3629 defines it, exactly one
// document, no explicit tags, and parse errors turned into `file:line:col` diagnostics.
// yaml-cpp 0.7 guards nesting only at depth 2000 (deep enough to overflow the stack under
// sanitizers), so depth is bounded by a scan of the text before yaml-cpp sees it; it does not
// count a lone CR as a line break, as YAML does, so lone CRs become LF first (the text keeps its
// length and line count, so positions are those of the file).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <yaml-cpp/yaml.h>

#include "core/diagnostics.hpp"

namespace mdasim {

struct YamlLimits {
  std::size_t max_bytes = 4u << 20;      // 4 MiB
  int max_depth = 64;                    // nesting levels
  std::size_t max_nodes = 1'000'000;     // nodes visited with aliases expanded
};

struct YamlDocument {
  std::shared_ptr<const std::string> file;  // the path, as given
  std::string text;  // as read, lone CRs turned into LF
  YAML::Node root;
};

// Reads and parses `path`. On failure records errors in `diagnostics` and returns nothing.
[[nodiscard]] std::optional<YamlDocument> load_yaml_file(const std::string& path,
                                                         Diagnostics& diagnostics,
                                                         const YamlLimits& limits = {});

// The same for text already in memory; `file` names it in messages.
[[nodiscard]] std::optional<YamlDocument> parse_yaml_text(std::string text,
                                                          std::shared_ptr<const std::string> file,
                                                          Diagnostics& diagnostics,
                                                          const YamlLimits& limits = {});

// The 1-based location of a node (yaml-cpp marks are 0-based).
[[nodiscard]] SourceLocation location_of(const YAML::Node& node,
                                         const std::shared_ptr<const std::string>& file);

}  // namespace mdasim

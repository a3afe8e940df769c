// Safe YAML loading: size, encoding, depth and alias-expansion limits before and after parsing.
#include "scenario/yaml_document.hpp"

#include <algorithm>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>
#include <vector>

#include <yaml-cpp/eventhandler.h>

#include "core/input_file.hpp"
#include "core/utf8.hpp"

namespace mdasim {
namespace {

SourceLocation at(const std::shared_ptr<const std::string>& file, std::size_t line0,
                  std::size_t col0) {
  return SourceLocation{file, static_cast<int>(line0 + 1), static_cast<int>(col0 + 1)};
}

// YAML allows a lone CR as a line break (YAML 1.2, section 5.4); yaml-cpp 0.7 does not, so a
// file with CR-only line endings (old Mac style) would read as one long line. Each lone CR
// becomes LF: the same count of bytes and of lines, so positions do not move.
void normalize_lone_carriage_returns(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')) text[i] = '\n';
  }
}

// Line and column (0-based) of a byte offset.
std::pair<std::size_t, std::size_t> line_col(const std::string& s, std::size_t offset) {
  std::size_t line = 0;
  std::size_t col = 0;
  for (std::size_t i = 0; i < offset && i < s.size(); ++i) {
    if (s[i] == '\n') {
      ++line;
      col = 0;
    } else {
      ++col;
    }
  }
  return {line, col};
}

bool only_comments_and_space(const std::string& s) {
  bool in_comment = false;
  for (char c : s) {
    if (in_comment) {
      if (c == '\n') in_comment = false;
    } else if (c == '#') {
      in_comment = true;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      return false;
    }
  }
  return true;
}

// A conservative estimate of nesting depth, line by line: distinct indentation levels open,
// plus sequence dashes that open a line ("- - x"), plus open flow brackets. Returns the first
// line (0-based) where the estimate exceeds `max_depth`, or npos; `column` (0-based) is where on
// that line the limit was passed.
std::size_t first_too_deep_line(const std::string& text, int max_depth, int* depth_found,
                                std::size_t* column) {
  std::vector<std::size_t> indents;
  int flow = 0;
  std::size_t line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const std::string_view l(text.data() + pos, end - pos);
    std::size_t i = 0;
    while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
    const bool blank = i == l.size() || l[i] == '#' || l[i] == '\r';
    if (!blank) {
      if (flow == 0) {
        while (!indents.empty() && indents.back() > i) indents.pop_back();
        if (indents.empty() || indents.back() < i) indents.push_back(i);
      }
      const int block = static_cast<int>(indents.size());
      if (block + flow > max_depth) {
        *depth_found = block + flow;
        *column = i;
        return line;
      }
      int dashes = 0;
      std::size_t j = i;
      while (j + 1 < l.size() && (l[j] == '-' || l[j] == '?') && l[j + 1] == ' ') {
        ++dashes;
        if (block + dashes + flow > max_depth) {
          *depth_found = block + dashes + flow;
          *column = j;
          return line;
        }
        j += 2;
        while (j < l.size() && l[j] == ' ') ++j;
      }
      char quote = 0;
      for (std::size_t k = j; k < l.size(); ++k) {
        const char c = l[k];
        if (quote != 0) {
          if (c == quote) quote = 0;
          continue;
        }
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '#' && (k == 0 || l[k - 1] == ' ' || l[k - 1] == '\t')) {
          break;
        } else if (c == '[' || c == '{') {
          ++flow;
          if (block + dashes + flow > max_depth) {
            *depth_found = block + dashes + flow;
            *column = k;
            return line;
          }
        } else if ((c == ']' || c == '}') && flow > 0) {
          --flow;
        }
      }
    }
    if (end == text.size()) break;
    pos = end + 1;
    ++line;
  }
  return std::string::npos;
}

// The offset of the innermost flow bracket still open at `end` (quotes and comments skipped),
// or npos.
std::size_t unclosed_bracket(const std::string& text, std::size_t end) {
  std::vector<std::size_t> open;
  char quote = 0;
  bool comment = false;
  for (std::size_t i = 0; i < end && i < text.size(); ++i) {
    const char c = text[i];
    if (comment) {
      comment = c != '\n';
    } else if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '\n')) {
      comment = true;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '[' || c == '{') {
      open.push_back(i);
    } else if ((c == ']' || c == '}') && !open.empty()) {
      open.pop_back();
    }
  }
  return open.empty() ? std::string::npos : open.back();
}

// Counts nodes with aliases expanded; stops at the limits. Aliases may even form cycles
// (`&a [*a]`), which the depth bound stops.
struct ExpansionCheck {
  std::size_t max_nodes;
  int max_depth;
  std::size_t visited = 0;
  bool too_many = false;
  bool too_deep = false;
  YAML::Mark deep_mark{};  // the node where the depth limit was passed
  // Nodes with an explicit tag (`!!float 7`), by position: an alias visits a node again.
  std::set<std::pair<int, int>> tag_positions{};
  std::vector<std::pair<YAML::Mark, std::string>> tags{};

  void walk(const YAML::Node& node, int depth) {
    if (too_many || too_deep) return;
    if (++visited > max_nodes) {
      too_many = true;
      return;
    }
    if (depth > max_depth) {
      too_deep = true;
      deep_mark = node.Mark();
      return;
    }
    // yaml-cpp gives "?" for a plain value, "!" for a quoted one (or the non-specific "!"), and
    // "" for null: anything else was written as a tag.
    if (const std::string& tag = node.Tag(); !tag.empty() && tag != "?" && tag != "!") {
      if (tag_positions.emplace(node.Mark().line, node.Mark().column).second) tags.emplace_back(node.Mark(), tag);
    }
    if (node.IsSequence()) {
      for (const YAML::Node& child : node) walk(child, depth + 1);
    } else if (node.IsMap()) {
      for (const auto& kv : node) {
        walk(kv.first, depth + 1);
        walk(kv.second, depth + 1);
      }
    }
  }
};

// Receives parse events and ignores them: used only to count documents.
class DiscardEvents final : public YAML::EventHandler {
 public:
  YAML::Mark document_start;  // of the last document seen
  void OnDocumentStart(const YAML::Mark& mark) override { document_start = mark; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

}  // namespace

SourceLocation location_of(const YAML::Node& node, const std::shared_ptr<const std::string>& file) {
  const YAML::Mark m = node.Mark();
  if (m.line < 0 || m.column < 0) return SourceLocation{file, 0, 0};
  return SourceLocation{file, m.line + 1, m.column + 1};
}

std::optional<YamlDocument> parse_yaml_text(std::string text,
                                            std::shared_ptr<const std::string> file,
                                            Diagnostics& diagnostics, const YamlLimits& limits) {
  if (text.size() > limits.max_bytes) {
    diagnostics.error(SourceLocation{file, 1, 1},
                      "file is " + std::to_string(text.size()) + " bytes; a scenario may be at most " +
                          std::to_string(limits.max_bytes) + " bytes");
    return std::nullopt;
  }
  normalize_lone_carriage_returns(text);
  // The first byte that is not text: a NUL, or one that is not well-formed UTF-8.
  Utf8Problem problem = Utf8Problem::kNone;
  const std::size_t bad = std::min(text.find('\0'), first_invalid_utf8(text, &problem));
  if (bad != std::string::npos) {
    const auto [l, c] = line_col(text, bad);
    const std::string why = text[bad] == '\0' ? "" : " (" + describe(problem) + ")";
    diagnostics.error(at(file, l, c), "not a text file: byte " + std::to_string(bad) + " is not valid UTF-8 text" + why +
                                          "; expected a YAML scenario");
    return std::nullopt;
  }
  if (only_comments_and_space(text)) {
    diagnostics.error(SourceLocation{file, 1, 1},
                      "file is empty: expected a YAML mapping with a 'scenario' or 'option' section");
    return std::nullopt;
  }
  int depth = 0;
  std::size_t column = 0;
  if (const std::size_t l = first_too_deep_line(text, limits.max_depth, &depth, &column);
      l != std::string::npos) {
    diagnostics.error(at(file, l, column), "nesting is " + std::to_string(depth) +
                                          " levels deep here; at most " +
                                          std::to_string(limits.max_depth) + " are allowed");
    return std::nullopt;
  }

  YamlDocument doc{file, std::move(text), YAML::Node()};
  try {
    std::istringstream counting(doc.text);
    YAML::Parser parser(counting);
    DiscardEvents discard;
    parser.HandleNextDocument(discard);
    if (parser.HandleNextDocument(discard)) {
      diagnostics.error(at(file, static_cast<std::size_t>(std::max(0, discard.document_start.line)),
                           static_cast<std::size_t>(std::max(0, discard.document_start.column))),
                        "file holds more than one YAML document; expected exactly one scenario");
      return std::nullopt;
    }
    doc.root = YAML::Load(doc.text);
  } catch (const YAML::Exception& e) {
    std::size_t error_line = static_cast<std::size_t>(std::max(0, e.mark.line));
    std::size_t error_column = static_cast<std::size_t>(std::max(0, e.mark.column));
    std::string message = "not valid YAML: " + e.msg;
    // yaml-cpp reports an unclosed bracket where it gave up; point at the bracket instead.
    if (e.msg.find("flow not found") != std::string::npos) {
      if (const std::size_t open = unclosed_bracket(doc.text, static_cast<std::size_t>(std::max(0, e.mark.pos)));
          open != std::string::npos) {
        std::tie(error_line, error_column) = line_col(doc.text, open);
        message += " (this '" + std::string(1, doc.text[open]) + "' is never closed)";
      }
    }
    diagnostics.error(at(file, error_line, error_column), message);
    return std::nullopt;
  }

  ExpansionCheck check{.max_nodes = limits.max_nodes, .max_depth = limits.max_depth};
  check.walk(doc.root, 0);
  if (check.too_many) {
    diagnostics.error(SourceLocation{file, 1, 1},
                      "aliases expand to more than " + std::to_string(limits.max_nodes) +
                          " nodes; expand fewer aliases");
    return std::nullopt;
  }
  if (check.too_deep) {
    diagnostics.error(at(file, static_cast<std::size_t>(std::max(0, check.deep_mark.line)),
                         static_cast<std::size_t>(std::max(0, check.deep_mark.column))),
                      "aliases nest deeper than " + std::to_string(limits.max_depth) +
                          " levels (or refer to themselves)");
    return std::nullopt;
  }
  if (!check.tags.empty()) {
    for (const auto& [mark, tag] : check.tags) {
      constexpr std::string_view kCore = "tag:yaml.org,2002:";
      const std::string shown = tag.starts_with(kCore) ? "!!" + tag.substr(kCore.size()) : tag;
      diagnostics.error(at(file, static_cast<std::size_t>(std::max(0, mark.line)), static_cast<std::size_t>(std::max(0, mark.column))),
                        "explicit YAML tag '" + shown + "': a scenario's values take their type from their field " +
                            "(a whole number, a quantity with units, text), so tags are not allowed; remove '" + shown + "'");
    }
    return std::nullopt;
  }
  if (!doc.root.IsMap()) {
    const char* got = doc.root.IsSequence() ? "a list" : doc.root.IsScalar() ? "a single value" : "nothing";
    diagnostics.error(location_of(doc.root, file),
                      std::string("top level is ") + got +
                          "; expected a mapping with a 'scenario' or 'option' section");
    return std::nullopt;
  }
  return doc;
}

std::optional<YamlDocument> load_yaml_file(const std::string& path, Diagnostics& diagnostics,
                                           const YamlLimits& limits) {
  auto file = std::make_shared<const std::string>(path);
  InputFile in = InputFile::open(path, limits.max_bytes, "a scenario file");
  if (!in.is_open()) {
    diagnostics.error(SourceLocation{file, 0, 0}, "cannot open file: " + in.problem());
    return std::nullopt;
  }
  std::string problem;
  std::optional<std::string> text = in.read_all(problem);
  if (!text) {
    diagnostics.error(SourceLocation{file, 0, 0}, "cannot read file: " + problem);
    return std::nullopt;
  }
  return parse_yaml_text(std::move(*text), std::move(file), diagnostics, limits);
}

}  // namespace mdasim

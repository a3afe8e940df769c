// Characters a name may not hold, found by decoding its UTF-8.
#include "scenario/name_rules.hpp"

#include <cstdint>
#include <cstdio>
#include <vector>

namespace mdasim {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

struct CodePoint {
  char32_t value = 0;
  std::size_t byte = 0;    // where it starts in the text
  std::size_t length = 1;  // bytes
};

// The code points of `text`; a byte that does not start a well-formed sequence is one kInvalid.
std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b0 = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    char32_t value = 0;
    if (b0 < 0x80) {
      length = 1;
      value = b0;
    } else if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
      value = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      value = b0 & 0x0Fu;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      value = b0 & 0x07u;
    }
    bool ok = length > 0 && i + length <= text.size();
    for (std::size_t k = 1; ok && k < length; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      ok = (b & 0xC0u) == 0x80u;
      value = (value << 6) | (b & 0x3Fu);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not well formed.
    ok = ok && !(length == 3 && value < 0x800) && !(length == 4 && (value < 0x10000 || value > 0x10FFFF)) &&
         !(value >= 0xD800 && value <= 0xDFFF);
    if (!ok) {
      out.push_back({kInvalid, i, 1});
      ++i;
    } else {
      out.push_back({value, i, length});
      i += length;
    }
  }
  return out;
}

bool control(char32_t c) { return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F); }

bool invisible(char32_t c) {
  return c == 0x2028 || c == 0x2029 || (c >= 0x200B && c <= 0x200F) || (c >= 0x2060 && c <= 0x2064) ||
         c == 0xFEFF || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Space and the Unicode space separators (Zs).
bool space(char32_t c) {
  return c == 0x20 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool refused(char32_t c) { return c == kInvalid || control(c) || invisible(c); }

std::string code_text(char32_t c) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
  return buffer;
}

}  // namespace

std::optional<std::string> name_fault(std::string_view name) {
  const std::vector<CodePoint> points = decode(name);
  for (std::size_t k = 0; k < points.size(); ++k) {
    const char32_t c = points[k].value;
    if (!refused(c)) continue;
    const std::string at = " at character " + std::to_string(k + 1);
    if (c == kInvalid) {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(name[points[k].byte])));
      return "holds a byte that is not UTF-8 text (" + std::string(byte) + ")" + at;
    }
    if (control(c)) return "holds a control character (" + code_text(c) + ")" + at + "; names may not hold control characters";
    return "holds an invisible formatting character (" + code_text(c) + ")" + at +
           "; names may not hold line separators, zero-width or direction characters";
  }
  if (!points.empty() && space(points.front().value)) {
    return "begins with a space (" + code_text(points.front().value) + "); names may not begin or end with spaces";
  }
  if (!points.empty() && space(points.back().value)) {
    return "ends with a space (" + code_text(points.back().value) + "); names may not begin or end with spaces";
  }
  return std::nullopt;
}

std::string shown_name(std::string_view text) {
  std::string out;
  for (const CodePoint& p : decode(text)) {
    if (refused(p.value)) {
      out += "<" + (p.value == kInvalid ? std::string("invalid byte") : code_text(p.value)) + ">";
    } else {
      out.append(text.substr(p.byte, p.length));
    }
  }
  return out;
}

}  // namespace mdasim

// Escaping of text for one-line messages.
#include "core/printable.hpp"

#include <cstdio>

#include "core/utf8.hpp"

namespace mdasim {
namespace {

void append_byte_escape(std::string& out, unsigned char byte) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(byte));
  out += buf;
}

// Code points above ASCII that are written as \uXXXX: C1 controls (0x9B alone starts an escape
// sequence on some terminals), line and paragraph separators (they break lines), and the
// bidirectional embeddings, overrides and isolates (they reorder what is shown).
bool escaped_code_point(char32_t cp) {
  return (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {
      out += static_cast<char>(byte);
      ++i;
      continue;
    }
    if (byte < 0x80) {  // C0 controls and DEL
      if (byte == '\n') {
        out += "\\n";
      } else if (byte == '\r') {
        out += "\\r";
      } else if (byte == '\t') {
        out += "\\t";
      } else {
        append_byte_escape(out, byte);
      }
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    if (c.problem != Utf8Problem::kNone) {
      append_byte_escape(out, byte);
      ++i;
      continue;
    }
    if (escaped_code_point(c.code_point)) {
      char buf[12];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c.code_point));
      out += buf;
    } else {
      out.append(text.substr(i, c.length));
    }
    i += c.length;
  }
  return out;
}

}  // namespace mdasim

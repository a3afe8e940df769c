// UTF-8 decoding by the table of well-formed byte sequences in RFC 3629, section 4.
#include "core/utf8.hpp"

namespace mdasim {

Utf8Char decode_utf8(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(offset);
  if (lead < 0x80) return {lead, 1, Utf8Problem::kNone};
  std::size_t length = 0;
  char32_t cp = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1Fu;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0Fu;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07u;
  } else {
    return {0, 0, Utf8Problem::kNotLeadByte};
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (offset + k >= text.size() || (byte(offset + k) & 0xC0) != 0x80) return {0, 0, Utf8Problem::kTruncated};
    cp = (cp << 6) | (byte(offset + k) & 0x3Fu);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000)) return {0, 0, Utf8Problem::kOverlong};
  if (cp >= 0xD800 && cp <= 0xDFFF) return {0, 0, Utf8Problem::kSurrogate};
  if (cp > 0x10FFFF) return {0, 0, Utf8Problem::kTooLarge};
  return {cp, length, Utf8Problem::kNone};
}

std::size_t first_invalid_utf8(std::string_view text, Utf8Problem* problem) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // the common case, without a call
      ++i;
      continue;
    }
    const Utf8Char c = decode_utf8(text, i);
    if (c.problem != Utf8Problem::kNone) {
      if (problem != nullptr) *problem = c.problem;
      return i;
    }
    i += c.length;
  }
  if (problem != nullptr) *problem = Utf8Problem::kNone;
  return std::string_view::npos;
}

std::string describe(Utf8Problem problem) {
  switch (problem) {
    case Utf8Problem::kNone: return "well-formed UTF-8";
    case Utf8Problem::kNotLeadByte: return "a byte that cannot start a UTF-8 character";
    case Utf8Problem::kTruncated: return "a UTF-8 character cut short";
    case Utf8Problem::kOverlong: return "an overlong UTF-8 encoding";
    case Utf8Problem::kSurrogate: return "an encoded UTF-16 surrogate (U+D800..U+DFFF)";
    case Utf8Problem::kTooLarge: return "a code point above U+10FFFF";
  }
  return "invalid UTF-8";
}

}  // namespace mdasim

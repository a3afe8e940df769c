// UTF-8 as RFC 3629 defines it: the one decoder that both the check of input text (a scenario
// file must be UTF-8) and the escaping of text in messages use. A well-formed sequence encodes a
// code point in its shortest form, never a UTF-16 surrogate (U+D800..U+DFFF, such as ED A0 80)
// and never one above U+10FFFF.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mdasim {

// What is wrong with the bytes at an offset, when they are not well-formed UTF-8.
enum class Utf8Problem {
  kNone,
  kNotLeadByte,  // a continuation byte (80..BF) or a byte never used (C0, C1, F5..FF)
  kTruncated,    // a lead byte whose continuation bytes are missing
  kOverlong,     // a code point encoded in more bytes than it needs
  kSurrogate,    // U+D800..U+DFFF, which UTF-8 may not encode
  kTooLarge,     // above U+10FFFF
};

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 0;  // bytes taken; 0 when `problem` is not kNone
  Utf8Problem problem = Utf8Problem::kNone;
};

// Decodes the character that starts at byte `offset` of `text` (offset < text.size()).
[[nodiscard]] Utf8Char decode_utf8(std::string_view text, std::size_t offset);

// The offset of the first byte that does not start a well-formed character, or npos; `problem`
// (if given) says what is wrong there.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view text, Utf8Problem* problem = nullptr);

// "an encoded UTF-16 surrogate (U+D800..U+DFFF)" and the like, for messages.
[[nodiscard]] std::string describe(Utf8Problem problem);

}  // namespace mdasim

// UTF-8 decoding against the well-formed byte sequences of RFC 3629, section 4, and the examples
// of its section 7.
#include "core/utf8.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(Utf8, DecodesWellFormedSequences) {
  EXPECT_EQ(decode_utf8("A", 0).code_point, U'A');
  const Utf8Char e_acute = decode_utf8("\xc3\xa9", 0);
  EXPECT_EQ(e_acute.code_point, 0xE9u);
  EXPECT_EQ(e_acute.length, 2u);
  // RFC 3629 section 7: U+65E5 U+672C U+8A9E is E6 97 A5 E6 9C AC E8 AA 9E.
  EXPECT_EQ(decode_utf8("\xe6\x97\xa5", 0).code_point, 0x65E5u);
  // U+233B4 is F0 A3 8E B4.
  const Utf8Char four = decode_utf8("\xf0\xa3\x8e\xb4", 0);
  EXPECT_EQ(four.code_point, 0x233B4u);
  EXPECT_EQ(four.length, 4u);
  EXPECT_EQ(decode_utf8("\xed\x9f\xbf", 0).code_point, 0xD7FFu);      // last before the surrogates
  EXPECT_EQ(decode_utf8("\xee\x80\x80", 0).code_point, 0xE000u);      // first after them
  EXPECT_EQ(decode_utf8("\xf4\x8f\xbf\xbf", 0).code_point, 0x10FFFFu);  // the last code point
}

TEST(Utf8, RefusesWhatRfc3629Forbids) {
  EXPECT_EQ(decode_utf8("\xed\xa0\x80", 0).problem, Utf8Problem::kSurrogate);  // U+D800
  EXPECT_EQ(decode_utf8("\xed\xbf\xbf", 0).problem, Utf8Problem::kSurrogate);  // U+DFFF
  EXPECT_EQ(decode_utf8("\xc0\xaf", 0).problem, Utf8Problem::kNotLeadByte);   // overlong '/' (C0 never used)
  EXPECT_EQ(decode_utf8("\xe0\x80\xaf", 0).problem, Utf8Problem::kOverlong);
  EXPECT_EQ(decode_utf8("\xf0\x80\x80\xaf", 0).problem, Utf8Problem::kOverlong);
  EXPECT_EQ(decode_utf8("\xf4\x90\x80\x80", 0).problem, Utf8Problem::kTooLarge);  // U+110000
  EXPECT_EQ(decode_utf8("\xf5\x80\x80\x80", 0).problem, Utf8Problem::kNotLeadByte);
  EXPECT_EQ(decode_utf8("\x80", 0).problem, Utf8Problem::kNotLeadByte);
  EXPECT_EQ(decode_utf8("\xe6\x97", 0).problem, Utf8Problem::kTruncated);
  EXPECT_EQ(decode_utf8("\xe6\x41\x41", 0).problem, Utf8Problem::kTruncated);
}

TEST(Utf8, FindsTheFirstInvalidByte) {
  Utf8Problem problem = Utf8Problem::kNone;
  EXPECT_EQ(first_invalid_utf8("name: Hải Phòng\n", &problem), std::string_view::npos);
  EXPECT_EQ(problem, Utf8Problem::kNone);
  EXPECT_EQ(first_invalid_utf8("ab\xed\xa0\x80", &problem), 2u);
  EXPECT_EQ(problem, Utf8Problem::kSurrogate);
  EXPECT_NE(describe(problem).find("surrogate"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

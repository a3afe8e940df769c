// Escaping of input text for one-line messages: what is escaped, and that the rest is kept.
#include "core/printable.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(Printable, KeepsPlainAndNonLatinText) {
  EXPECT_EQ(printable("Sangley Point"), "Sangley Point");
  EXPECT_EQ(printable("Hải Phòng · 東京"), "Hải Phòng · 東京");
  EXPECT_EQ(printable("C:\\data\\x"), "C:\\data\\x");  // backslashes as they are
  EXPECT_EQ(printable(""), "");
}

TEST(Printable, EscapesControlCharacters) {
  EXPECT_EQ(printable("a\nb"), "a\\nb");
  EXPECT_EQ(printable("a\rb\tc"), "a\\rb\\tc");
  EXPECT_EQ(printable("\x1b[2J"), "\\x1b[2J");
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("\x7f"), "\\x7f");
  EXPECT_EQ(printable("\xc2\x9b" "31m"), "\\u009b31m");  // C1 CSI, U+009B
}

TEST(Printable, EscapesLineSeparatorsAndBidiControls) {
  EXPECT_EQ(printable("a\xe2\x80\xa8" "b"), "a\\u2028b");
  EXPECT_EQ(printable("\xe2\x80\xae" "evil"), "\\u202eevil");
  EXPECT_EQ(printable("\xe2\x81\xa6" "x"), "\\u2066x");
}

TEST(Printable, EscapesBytesThatAreNotUtf8) {
  EXPECT_EQ(printable("x\xed\xa0\x80y"), "x\\xed\\xa0\\x80y");  // an encoded surrogate
  EXPECT_EQ(printable("\xc0\xaf"), "\\xc0\\xaf");               // overlong '/'
  EXPECT_EQ(printable("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(printable("ab\xe2\x82"), "ab\\xe2\\x82");           // cut short at the end
}

}  // namespace
}  // namespace mdasim

// What a name may hold: control characters, invisible formatting and spaces at either end are
// refused, with the character and where it stands; names of every script are not. Then the same
// rules as the loader applies them, at the line and column of the value (minimal.yaml's lines).
#include "scenario/name_rules.hpp"

#include <gtest/gtest.h>

#include "rule_check.hpp"

namespace mdasim {
namespace {

using test::edited;
using test::fails_with;
using test::minimal_text;

TEST(NameRules, OrdinaryNamesPass) {
  for (const char* name : {"Mactan AB", "PN C-90 flight", "Đà Nẵng port", "Cà Mau (VN)", "北海", "a", "x-1.5/2"}) {
    EXPECT_FALSE(name_fault(name).has_value()) << name;
  }
}

TEST(NameRules, ControlCharactersAnywhere) {
  EXPECT_EQ(name_fault("Sangley\aPoint").value(),
            "holds a control character (U+0007) at character 8; names may not hold control characters");
  EXPECT_NE(name_fault("Sangley\tPoint").value().find("(U+0009) at character 8"), std::string::npos);
  EXPECT_NE(name_fault(std::string("a\0b", 3)).value().find("(U+0000) at character 2"), std::string::npos);
  EXPECT_NE(name_fault("end\n").value().find("(U+000A) at character 4"), std::string::npos);
  EXPECT_NE(name_fault("del\x7f").value().find("(U+007F) at character 4"), std::string::npos);
  // C1: U+0085 (next line) and U+009B (CSI) in UTF-8; characters, not bytes, are counted.
  EXPECT_NE(name_fault("\xc3\xa0 \xc2\x85").value().find("(U+0085) at character 3"), std::string::npos);
  EXPECT_NE(name_fault("x\xc2\x9b" "31m").value().find("(U+009B) at character 2"), std::string::npos);
  // The last C1 and the first character after it.
  EXPECT_TRUE(name_fault("\xc2\x9f").has_value());
  EXPECT_FALSE(name_fault("\xc2\xa1").has_value());  // U+00A1
}

TEST(NameRules, InvisibleFormatting) {
  EXPECT_EQ(name_fault("Manila\xe2\x80\xa8port").value(),  // U+2028 line separator
            "holds an invisible formatting character (U+2028) at character 7; names may not hold line separators, "
            "zero-width or direction characters");
  EXPECT_NE(name_fault("abc\xe2\x80\xae" "cba").value().find("(U+202E)"), std::string::npos);  // right-to-left override
  EXPECT_NE(name_fault("a\xe2\x80\x8b" "b").value().find("(U+200B)"), std::string::npos);     // zero-width space
  EXPECT_NE(name_fault("\xef\xbb\xbfname").value().find("(U+FEFF) at character 1"), std::string::npos);
}

TEST(NameRules, SpacesAtEitherEnd) {
  EXPECT_EQ(name_fault("Mactan AB ").value(), "ends with a space (U+0020); names may not begin or end with spaces");
  EXPECT_EQ(name_fault(" Mactan AB").value(), "begins with a space (U+0020); names may not begin or end with spaces");
  EXPECT_NE(name_fault("Mactan AB\xc2\xa0").value().find("ends with a space (U+00A0)"), std::string::npos);
  EXPECT_NE(name_fault("\xe3\x80\x80x").value().find("begins with a space (U+3000)"), std::string::npos);
  EXPECT_FALSE(name_fault("Mactan  AB").has_value());  // inside, spaces are the author's business
}

TEST(NameRules, BytesThatAreNotUtf8) {
  EXPECT_NE(name_fault("a\xff").value().find("not UTF-8 text (0xFF) at character 2"), std::string::npos);
  EXPECT_NE(name_fault("\xc0\xaf").value().find("not UTF-8"), std::string::npos);  // overlong '/'
  EXPECT_NE(name_fault("\xed\xa0\x80").value().find("not UTF-8"), std::string::npos);  // a surrogate
}

TEST(NameRules, ShownWithCodes) {
  EXPECT_EQ(shown_name("Sangley\aPoint"), "Sangley<U+0007>Point");
  EXPECT_EQ(shown_name("x\xc2\x9b" "31m"), "x<U+009B>31m");
  EXPECT_EQ(shown_name("\xe2\x80\xae" "ab"), "<U+202E>ab");
  EXPECT_EQ(shown_name("Đà Nẵng"), "Đà Nẵng");
}

// The loader: names of entities, and references to them, at the value's line and column.
TEST(NameRules, LoaderRefusesNamesAtTheValue) {
  EXPECT_TRUE(fails_with(edited(minimal_text(), "  - name: Sangley Point", "  - name: \"Sangley\\aPoint\""), 23, 11,
                         "'name' of base 'Sangley<U+0007>Point' holds a control character (U+0007) at character 8; "
                         "names may not hold control characters"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    base: Sangley Point", "    base: \"Sangley Point \""), 49, 11,
                         "'base' of asset 'PN C-90 flight' is 'Sangley Point ', which ends with a space"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    name: Philippines", "    name: \"Philippines\\u0085\""), 15, 11,
                         "'name' of state 'Philippines<U+0085>' holds a control character (U+0085) at character 12"));
  // yaml-cpp reads the escape \N (next line) as the single byte 0x85, which is not UTF-8.
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    name: Philippines", "    name: \"Philippines\\N\""), 15, 11,
                         "'name' of state 'Philippines<invalid byte>' holds a byte that is not UTF-8 text (0x85) at character 12"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "    coordination_centre: Manila CGAC", "    coordination_centre: \"Manila\\u202ECGAC\""),
                         16, 26, "which holds an invisible formatting character (U+202E)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "          small-craft: 10nm", "          \"small-craft\\x7f\": 10nm"), 45, 11,
                         "search object 'small-craft<U+007F>' in 'sweep_widths' of sensor 'radar' of asset type "
                         "'C-90', which holds a control character (U+007F)"));
  EXPECT_TRUE(fails_with(edited(minimal_text(), "      - name: radar", "      - name: \"radar\\e\""), 41, 15,
                         "'name' of sensor 'radar<U+001B>' of asset type 'C-90' holds a control character (U+001B)"));
}

// A refused name is reported once, where it is defined, not again at every reference to it.
TEST(NameRules, ReferencesToARefusedNameAreNotReportedAgain) {
  const std::string text = edited(edited(minimal_text(), "  - name: Sangley Point", "  - name: &b \"Sangley\\aPoint\""),
                                  "    base: Sangley Point", "    base: *b");
  Diagnostics d;
  EXPECT_FALSE(load_scenario_text(text, "t.yaml", d).has_value());
  // The definition and the reference (which holds the same character) are each reported once,
  // and there is no "no base named" besides.
  EXPECT_EQ(d.error_count(), 2u) << test::printed(d);
  EXPECT_EQ(test::printed(d).find("no base named"), std::string::npos) << test::printed(d);
}

}  // namespace
}  // namespace mdasim

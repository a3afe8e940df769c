// Safe YAML loading: limits on size, depth and alias expansion, text checks, and parse errors
// reported at the right place. No input may crash, hang or exhaust memory.
#include "scenario/yaml_document.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

struct Outcome {
  bool ok = false;
  Diagnostics diagnostics;
  std::string first() const { return diagnostics.items().empty() ? "" : diagnostics.items()[0].str(); }
};

Outcome parse(std::string text, const YamlLimits& limits = {}) {
  Outcome o;
  o.ok = parse_yaml_text(std::move(text), std::make_shared<const std::string>("f.yaml"), o.diagnostics, limits)
             .has_value();
  return o;
}

TEST(YamlDocument, AcceptsAMapping) {
  const Outcome o = parse("a: 1\nb: [1, 2]\n");
  EXPECT_TRUE(o.ok) << o.first();
}

TEST(YamlDocument, EmptyAndCommentOnlyFiles) {
  EXPECT_EQ(parse("").first(), "f.yaml:1:1: error: file is empty: expected a YAML mapping with a 'scenario' or 'option' section");
  EXPECT_FALSE(parse("# nothing\n   \n# here\n").ok);
}

TEST(YamlDocument, TopLevelMustBeAMapping) {
  EXPECT_NE(parse("- a\n- b\n").first().find("top level is a list"), std::string::npos);
  EXPECT_NE(parse("just words\n").first().find("top level is a single value"), std::string::npos);
}

TEST(YamlDocument, BinaryAndInvalidUtf8) {
  EXPECT_EQ(parse(std::string("a: 1\nb: \0\n", 10)).first(),
            "f.yaml:2:4: error: not a text file: byte 8 is not valid UTF-8 text; expected a YAML scenario");
  EXPECT_FALSE(parse("a: \xff\xfe\n").ok);
  EXPECT_TRUE(parse("name: \xc3\xa9t\xc3\xa9\n").ok);  // "été" is fine
}

TEST(YamlDocument, ParseErrorsCarryOneBasedLocations) {
  const Outcome o = parse("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_FALSE(o.ok);
  EXPECT_NE(o.first().find("f.yaml:"), std::string::npos);
  EXPECT_NE(o.first().find("not valid YAML"), std::string::npos);
  const Outcome tab = parse("a:\n\t- b\n");
  EXPECT_FALSE(tab.ok);
}

TEST(YamlDocument, MoreThanOneDocument) {
  EXPECT_EQ(parse("a: 1\n---\nb: 2\n").first(),
            "f.yaml:2:1: error: file holds more than one YAML document; expected exactly one scenario");
}

TEST(YamlDocument, SizeLimit) {
  YamlLimits small;
  small.max_bytes = 16;
  EXPECT_NE(parse("a: 12345678901234567890\n", small).first().find("at most 16 bytes"), std::string::npos);
}

TEST(YamlDocument, DeepFlowNestingIsRefusedBeforeParsing) {
  const Outcome o = parse("a: " + std::string(100000, '[') + std::string(100000, ']') + "\n");
  EXPECT_FALSE(o.ok);
  // The mapping is level 1, so the 64th bracket (column 3 + 64) opens level 65.
  EXPECT_NE(o.first().find("f.yaml:1:67: error: nesting is 65 levels deep here"), std::string::npos) << o.first();
}

TEST(YamlDocument, DeepBlockNestingIsRefusedBeforeParsing) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  EXPECT_NE(parse(text).first().find("levels deep here; at most 64"), std::string::npos);
  std::string dashes;
  for (int i = 0; i < 3000; ++i) dashes += "- ";
  EXPECT_FALSE(parse("a:\n  " + dashes + "x\n").ok);
}

TEST(YamlDocument, NestingWithinTheLimitIsAccepted) {
  EXPECT_TRUE(parse("a: " + std::string(40, '[') + std::string(40, ']') + "\n").ok);
}

TEST(YamlDocument, BracketsInQuotesAndCommentsDoNotCount) {
  EXPECT_TRUE(parse("a: '" + std::string(500, '[') + "'  # " + std::string(500, '{') + "\n").ok);
}

TEST(YamlDocument, ExponentialAliasExpansionIsRefused) {
  // Nine levels of ten references: 10^9 nodes if expanded.
  std::string text = "l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i <= 9; ++i) {
    text += "l" + std::to_string(i) + ": &l" + std::to_string(i) + " [";
    for (int k = 0; k < 10; ++k) text += (k ? ", *l" : "*l") + std::to_string(i - 1);
    text += "]\n";
  }
  const Outcome o = parse(text);
  EXPECT_FALSE(o.ok);
  EXPECT_NE(o.first().find("aliases expand to more than 1000000 nodes"), std::string::npos) << o.first();
}

TEST(YamlDocument, ModestAliasesAreFine) {
  EXPECT_TRUE(parse("a: &a {x: 1}\nb: *a\nc: *a\n").ok);
}

TEST(YamlDocument, FileThatDoesNotExist) {
  Diagnostics d;
  EXPECT_FALSE(load_yaml_file("/nonexistent/dir/x.yaml", d).has_value());
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(),
            "/nonexistent/dir/x.yaml: error: cannot open file: no such file (looked for /nonexistent/dir/x.yaml)");
}

TEST(YamlDocument, AFifoIsRefusedWithoutWaitingForAWriter) {
  const std::string fifo = (std::filesystem::temp_directory_path() /
                            ("mdasim-yaml-fifo-" + std::to_string(::getpid()) + ".yaml")).string();
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Diagnostics d;
  EXPECT_FALSE(load_yaml_file(fifo, d).has_value());
  std::filesystem::remove(fifo);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].str(), fifo + ": error: cannot open file: it is a FIFO (named pipe), not a regular file");
}

TEST(YamlDocument, AFolderIsRefused) {
  Diagnostics d;
  EXPECT_FALSE(load_yaml_file(std::filesystem::temp_directory_path().string(), d).has_value());
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_NE(d.items()[0].str().find("cannot open file: it is a folder, not a regular file"), std::string::npos);
}

// RFC 3629: no encoded surrogates, no overlong forms, nothing above U+10FFFF.
TEST(YamlDocument, Utf8ThatRfc3629Forbids) {
  EXPECT_EQ(parse("scenario:\n  name: x\xed\xa0\x80y\n").first(),
            "f.yaml:2:10: error: not a text file: byte 19 is not valid UTF-8 text (an encoded UTF-16 surrogate "
            "(U+D800..U+DFFF)); expected a YAML scenario");
  EXPECT_NE(parse("a: \xe0\x80\xaf\n").first().find("f.yaml:1:4: error: not a text file: byte 3 is not valid UTF-8 "
                                                   "text (an overlong UTF-8 encoding)"),
            std::string::npos);
  EXPECT_NE(parse("a: b\nc: \xf4\x90\x80\x80\n").first().find("f.yaml:2:4: error: not a text file: byte 8 is not valid "
                                                             "UTF-8 text (a code point above U+10FFFF)"),
            std::string::npos);
}

// YAML 1.2 counts a lone CR as a line break; yaml-cpp does not, so the text is normalised first.
TEST(YamlDocument, CarriageReturnLineEndingsReadAsLines) {
  Diagnostics d;
  const auto doc = parse_yaml_text("a: 1\rb:\r  c: [1, 2]\r", std::make_shared<const std::string>("f.yaml"), d);
  ASSERT_TRUE(doc.has_value()) << d.items().front().str();
  EXPECT_EQ(doc->root["a"].as<int>(), 1);
  EXPECT_EQ(doc->root["b"]["c"].size(), 2u);
  EXPECT_EQ(location_of(doc->root["b"]["c"], doc->file).str(), "f.yaml:3:6");
  EXPECT_EQ(parse("a: 1\r\nb:\r  - x\n  - y\r").first(), "");  // CRLF, CR and LF mixed
  EXPECT_EQ(parse("a: [1,\r\r  \xff]\r").first(),
            "f.yaml:3:3: error: not a text file: byte 10 is not valid UTF-8 text (a byte that cannot start a UTF-8 "
            "character); expected a YAML scenario");
}

TEST(YamlDocument, ExplicitTagsAreRefusedWhereTheyAre) {
  const Outcome o = parse("run:\n  seed: !!float 7\n  name: !!str abc\n  x: !custom {a: 1}\n  q: \"quoted\"\n  e: ! 5\n");
  ASSERT_FALSE(o.ok);
  ASSERT_EQ(o.diagnostics.items().size(), 3u);
  EXPECT_EQ(o.diagnostics.items()[0].str(),
            "f.yaml:2:9: error: explicit YAML tag '!!float': a scenario's values take their type from their field "
            "(a whole number, a quantity with units, text), so tags are not allowed; remove '!!float'");
  EXPECT_NE(o.diagnostics.items()[1].str().find("f.yaml:3:9: error: explicit YAML tag '!!str'"), std::string::npos);
  EXPECT_NE(o.diagnostics.items()[2].str().find("f.yaml:4:6: error: explicit YAML tag '!custom'"), std::string::npos);
}

TEST(YamlDocument, ATagReachedThroughAnAliasIsReportedOnce) {
  const Outcome o = parse("a: &x !!int 7\nb: *x\nc: *x\n");
  ASSERT_EQ(o.diagnostics.items().size(), 1u);
  EXPECT_NE(o.first().find("f.yaml:1:4: error: explicit YAML tag '!!int'"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

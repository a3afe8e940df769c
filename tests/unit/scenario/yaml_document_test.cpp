// Safe YAML loading: limits on size, depth and alias expansion, text checks, and parse errors
// reported at the right place. No input may crash, hang or exhaust memory.
#include "scenario/yaml_document.hpp"

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
  EXPECT_EQ(d.items()[0].str(), "/nonexistent/dir/x.yaml: error: cannot open file");
}

}  // namespace
}  // namespace mdasim

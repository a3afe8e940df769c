// Diagnostics: the file:line:col format, ordering by position, and the cap on recorded items.
#include "core/diagnostics.hpp"

#include <memory>
#include <sstream>

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(Diagnostics, FormatsFileLineColumn) {
  auto file = std::make_shared<const std::string>("a.yaml");
  Diagnostics d;
  d.error({file, 12, 5}, "bad thing");
  d.warning({file, 3, 1}, "odd thing");
  EXPECT_TRUE(d.has_errors());
  EXPECT_EQ(d.error_count(), 1u);
  EXPECT_EQ(d.warning_count(), 1u);
  std::ostringstream out;
  d.print(out);
  // Sorted by position within the file.
  EXPECT_EQ(out.str(), "a.yaml:3:1: warning: odd thing\na.yaml:12:5: error: bad thing\n");
}

TEST(Diagnostics, UnknownPositionPrintsFileOnly) {
  Diagnostic d;
  d.where.file = std::make_shared<const std::string>("x.yaml");
  d.message = "cannot open file";
  EXPECT_EQ(d.str(), "x.yaml: error: cannot open file");
}

// A value quoted from the input cannot split a diagnostic over lines or reach the terminal raw.
TEST(Diagnostics, EscapesControlCharactersOfMessageAndFileName) {
  Diagnostic d;
  d.where = SourceLocation{std::make_shared<const std::string>("odd\nname.yaml"), 3, 7};
  d.message = "'air\x1b[31mcraft\nsecond line' is not a valid category";
  EXPECT_EQ(d.str(), "odd\\nname.yaml:3:7: error: 'air\\x1b[31mcraft\\nsecond line' is not a valid category");
  Diagnostics all;
  all.error(d.where, d.message);
  std::ostringstream out;
  all.print(out);
  EXPECT_EQ(out.str(), d.str() + "\n");  // one line
}

TEST(Diagnostics, StopsRecordingPastTheCapButKeepsCounting) {
  auto file = std::make_shared<const std::string>("f");
  Diagnostics d;
  for (int i = 0; i < 500; ++i) d.error({file, i + 1, 1}, "e");
  EXPECT_EQ(d.error_count(), 500u);
  EXPECT_EQ(d.items().size(), Diagnostics::kMaxRecorded);
  std::ostringstream out;
  d.print(out);
  EXPECT_NE(out.str().find("and 300 more not shown"), std::string::npos);
}

}  // namespace
}  // namespace mdasim

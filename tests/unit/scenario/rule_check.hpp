// Helpers for validation tests: load scenario text with one edit and find the diagnostic that
// a rule should produce.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "scenario/load.hpp"
#include "test_paths.hpp"

namespace mdasim::test {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string minimal_text() { return read_text(data_path("valid/minimal.yaml")); }

// `text` with the first occurrence of `from` replaced by `to` (which must exist).
inline std::string edited(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "test edit not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

inline std::string printed(const Diagnostics& d) {
  std::ostringstream out;
  d.print(out);
  return out.str();
}

// Asserts that loading `text` fails with an error at line:col whose message contains `needle`.
inline ::testing::AssertionResult fails_with(const std::string& text, int line, int col,
                                             const std::string& needle) {
  Diagnostics d;
  const auto s = load_scenario_text(text, "t.yaml", d);
  if (s) return ::testing::AssertionFailure() << "loaded without error";
  for (const Diagnostic& x : d.items()) {
    if (x.severity == Severity::kError && x.where.line == line && x.where.column == col &&
        x.message.find(needle) != std::string::npos) {
      return ::testing::AssertionSuccess();
    }
  }
  return ::testing::AssertionFailure() << "no error at " << line << ":" << col << " containing '"
                                       << needle << "'; got:\n"
                                       << printed(d);
}

}  // namespace mdasim::test

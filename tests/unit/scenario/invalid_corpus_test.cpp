// Every file in tests/data/invalid/ fails to load, with its expected first error (location and
// message) from tests/data/invalid/expected.tsv; every file there is listed and vice versa.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "rule_check.hpp"
#include "scenario/load.hpp"
#include "test_paths.hpp"

namespace mdasim {
namespace {

struct Expectation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;
};

std::vector<Expectation> read_expectations() {
  std::ifstream in(test::data_path("invalid/expected.tsv"));
  std::vector<Expectation> out;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::istringstream fields(line);
    Expectation e;
    std::string location;
    std::getline(fields, e.file, '\t');
    std::getline(fields, location, '\t');
    std::getline(fields, e.message);
    const std::size_t colon = location.find(':');
    e.line = std::stoi(location.substr(0, colon));
    e.column = std::stoi(location.substr(colon + 1));
    out.push_back(e);
  }
  return out;
}

TEST(InvalidCorpus, EveryFileIsListed) {
  std::set<std::string> listed;
  for (const Expectation& e : read_expectations()) listed.insert(e.file);
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(test::data_path("invalid"))) {
    if (!entry.is_regular_file()) continue;
    const std::string rel = std::filesystem::relative(entry.path(), test::data_path("invalid")).string();
    if (rel != "expected.tsv" && rel.find('/') == std::string::npos) present.insert(rel);
  }
  EXPECT_EQ(listed, present);
  EXPECT_GE(present.size(), 30u);
}

TEST(InvalidCorpus, EachFileFailsWithItsExpectedFirstError) {
  for (const Expectation& e : read_expectations()) {
    SCOPED_TRACE(e.file);
    Diagnostics d;
    const std::string path = test::data_path("invalid/" + e.file);
    EXPECT_FALSE(load_scenario(path, d).has_value());
    ASSERT_TRUE(d.has_errors());
    // The first error as printed (sorted by file and position).
    std::istringstream printed(test::printed(d));
    std::string first;
    while (std::getline(printed, first)) {
      if (first.find(": error: ") != std::string::npos) break;
    }
    const std::string where = ":" + std::to_string(e.line) + ":" + std::to_string(e.column) + ": error: ";
    EXPECT_NE(first.find(e.file + where), std::string::npos) << "first error: " << first;
    EXPECT_NE(first.find(e.message), std::string::npos) << "first error: " << first;
  }
}

}  // namespace
}  // namespace mdasim

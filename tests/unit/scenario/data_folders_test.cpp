// Where a scenario's geodata is found: beside the scenario, then in the folders of shipped data;
// every place looked is listed when it is not found; a copy of the shipped scenario loads alone.
#include "scenario/data_folders.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>

#include <gtest/gtest.h>

#include "../io/temp_directory.hpp"
#include "rule_check.hpp"
#include "scenario/load.hpp"

namespace mdasim {
namespace {

namespace fs = std::filesystem;

class DataFolders : public test::TempDirectoryTest {
 protected:
  DataFolders() : TempDirectoryTest("mdasim-data-folders-") {}
  std::string make(const std::string& relative, const std::string& text = "{}") const { return write_file(relative, text); }
  std::string folder(const std::string& relative) const {
    fs::create_directories(directory_ / relative);
    return (directory_ / relative).string();
  }
};

TEST_F(DataFolders, BesideTheScenarioFirst) {
  const std::string beside = make("mine/data/land.geojson");
  make("shipped/data/land.geojson");
  const FoundFile found = find_data_file("data/land.geojson", folder("mine"), {folder("shipped")});
  EXPECT_EQ(found.path, beside);
  EXPECT_EQ(found.problem, "");
}

TEST_F(DataFolders, ThenInEachDataFolderInTurn) {
  const std::string second = make("two/data/land.geojson");
  const FoundFile found = find_data_file("data/land.geojson", folder("mine"), {folder("one"), folder("two")});
  EXPECT_EQ(found.path, second);
  ASSERT_EQ(found.looked.size(), 3u);
  EXPECT_EQ(found.looked[0], (directory_ / "mine/data/land.geojson").string());
}

TEST_F(DataFolders, NotFoundListsEveryPlaceLooked) {
  const FoundFile found = find_data_file("data/land.geojson", folder("mine"), {folder("one")});
  EXPECT_EQ(found.path, "");
  EXPECT_EQ(found.problem, "not found (looked for " + (directory_ / "mine/data/land.geojson").string() + ", " +
                               (directory_ / "one/data/land.geojson").string() + ")");
}

TEST_F(DataFolders, AnAbsolutePathIsLookedForAsItIs) {
  const FoundFile found = find_data_file((directory_ / "nowhere.geojson").string(), folder("mine"), {folder("one")});
  EXPECT_EQ(found.looked, std::vector<std::string>{(directory_ / "nowhere.geojson").string()});
}

// A path that is there but cannot be read stops the search: the scenario's own file is at fault.
TEST_F(DataFolders, AFifoOrFolderBesideTheScenarioIsReportedNotSkipped) {
  make("one/land.geojson");
  const std::string mine = folder("mine");
  ASSERT_EQ(::mkfifo((directory_ / "mine/land.geojson").string().c_str(), 0600), 0);
  const FoundFile fifo = find_data_file("land.geojson", mine, {folder("one")});
  EXPECT_EQ(fifo.path, "");
  EXPECT_EQ(fifo.problem, (directory_ / "mine/land.geojson").string() + ": it is a FIFO (named pipe), not a regular file");
  folder("mine/lanes.geojson");
  EXPECT_NE(find_data_file("lanes.geojson", mine, {}).problem.find("it is a folder"), std::string::npos);
}

TEST_F(DataFolders, TheEnvironmentVariableComesFirst) {
  const std::string named = folder("named");
  const char* before = std::getenv("MDASIM_DATA");
  const std::string saved = before != nullptr ? before : "";
  ::setenv("MDASIM_DATA", named.c_str(), 1);
  const std::vector<std::string> folders = shipped_data_folders();
  if (before != nullptr) {
    ::setenv("MDASIM_DATA", saved.c_str(), 1);
  } else {
    ::unsetenv("MDASIM_DATA");
  }
  ASSERT_FALSE(folders.empty());
  EXPECT_EQ(folders.front(), named);
}

// The tests run from the build tree, which has the source tree's scenarios/ among its folders.
TEST_F(DataFolders, ABuildTreeHasTheSourceScenarios) {
  const std::vector<std::string> folders = shipped_data_folders();
  EXPECT_NE(std::find(folders.begin(), folders.end(), fs::path(test::source_path("scenarios")).lexically_normal().string()),
            folders.end());
}

// A copy of the shipped baseline, alone in a folder, finds the shipped geodata.
TEST_F(DataFolders, ACopiedScenarioLoadsAlone) {
  const std::string copy = make("mine.yaml", test::read_text(test::source_path("scenarios/asean-baseline.yaml")));
  Diagnostics d;
  const auto loaded = load_scenario(copy, d, {test::source_path("scenarios")});
  ASSERT_TRUE(loaded.has_value()) << test::printed(d);
  EXPECT_EQ(loaded->geodata.land_path, fs::path(test::source_path("scenarios/data/land-10m.geojson")).lexically_normal().string());
}

// Without the shipped data: one error per missing file, listing where it looked, and not also
// "names no lanes file" for the classes placed along lanes.
TEST_F(DataFolders, MissingGeodataIsReportedOnceWithThePlacesLooked) {
  const std::string copy = make("mine.yaml", test::read_text(test::source_path("scenarios/asean-baseline.yaml")));
  Diagnostics d;
  EXPECT_FALSE(load_scenario(copy, d, {folder("empty")}).has_value());
  const std::string printed = test::printed(d);
  EXPECT_EQ(d.error_count(), 3u) << printed;
  EXPECT_NE(printed.find("error: geodata file 'data/marnet-lanes.geojson' not found (looked for " +
                         (directory_ / "data/marnet-lanes.geojson").string() + ", " +
                         (directory_ / "empty/data/marnet-lanes.geojson").string() + ")"),
            std::string::npos)
      << printed;
  EXPECT_EQ(printed.find("names no lanes file"), std::string::npos) << printed;
}

}  // namespace
}  // namespace mdasim

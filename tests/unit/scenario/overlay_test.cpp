// Option overlays: removals, additions and changes applied to the base scenario, and errors
// that point into the file that said the offending value.
#include "scenario/load.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "rule_check.hpp"
#include "test_paths.hpp"

namespace mdasim {
namespace {

TEST(Overlay, AppliesRemoveAddAndChange) {
  Diagnostics d;
  const auto s = load_scenario(test::data_path("valid/options/tc90-transfer.yaml"), d);
  ASSERT_TRUE(s.has_value()) << test::printed(d);
  ASSERT_TRUE(s->option.has_value());
  EXPECT_EQ(s->option->name, "tc90-transfer");
  EXPECT_DOUBLE_EQ(s->option->cost_musd, 45.0);
  EXPECT_NE(s->option->base_path.find("reference-example.yaml"), std::string::npos);
  EXPECT_EQ(s->name, "asean-baseline");  // the base scenario's name
  // remove
  ASSERT_EQ(s->fixed_sensors.size(), 1u);
  EXPECT_EQ(s->fixed_sensors[0].name, "Manila AIS");
  // add: the new asset resolves against the base's types and bases
  ASSERT_EQ(s->assets.size(), 5u);
  EXPECT_EQ(s->assets[4].name, "PN TC-90 second flight");
  EXPECT_EQ(s->assets[4].type_index, 0);
  EXPECT_EQ(s->assets[4].state, "PH");
  // change: only the fields given
  EXPECT_DOUBLE_EQ(s->asset_types[0].mission_capable_rate, 0.75);
  EXPECT_DOUBLE_EQ(s->asset_types[0].cruise_speed_kt, 170.0);
  EXPECT_EQ(s->assets[1].count, 4);
  EXPECT_TRUE(s->assets[1].sar);
  EXPECT_TRUE(s->policies.cross_border_default_allowed);
  EXPECT_DOUBLE_EQ(s->policies.cross_border_coordination_delay_h, 3.0);  // kept
  EXPECT_EQ(s->policies.agreements.size(), 1u);                          // kept
  EXPECT_EQ(s->run.replications, 50);
  EXPECT_DOUBLE_EQ(s->run.duration_h, 365.0 * 24.0);  // kept
  // Locations: the added asset points into the option file, the rest into the base.
  EXPECT_NE(s->assets[4].where.file->find("tc90-transfer.yaml"), std::string::npos);
  EXPECT_NE(s->assets[0].where.file->find("reference-example.yaml"), std::string::npos);
  EXPECT_NE(s->option_text.find("tc90-transfer"), std::string::npos);
}

class OverlayErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mdasim-overlay-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ / "base.yaml") << test::minimal_text();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& text) {
    const std::string path = (dir_ / "option.yaml").string();
    std::ofstream(path) << text;
    return path;
  }

  static std::string header() {
    return "option:\n  name: o\n  cost: 1MUSD\n  base: base.yaml\n";
  }

  std::filesystem::path dir_;
};

TEST_F(OverlayErrors, RemovingWhatIsNotThere) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "remove:\n  assets: [PN C90 flight]\n"), d).has_value());
  ASSERT_EQ(d.error_count(), 1u) << test::printed(d);
  EXPECT_EQ(d.items()[0].where.line, 6);
  EXPECT_EQ(d.items()[0].where.column, 12);
  EXPECT_NE(d.items()[0].message.find("cannot remove asset 'PN C90 flight': the base scenario has none by "
                                      "that name (did you mean 'PN C-90 flight'?)"),
            std::string::npos);
}

// The names an option removes or changes get the same suggestions as references: a short form.
TEST_F(OverlayErrors, ShortFormOfANameToRemoveOrChange) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "remove:\n  bases: [Sangley]\nchange:\n  assets:\n    - {name: PN C-90, count: 3}\n"), d)
                   .has_value());
  const std::string printed = test::printed(d);
  EXPECT_NE(printed.find("option.yaml:6:11: error: cannot remove base 'Sangley': the base scenario has none by that "
                         "name (did you mean 'Sangley Point'?)"),
            std::string::npos)
      << printed;
  EXPECT_NE(printed.find("option.yaml:9:14: error: cannot change asset 'PN C-90': the base scenario has none by that "
                         "name (did you mean 'PN C-90 flight'?)"),
            std::string::npos)
      << printed;
}

// An option's own name is a name like any other.
TEST_F(OverlayErrors, OptionNameWithAControlCharacter) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write("option:\n  name: \"o\\x1b[2J\"\n  cost: 1MUSD\n  base: base.yaml\n"), d).has_value());
  EXPECT_NE(test::printed(d).find("option.yaml:2:9: error: 'name' of the 'option' section is 'o<U+001B>[2J', which holds "
                                  "a control character (U+001B) at character 2"),
            std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, ChangingWhatIsNotThere) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "change:\n  bases:\n    - name: Clark\n      lat: 15.2\n"), d)
                   .has_value());
  EXPECT_NE(test::printed(d).find("option.yaml:7:13: error: cannot change base 'Clark'"), std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, ChangedValuesAreValidatedWhereTheyAreWritten) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "change:\n  asset_types:\n    - name: C-90\n      search_speed: 400kt\n"), d)
                   .has_value());
  // The relation search <= cruise is checked on the merged scenario, and reported at the change
  // that broke it, in the option file.
  EXPECT_NE(test::printed(d).find("option.yaml:8:21: error: asset type 'C-90' has a search speed (400kt)"),
            std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, AddedEntitiesAreCheckedAgainstTheMergedScenario) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "add:\n  assets:\n    - name: new\n      type: C-90\n"
                                              "      base: Clark\n      count: 2\n      roles: [SAR]\n"),
                             d)
                   .has_value());
  EXPECT_NE(test::printed(d).find("option.yaml:9:13: error: asset 'new': no base named 'Clark'"), std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, HeaderNeedsCostAndBase) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write("option:\n  name: o\n  base: base.yaml\n"), d).has_value());
  EXPECT_NE(test::printed(d).find("option.yaml:2:3: error: missing required key 'cost'"), std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, MissingBaseFile) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write("option:\n  name: o\n  cost: 1MUSD\n  base: nothere.yaml\n"), d).has_value());
  // Reported once, at the 'base' value, not at a file the user never wrote.
  ASSERT_EQ(d.items().size(), 1u) << test::printed(d);
  EXPECT_NE(test::printed(d).find("option.yaml:4:9: error: cannot load the base scenario 'nothere.yaml'"),
            std::string::npos) << test::printed(d);
  EXPECT_NE(test::printed(d).find("cannot open file"), std::string::npos);
}

TEST_F(OverlayErrors, UnknownOperationOrSection) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "ad:\n  assets: []\nchange:\n  asets: []\n"), d).has_value());
  const std::string out = test::printed(d);
  EXPECT_NE(out.find("option.yaml:5:1: error: unknown key 'ad' in the option file (did you mean 'add'?)"),
            std::string::npos) << out;
  EXPECT_NE(out.find("option.yaml:8:3: error: unknown key 'asets' in the 'change' section (did you mean 'assets'?)"),
            std::string::npos) << out;
}

TEST_F(OverlayErrors, RemovingSomethingStillInUseIsReportedAtTheRemoval) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "remove:\n  bases: [Sangley Point]\n"), d).has_value());
  ASSERT_EQ(d.error_count(), 1u) << test::printed(d);
  EXPECT_NE(test::printed(d).find("option.yaml:6:11: error: the option removes base 'Sangley Point', which asset "
                                  "'PN C-90 flight' still uses (at "),
            std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, RemovingEverythingOfARequiredKind) {
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write(header() + "remove:\n  assets: [PN C-90 flight]\n"), d).has_value());
  EXPECT_NE(test::printed(d).find("option.yaml:2:3: error: the option removes every asset"), std::string::npos)
      << test::printed(d);
}

TEST_F(OverlayErrors, BaseMayNotBeAnOption) {
  std::ofstream(dir_ / "other.yaml") << header();
  Diagnostics d;
  EXPECT_FALSE(load_scenario(write("option:\n  name: o\n  cost: 1MUSD\n  base: other.yaml\n"), d).has_value());
  EXPECT_NE(test::printed(d).find("is itself an option"), std::string::npos) << test::printed(d);
}

}  // namespace
}  // namespace mdasim

// Reading a results file's maps back for `mdasim heatmap` (engine/io/map_reader.hpp): a file
// written by ResultsFile and write_map_layers reads back with its attributes, variants (with a
// comparison file's scenario attributes per variant), layers, values and land mask; missing,
// non-HDF5 and map-less inputs fail with clear messages.
#include "io/map_reader.hpp"
#include "../io/temp_directory.hpp"

#include <cmath>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>

#include "geo/grid.hpp"
#include "io/map_layers.hpp"
#include "io/results_file.hpp"

namespace mdasim {
namespace {

namespace fs = std::filesystem;
constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

class MapReader : public test::TempDirectoryTest {
 protected:
  MapReader() : TempDirectoryTest("mdasim-map-reader-") {}

  // A 3 x 2 grid (cols x rows) over 100..101.5E, 0..1N: cell (row 1, col 0) is land.
  fs::path write_sample() {
    const fs::path path = directory_ / "sample.h5";
    ResultsFile file(path);
    file.set_root_attribute("scenario_name", "sample");
    file.set_root_attribute("scenario_path", "scenarios/sample.yaml");
    file.set_root_attribute("scenario_text", "scenario:\n  name: sample\n");
    file.set_root_attribute("replications", std::size_t{12});
    file.set_root_attribute("seed", std::uint64_t{20261125});
    const Grid grid(100.0, 0.0, 101.5, 1.0, 0.5);
    write_map_layers(file, "baseline", grid,
                     {{"response_h", "h", "response time", {1.0f, 2.0f, 3.0f, kNaN, 5.0f, kNaN}},
                      {"covered_fraction", "1", "fraction covered", {0.1f, 0.2f, 0.3f, kNaN, 0.5f, 0.6f}}});
    write_map_layers(file, "option-a", grid, {{"response_h", "h", "response time", {1, 1, 1, 1, 1, 1}}});
    file.write_vector("option-a/series", "cost", {1.0}, "MUSD", "cost");  // not a map group
    file.commit();
    return path;
  }
};

TEST_F(MapReader, ReadsBackWhatWasWritten) {
  const MapFile file(write_sample());
  const ResultsAttributes& a = file.attributes();
  EXPECT_EQ(a.scenario_name, "sample");
  EXPECT_EQ(a.scenario_path, "scenarios/sample.yaml");
  EXPECT_EQ(a.scenario_text, "scenario:\n  name: sample\n");
  EXPECT_EQ(a.option_text, "");
  EXPECT_FALSE(a.engine_version.empty());
  EXPECT_EQ(a.replications, 12u);
  EXPECT_EQ(a.seed, 20261125u);

  ASSERT_EQ(file.variants().size(), 2u);
  const MapVariant& v = file.variants()[0];
  EXPECT_EQ(v.name, "baseline");
  EXPECT_EQ(file.variants()[1].name, "option-a");
  EXPECT_EQ(file.find_variant("option-a"), &file.variants()[1]);
  EXPECT_EQ(file.find_variant("nope"), nullptr);
  ASSERT_EQ(v.lat_deg.size(), 2u);
  ASSERT_EQ(v.lon_deg.size(), 3u);
  EXPECT_DOUBLE_EQ(v.lat_deg[0], 0.25);
  EXPECT_DOUBLE_EQ(v.lon_deg[2], 101.25);
  ASSERT_EQ(v.layers.size(), 2u);  // in name order
  EXPECT_EQ(v.layers[0].name, "covered_fraction");
  EXPECT_EQ(v.layers[0].units, "1");
  EXPECT_EQ(v.layers[1].name, "response_h");
  EXPECT_EQ(v.layers[1].long_name, "response time");

  const MapLayerData layer = file.read_layer("baseline", "response_h");
  EXPECT_EQ(layer.info.units, "h");
  ASSERT_EQ(layer.values.size(), 6u);
  EXPECT_EQ(layer.values[4], 5.0f);
  EXPECT_TRUE(std::isnan(layer.values[3]));
  EXPECT_TRUE(std::isnan(layer.values[5]));
  // Land: NaN in every layer (cell 5 has a coverage value, so it is sea without a response).
  EXPECT_EQ(file.nan_in_every_layer("baseline"), (std::vector<std::uint8_t>{0, 0, 0, 1, 0, 0}));

  EXPECT_THROW((void)file.read_layer("baseline", "nope"), std::invalid_argument);
  EXPECT_THROW((void)file.read_layer("nope", "response_h"), std::invalid_argument);
  // The file of a single run: no scenario attributes on the groups.
  EXPECT_EQ(v.scenario_path, "");
  EXPECT_EQ(v.option_text, "");
  EXPECT_EQ(file.variants()[1].scenario_path, "");
}

// A comparison file: each variant's group says which scenario or option file made it.
TEST_F(MapReader, ReadsEachVariantsScenarioAttributes) {
  const fs::path path = directory_ / "compare.h5";
  {
    ResultsFile file(path);
    file.set_root_attribute("scenario_path", "scenarios/sample.yaml");
    file.set_root_attribute("scenario_text", "scenario:\n  name: sample\n");
    const Grid grid(100.0, 0.0, 101.0, 1.0, 0.5);
    write_map_layers(file, "baseline", grid, {{"response_h", "h", "response time", {1, 2, 3, 4}}});
    write_map_layers(file, "option-a", grid, {{"response_h", "h", "response time", {1, 1, 1, 1}}});
    file.set_attribute("baseline", "scenario_path", "scenarios/sample.yaml");
    file.set_attribute("option-a", "scenario_path", "scenarios/options/option-a.yaml");
    file.set_attribute("option-a", "option_text", "option:\n  name: option-a\n");
    file.commit();
  }
  const MapFile file(path);
  ASSERT_EQ(file.variants().size(), 2u);
  const MapVariant& baseline = *file.find_variant("baseline");
  EXPECT_EQ(baseline.scenario_path, "scenarios/sample.yaml");
  EXPECT_EQ(baseline.option_text, "");
  const MapVariant& option = *file.find_variant("option-a");
  EXPECT_EQ(option.scenario_path, "scenarios/options/option-a.yaml");
  EXPECT_EQ(option.option_text, "option:\n  name: option-a\n");
  // The root attributes stay the baseline's.
  EXPECT_EQ(file.attributes().scenario_path, "scenarios/sample.yaml");
  EXPECT_EQ(file.attributes().option_text, "");
}

TEST_F(MapReader, ClearErrorsForFilesThatAreNotResults) {
  const auto message = [](const fs::path& path) {
    try {
      const MapFile file(path);
      return std::string("opened");
    } catch (const MapFileError& e) {
      return std::string(e.what());
    }
  };
  EXPECT_NE(message(directory_ / "missing.h5").find("missing.h5': no such file"), std::string::npos);
  EXPECT_NE(message(directory_).find("is a folder"), std::string::npos);
  const fs::path text = directory_ / "notes.h5";
  std::ofstream(text) << "not HDF5\n";
  EXPECT_NE(message(text).find("notes.h5' is not an HDF5 file"), std::string::npos);

  // An HDF5 file without maps opens, with no variants.
  const fs::path bare = directory_ / "bare.h5";
  {
    ResultsFile file(bare);
    file.set_root_attribute("scenario_name", "bare");
    file.commit();
  }
  const MapFile file(bare);
  EXPECT_TRUE(file.variants().empty());
  EXPECT_EQ(file.attributes().scenario_name, "bare");
  EXPECT_FALSE(file.attributes().replications.has_value());
}

}  // namespace
}  // namespace mdasim

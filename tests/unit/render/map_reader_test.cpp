// Reading a results file's maps back for `mdasim heatmap` (engine/io/map_reader.hpp): a file
// written by ResultsFile and write_map_layers reads back with its attributes, variants (with a
// comparison file's scenario attributes per variant), layers, values and land mask; missing,
// non-HDF5 and map-less inputs fail with clear messages.
#include "io/map_reader.hpp"
#include "../io/temp_directory.hpp"

#include <sys/stat.h>

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

// Datasets of a maps group that are not (lat, lon) maps of numbers are listed with what they are,
// so that asking for one says so instead of "no layer".
TEST_F(MapReader, SaysWhatADatasetThatIsNotAMapIs) {
  const fs::path path = directory_ / "odd.h5";
  {
    ResultsFile file(path);
    const Grid grid(100.0, 0.0, 101.5, 1.0, 0.5);
    write_map_layers(file, "baseline", grid, {{"response_h", "h", "response time", {1, 2, 3, 4, 5, 6}}});
    file.write_vector("baseline/maps", "flat", {1.0, 2.0}, "1", "not a map");
    ResultsTable table;
    (void)table.add_double("a", "1", "a column");
    table.set_rows(1);
    file.write_table("baseline/maps", "table", table, "a table");
    file.commit();
  }
  const MapFile file(path);
  const MapVariant& v = file.variants().at(0);
  ASSERT_EQ(v.layers.size(), 1u);
  // Also the dimension scales the vector and the table come with.
  const auto why = [&](const std::string& name) {
    for (const NotALayer& n : v.not_layers) {
      if (n.name == name) return n.why;
    }
    return std::string("not listed");
  };
  EXPECT_EQ(why("flat"), "it has shape (2,); expected (lat, lon) = (2, 3)");
  EXPECT_EQ(why("table"), "it is a table (compound dataset), not a map");
  EXPECT_EQ(why("table_row"), "it has shape (1,); expected (lat, lon) = (2, 3)");
}

TEST_F(MapReader, AttributesOfTheWrongTypeAreIgnoredWithAWarning) {
  const fs::path path = directory_ / "typed.h5";
  {
    ResultsFile file(path);
    file.set_root_attribute("scenario_path", 5.0);
    file.set_root_attribute("replications", "two");
    file.set_root_attribute("seed", -3.0);
    file.commit();
  }
  const MapFile file(path);
  EXPECT_EQ(file.attributes().scenario_path, "");
  EXPECT_FALSE(file.attributes().replications.has_value());
  EXPECT_EQ(file.warnings(), (std::vector<std::string>{
                                 "root attribute 'scenario_path' is not a text value; ignored",
                                 "root attribute 'replications' is not a whole number of at least 0; ignored",
                                 "root attribute 'seed' is not a whole number of at least 0; ignored"}));
}

TEST_F(MapReader, ReadsTheRecordOfTheFilesTheRunRead) {
  const fs::path path = directory_ / "recorded.h5";
  {
    ResultsFile file(path);
    file.set_root_attribute("working_folder", "/runs/here");
    file.set_root_attribute("scenario_absolute_path", "/runs/here/mine.yaml");
    file.set_root_attribute("geodata_land_path", "/data/land.geojson");
    file.set_root_attribute("geodata_land_sha256", std::string(64, 'a'));
    file.set_root_attribute("geodata_lanes_path", "/data/lanes.geojson");
    file.commit();
  }
  const MapFile file(path);
  const ResultsAttributes& a = file.attributes();
  EXPECT_EQ(a.working_folder, "/runs/here");
  EXPECT_EQ(a.scenario_absolute_path, "/runs/here/mine.yaml");
  ASSERT_EQ(a.geodata.size(), 2u);
  EXPECT_EQ(a.geodata[0].layer, "land");
  EXPECT_EQ(a.geodata[0].sha256, std::string(64, 'a'));
  EXPECT_EQ(a.geodata[1].path, "/data/lanes.geojson");
  EXPECT_EQ(a.geodata[1].sha256, "");
}

// A FIFO, a truncated file: refused with what they are, at once.
TEST_F(MapReader, RefusesAFifoAndSaysATruncatedFileIsDamaged) {
  const fs::path fifo = directory_ / "fifo.h5";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  try {
    const MapFile file(fifo);
    ADD_FAILURE() << "opened a FIFO";
  } catch (const MapFileError& e) {
    EXPECT_EQ(std::string(e.what()), "'" + fifo.string() + "': it is a FIFO (named pipe), not a regular file; expected a results file (.h5)");
  }
  const fs::path whole = write_sample();
  const fs::path cut = directory_ / "cut.h5";
  {
    std::ifstream in(whole, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  try {
    const MapFile file(cut);
    ADD_FAILURE() << "opened a truncated file";
  } catch (const MapFileError& e) {
    EXPECT_EQ(std::string(e.what()), "'" + cut.string() + "' starts as an HDF5 file but cannot be opened: it is truncated or damaged");
  }
}

}  // namespace
}  // namespace mdasim

// The record of a run's scenario and geodata files in a results file (engine/io/geodata_record):
// absolute paths and SHA-256 written, read back by the map reader, and files compared with it.
#include "io/geodata_record.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "core/sha256.hpp"
#include "io/map_reader.hpp"
#include "io/results_file.hpp"
#include "temp_directory.hpp"

namespace mdasim {
namespace {

namespace fs = std::filesystem;

class GeodataRecord : public test::TempDirectoryTest {
 protected:
  GeodataRecord() : TempDirectoryTest("mdasim-geodata-record-") {}
};

TEST_F(GeodataRecord, WritesAbsolutePathsAndHashesThatReadBack) {
  Scenario s;
  s.source_path = (directory_ / "sub" / ".." / "mine.yaml").string();
  s.geodata.land_path = write_file("land.geojson", R"({"type": "FeatureCollection", "features": []})");
  s.geodata.lanes_path = write_file("lanes.geojson", "{}");
  const fs::path results = directory_ / "x.h5";
  {
    ResultsFile file(results);
    write_geodata_record(file, s);
    file.commit();
  }
  const MapFile read_back(results);
  const ResultsAttributes& a = read_back.attributes();
  EXPECT_EQ(a.working_folder, fs::current_path().string());
  EXPECT_EQ(a.scenario_absolute_path, (directory_ / "mine.yaml").string());
  ASSERT_EQ(a.geodata.size(), 2u);  // no countries file
  EXPECT_EQ(a.geodata[0].layer, "land");
  EXPECT_EQ(a.geodata[0].path, s.geodata.land_path);
  EXPECT_EQ(a.geodata[0].sha256, sha256_hex(R"({"type": "FeatureCollection", "features": []})"));
  EXPECT_EQ(a.geodata[1].layer, "lanes");
  // SHA-256 of "{}", as `printf '{}' | sha256sum` gives it.
  EXPECT_EQ(a.geodata[1].sha256, "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
}

TEST_F(GeodataRecord, ComparesAFileWithItsRecord) {
  const std::string path = write_file("land.geojson", "{}");
  const std::string hash = sha256_hex("{}");
  EXPECT_EQ(compare_with_record(path, hash), RecordMatch::kSame);
  EXPECT_EQ(compare_with_record(path, ""), RecordMatch::kSame);  // nothing recorded to compare
  write_file("land.geojson", "{} ");
  EXPECT_EQ(compare_with_record(path, hash), RecordMatch::kChanged);
  fs::remove(path);
  EXPECT_EQ(compare_with_record(path, hash), RecordMatch::kUnreadable);
  EXPECT_EQ(compare_with_record(directory_.string(), hash), RecordMatch::kUnreadable);  // a folder
}

}  // namespace
}  // namespace mdasim

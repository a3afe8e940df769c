// What a results file records about the files a run read, so that `mdasim heatmap` run from any
// folder finds the scenario and its geodata, and can tell whether they are still the ones the
// run used. Root attributes (strings; docs/results-file.md):
//   working_folder           the folder the run was started in: relative paths stored in the file
//                            (`scenario_path`, a comparison's groups' `scenario_path`) resolve
//                            against it
//   scenario_absolute_path   the scenario (or option) file run, as an absolute path
//   geodata_<layer>_path     each geodata file read (layer: land, lanes, countries), absolute
//   geodata_<layer>_sha256   the SHA-256 of its bytes, 64 lower-case hexadecimal digits
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "io/results_file.hpp"
#include "scenario/scenario.hpp"

namespace mdasim {

inline constexpr std::array<std::string_view, 3> kGeodataLayers = {"land", "lanes", "countries"};

// "geodata_land_path", "geodata_land_sha256".
[[nodiscard]] std::string geodata_path_attribute(std::string_view layer);
[[nodiscard]] std::string geodata_sha256_attribute(std::string_view layer);

// Writes the attributes above for `scenario`, read from the current folder. A geodata file that
// cannot be read now gets its path and no hash.
void write_geodata_record(ResultsFile& file, const Scenario& scenario);

// One geodata file as recorded.
struct RecordedGeodata {
  std::string layer;   // land, lanes or countries
  std::string path;    // absolute
  std::string sha256;  // "" if none was recorded
};

// How a file found now compares with its record.
enum class RecordMatch { kSame, kChanged, kUnreadable };

// Reads `path` (a regular file of at most the GeoJSON size limit) and compares its SHA-256 with
// `sha256`; a record without a hash matches any readable file.
[[nodiscard]] RecordMatch compare_with_record(const std::string& path, const std::string& sha256);

}  // namespace mdasim

// Writing the record of the scenario and geodata files of a run, and comparing files with it.
#include "io/geodata_record.hpp"

#include <filesystem>
#include <optional>
#include <system_error>

#include "core/input_file.hpp"
#include "core/sha256.hpp"
#include "geo/geojson.hpp"

namespace mdasim {
namespace {

std::string absolute_text(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path absolute = std::filesystem::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

std::optional<std::string> sha256_of_file(const std::string& path) {
  std::string problem;
  const std::optional<std::string> bytes = read_input_file(path, GeoJsonLimits{}.max_bytes, problem, "a GeoJSON file");
  if (!bytes) return std::nullopt;
  return sha256_hex(*bytes);
}

}  // namespace

std::string geodata_path_attribute(std::string_view layer) { return "geodata_" + std::string(layer) + "_path"; }
std::string geodata_sha256_attribute(std::string_view layer) { return "geodata_" + std::string(layer) + "_sha256"; }

void write_geodata_record(ResultsFile& file, const Scenario& scenario) {
  std::error_code ec;
  const std::filesystem::path here = std::filesystem::current_path(ec);
  if (!ec) file.set_root_attribute("working_folder", here.string());
  if (!scenario.source_path.empty()) file.set_root_attribute("scenario_absolute_path", absolute_text(scenario.source_path));
  const std::array<const std::string*, 3> paths = {&scenario.geodata.land_path, &scenario.geodata.lanes_path,
                                                   &scenario.geodata.countries_path};
  for (std::size_t i = 0; i < kGeodataLayers.size(); ++i) {
    if (paths[i]->empty()) continue;
    file.set_root_attribute(geodata_path_attribute(kGeodataLayers[i]), absolute_text(*paths[i]));
    if (const std::optional<std::string> hash = sha256_of_file(*paths[i])) {
      file.set_root_attribute(geodata_sha256_attribute(kGeodataLayers[i]), *hash);
    }
  }
}

RecordMatch compare_with_record(const std::string& path, const std::string& sha256) {
  const std::optional<std::string> hash = sha256_of_file(path);
  if (!hash) return RecordMatch::kUnreadable;
  return sha256.empty() || *hash == sha256 ? RecordMatch::kSame : RecordMatch::kChanged;
}

}  // namespace mdasim

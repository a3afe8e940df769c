// Reading the maps of a results file (docs/results-file.md, "Maps") with the HDF5 C API: the
// variants (root groups with a `maps` group holding `lat` and `lon`), their layers (2-D
// (lat, lon) datasets with `units` and `long_name`), a layer's values, the root attributes
// that say which scenario and run made the file, and the scenario attributes of each variant's
// group where a comparison file has them. Coordinates are degrees (cell centres), layer
// values are whatever the layer's `units` say (NaN where there is no value: land, or no data).
//
// Errors: a file that is missing, not a regular file (a folder, a FIFO, a device: checked before
// it is opened, core/input_file.hpp), not HDF5, truncated, unreadable, or whose maps are not
// laid out as documented throws MapFileError with a message that names the file and what is
// wrong. Datasets of a maps group that are not (lat, lon) maps of numbers are listed with the
// reason, and attributes of the wrong type are ignored with a warning (warnings()). HDF5's own
// error printing is silenced during every call. Use one MapFile from one thread at a time
// (Debian's HDF5 is built without thread safety).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "io/geodata_record.hpp"

namespace mdasim {

class MapFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A dataset (or group) in a maps group that is not a layer, and why, e.g. "it is a table
// (compound dataset), not a map" or "it has shape (10); expected (lat, lon) = (40, 40)".
struct NotALayer {
  std::string name;
  std::string why;
};

struct MapLayerInfo {
  std::string name;       // the dataset's name, e.g. "expected_response_h"
  std::string units;      // its `units` attribute ("" if it has none)
  std::string long_name;  // its `long_name` attribute ("" if it has none)
};

struct MapVariant {
  std::string name;              // the root group, e.g. "baseline"
  std::vector<double> lat_deg;   // cell centres, strictly monotonic (ascending as written)
  std::vector<double> lon_deg;   // cell centres, strictly monotonic (ascending as written)
  std::vector<MapLayerInfo> layers;  // in name order
  std::vector<NotALayer> not_layers;  // in name order
  // The group's own `scenario_path` and `option_text` attributes, which a comparison file gives
  // each variant (the option file's path and text for an option); "" where absent, as in the
  // file of a single run, whose root attributes say it all.
  std::string scenario_path;
  std::string option_text;
};

// The root attributes of a results file; a string missing from the file is "".
struct ResultsAttributes {
  std::string engine_version;
  std::string scenario_name;
  std::string scenario_path;
  std::string scenario_text;
  std::string option_text;
  std::optional<std::uint64_t> replications;
  std::optional<std::uint64_t> seed;
  // The record of the files the run read (io/geodata_record.hpp); "" or empty where absent.
  std::string working_folder;
  std::string scenario_absolute_path;
  std::vector<RecordedGeodata> geodata;
};

struct MapLayerData {
  MapLayerInfo info;
  std::vector<double> lat_deg;
  std::vector<double> lon_deg;
  std::vector<float> values;  // lat_deg.size() x lon_deg.size(), row-major: values[i * cols + j] at (lat i, lon j)
};

class MapFile {
 public:
  // Opens `path` read-only and reads its attributes and the list of variants and layers.
  explicit MapFile(const std::filesystem::path& path);
  ~MapFile();
  MapFile(MapFile&&) noexcept;
  MapFile& operator=(MapFile&&) noexcept;
  MapFile(const MapFile&) = delete;
  MapFile& operator=(const MapFile&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const;
  [[nodiscard]] const ResultsAttributes& attributes() const;
  // Every variant with maps, in name order (empty if the file has no maps).
  [[nodiscard]] const std::vector<MapVariant>& variants() const;
  // The variant of that name, or nullptr.
  [[nodiscard]] const MapVariant* find_variant(const std::string& name) const;
  // What was ignored while reading the file, e.g. "root attribute 'seed' is not a whole number".
  [[nodiscard]] const std::vector<std::string>& warnings() const;

  // One layer's values and coordinates. Throws std::invalid_argument for a variant or layer the
  // file does not list, MapFileError if it cannot be read.
  [[nodiscard]] MapLayerData read_layer(const std::string& variant, const std::string& layer) const;

  // Per cell (row-major as the layers): 1 where every layer of the variant is NaN, which is how
  // land shows in a results file (at sea some layer, such as a coverage fraction, always has a
  // value), 0 elsewhere. Throws like read_layer.
  [[nodiscard]] std::vector<std::uint8_t> nan_in_every_layer(const std::string& variant) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mdasim

// Reading a results file's maps, root attributes and variants' scenario attributes through the
// HDF5 C API (see map_reader.hpp).
#include "io/map_reader.hpp"

#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <system_error>
#include <utility>

#include "core/input_file.hpp"
#include "io/hdf5_handles.hpp"

namespace mdasim {
namespace {

// A layer larger than this many cells is refused rather than allocated (1.6 GB as float).
constexpr std::uint64_t kMaxCells = 400'000'000;

using hdf5::AttributeHandle;
using hdf5::DatasetHandle;
using hdf5::FileHandle;
using hdf5::ObjectHandle;
using hdf5::SpaceHandle;
using hdf5::TypeHandle;
// Readers clear the error stack on leaving: they report their own errors.
using QuietHdf5 = hdf5::QuietClearingHdf5;

// The kind of the object `name` in `group`: H5I_GROUP, H5I_DATASET, or H5I_BADID.
H5I_type_t object_kind(hid_t group, const char* name) {
  if (H5Lexists(group, name, H5P_DEFAULT) <= 0) return H5I_BADID;
  const ObjectHandle object(H5Oopen(group, name, H5P_DEFAULT));
  if (!object.valid()) return H5I_BADID;
  return H5Iget_type(object.get());
}

// The names of the links in `group`, in name order.
std::vector<std::string> link_names(hid_t group) {
  std::vector<std::string> names;
  const auto collect = [](hid_t, const char* name, const H5L_info_t*, void* out) -> herr_t {
    static_cast<std::vector<std::string>*>(out)->emplace_back(name);
    return 0;
  };
  hsize_t index = 0;
  H5Literate(group, H5_INDEX_NAME, H5_ITER_INC, &index, collect, &names);
  std::sort(names.begin(), names.end());
  return names;
}

// A scalar (or one-element) string attribute, fixed or variable length; nothing if absent or
// not a string.
std::optional<std::string> string_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  const AttributeHandle attribute(H5Aopen(object, name, H5P_DEFAULT));
  if (!attribute.valid()) return std::nullopt;
  const TypeHandle file_type(H5Aget_type(attribute.get()));
  const SpaceHandle space(H5Aget_space(attribute.get()));
  if (!file_type.valid() || !space.valid() || H5Tget_class(file_type.get()) != H5T_STRING) return std::nullopt;
  if (H5Sget_simple_extent_npoints(space.get()) != 1) return std::nullopt;
  TypeHandle memory_type(H5Tcopy(H5T_C_S1));
  if (!memory_type.valid()) return std::nullopt;
  H5Tset_cset(memory_type.get(), H5Tget_cset(file_type.get()));
  if (H5Tis_variable_str(file_type.get()) > 0) {
    if (H5Tset_size(memory_type.get(), H5T_VARIABLE) < 0) return std::nullopt;
    char* text = nullptr;
    if (H5Aread(attribute.get(), memory_type.get(), &text) < 0) return std::nullopt;
    std::string value = text != nullptr ? std::string(text) : std::string();
    H5free_memory(text);
    return value;
  }
  const std::size_t size = H5Tget_size(file_type.get());
  if (size == 0 || size > (64u << 20)) return std::nullopt;
  std::string buffer(size + 1, '\0');
  if (H5Tset_size(memory_type.get(), size + 1) < 0 || H5Tset_strpad(memory_type.get(), H5T_STR_NULLTERM) < 0 ||
      H5Aread(attribute.get(), memory_type.get(), buffer.data()) < 0) {
    return std::nullopt;
  }
  buffer.resize(buffer.find('\0') == std::string::npos ? buffer.size() : buffer.find('\0'));
  return buffer;
}

// A scalar whole-number attribute >= 0 (integer, or a float holding a whole number).
std::optional<std::uint64_t> count_attribute(hid_t object, const char* name) {
  if (H5Aexists(object, name) <= 0) return std::nullopt;
  const AttributeHandle attribute(H5Aopen(object, name, H5P_DEFAULT));
  if (!attribute.valid()) return std::nullopt;
  const TypeHandle file_type(H5Aget_type(attribute.get()));
  const SpaceHandle space(H5Aget_space(attribute.get()));
  if (!file_type.valid() || !space.valid() || H5Sget_simple_extent_npoints(space.get()) != 1) return std::nullopt;
  switch (H5Tget_class(file_type.get())) {
    case H5T_INTEGER: {
      if (H5Tget_sign(file_type.get()) == H5T_SGN_NONE) {
        std::uint64_t value = 0;
        if (H5Aread(attribute.get(), H5T_NATIVE_UINT64, &value) < 0) return std::nullopt;
        return value;
      }
      std::int64_t value = 0;
      if (H5Aread(attribute.get(), H5T_NATIVE_INT64, &value) < 0 || value < 0) return std::nullopt;
      return static_cast<std::uint64_t>(value);
    }
    case H5T_FLOAT: {
      double value = 0.0;
      if (H5Aread(attribute.get(), H5T_NATIVE_DOUBLE, &value) < 0) return std::nullopt;
      if (!(value >= 0.0) || value > 9.0e15 || std::floor(value) != value) return std::nullopt;
      return static_cast<std::uint64_t>(value);
    }
    default:
      return std::nullopt;
  }
}

// The extent of a dataset's dataspace (empty for a scalar or on failure).
std::vector<hsize_t> extent_of(hid_t dataset) {
  const SpaceHandle space(H5Dget_space(dataset));
  if (!space.valid()) return {};
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank <= 0 || rank > 8) return {};
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) < 0) return {};
  return dims;
}

bool is_number_type(hid_t dataset) {
  const TypeHandle type(H5Dget_type(dataset));
  if (!type.valid()) return false;
  const H5T_class_t c = H5Tget_class(type.get());
  return c == H5T_FLOAT || c == H5T_INTEGER;
}

std::string shape_text(const std::vector<hsize_t>& dims) {
  std::string text = "(";
  for (std::size_t i = 0; i < dims.size(); ++i) text += (i == 0 ? "" : ", ") + std::to_string(dims[i]);
  return text + (dims.size() == 1 ? ",)" : ")");
}

// Why a dataset of a maps group is not a (rows, cols) map of numbers; "" if it is one.
std::string why_not_a_map(hid_t dataset, std::size_t rows, std::size_t cols) {
  const TypeHandle type(H5Dget_type(dataset));
  const H5T_class_t c = type.valid() ? H5Tget_class(type.get()) : H5T_NO_CLASS;
  if (c == H5T_COMPOUND) return "it is a table (compound dataset), not a map";
  if (c == H5T_STRING) return "it holds text, not numbers";
  if (c != H5T_FLOAT && c != H5T_INTEGER) return "it holds neither integers nor floating-point numbers";
  const std::vector<hsize_t> dims = extent_of(dataset);
  const std::string expected = "; expected (lat, lon) = (" + std::to_string(rows) + ", " + std::to_string(cols) + ")";
  if (dims.empty()) return "it is a single value or has no shape" + expected;
  if (dims.size() != 2 || dims[0] != rows || dims[1] != cols) return "it has shape " + shape_text(dims) + expected;
  return "";
}

}  // namespace

struct MapFile::Impl {
  std::filesystem::path path;
  FileHandle file;
  ResultsAttributes attributes;
  std::vector<MapVariant> variants;
  std::vector<std::string> warnings;

  [[noreturn]] void fail(const std::string& what) const {
    throw MapFileError("'" + path.string() + "': " + what);
  }

  // A string attribute of `object` (named `where` in messages); "" when absent, and when it is
  // not text (with a warning).
  std::string text(hid_t object, const char* name, const std::string& where) {
    if (std::optional<std::string> value = string_attribute(object, name)) return *value;
    if (H5Aexists(object, name) > 0) warnings.push_back(where + " attribute '" + name + "' is not a text value; ignored");
    return "";
  }

  std::optional<std::uint64_t> count(hid_t object, const char* name, const std::string& where) {
    std::optional<std::uint64_t> value = count_attribute(object, name);
    if (!value && H5Aexists(object, name) > 0) {
      warnings.push_back(where + " attribute '" + name + "' is not a whole number of at least 0; ignored");
    }
    return value;
  }

  // A 1-D coordinate dataset of the maps group: finite, strictly monotonic.
  std::vector<double> read_axis(hid_t maps, const std::string& variant, const char* name) const {
    const std::string where = variant + "/maps/" + name;
    const DatasetHandle dataset(H5Dopen2(maps, name, H5P_DEFAULT));
    if (!dataset.valid()) fail("cannot open '" + where + "'");
    const std::vector<hsize_t> dims = extent_of(dataset.get());
    if (dims.size() != 1 || dims[0] == 0 || dims[0] > 10'000'000 || !is_number_type(dataset.get())) {
      fail("'" + where + "' is not a 1-D list of cell centres");
    }
    std::vector<double> values(static_cast<std::size_t>(dims[0]));
    if (H5Dread(dataset.get(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
      fail("cannot read '" + where + "'");
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!std::isfinite(values[i])) fail("'" + where + "' holds a value that is not a finite number");
      if (i >= 1 && values[i] == values[i - 1]) fail("'" + where + "' repeats a coordinate");
      if (i >= 2 && (values[i] > values[i - 1]) != (values[1] > values[0])) fail("'" + where + "' is not monotonic");
    }
    return values;
  }

  void read_structure() {
    const ObjectHandle root(H5Oopen(file.get(), "/", H5P_DEFAULT));
    if (!root.valid()) fail("cannot open the root group");
    const std::string root_name = "root";
    attributes.engine_version = text(root.get(), "engine_version", root_name);
    attributes.scenario_name = text(root.get(), "scenario_name", root_name);
    attributes.scenario_path = text(root.get(), "scenario_path", root_name);
    attributes.scenario_text = text(root.get(), "scenario_text", root_name);
    attributes.option_text = text(root.get(), "option_text", root_name);
    attributes.replications = count(root.get(), "replications", root_name);
    attributes.seed = count(root.get(), "seed", root_name);
    attributes.working_folder = text(root.get(), "working_folder", root_name);
    attributes.scenario_absolute_path = text(root.get(), "scenario_absolute_path", root_name);
    for (const std::string_view layer : kGeodataLayers) {
      RecordedGeodata g{std::string(layer), text(root.get(), geodata_path_attribute(layer).c_str(), root_name),
                        text(root.get(), geodata_sha256_attribute(layer).c_str(), root_name)};
      if (!g.path.empty()) attributes.geodata.push_back(std::move(g));
    }

    for (const std::string& name : link_names(root.get())) {
      if (object_kind(root.get(), name.c_str()) != H5I_GROUP) continue;
      const std::string maps_path = name + "/maps";
      if (object_kind(root.get(), maps_path.c_str()) != H5I_GROUP) continue;
      const ObjectHandle maps(H5Oopen(root.get(), maps_path.c_str(), H5P_DEFAULT));
      if (!maps.valid()) fail("cannot open '" + maps_path + "'");
      if (object_kind(maps.get(), "lat") != H5I_DATASET || object_kind(maps.get(), "lon") != H5I_DATASET) {
        fail("'" + maps_path + "' has no 'lat' and 'lon' coordinates");
      }
      MapVariant variant;
      variant.name = name;
      const ObjectHandle group(H5Oopen(root.get(), name.c_str(), H5P_DEFAULT));
      if (group.valid()) {
        variant.scenario_path = text(group.get(), "scenario_path", "group '" + name + "'");
        variant.option_text = text(group.get(), "option_text", "group '" + name + "'");
      }
      variant.lat_deg = read_axis(maps.get(), name, "lat");
      variant.lon_deg = read_axis(maps.get(), name, "lon");
      for (const std::string& layer : link_names(maps.get())) {
        if (layer == "lat" || layer == "lon") continue;
        if (object_kind(maps.get(), layer.c_str()) != H5I_DATASET) {
          variant.not_layers.push_back({layer, "it is a group or a link, not a map"});
          continue;
        }
        const DatasetHandle dataset(H5Dopen2(maps.get(), layer.c_str(), H5P_DEFAULT));
        if (!dataset.valid()) {
          variant.not_layers.push_back({layer, "it cannot be opened"});
          continue;
        }
        if (std::string why = why_not_a_map(dataset.get(), variant.lat_deg.size(), variant.lon_deg.size()); !why.empty()) {
          variant.not_layers.push_back({layer, std::move(why)});
          continue;
        }
        const std::string where = "dataset '" + maps_path + "/" + layer + "'";
        variant.layers.push_back({layer, text(dataset.get(), "units", where), text(dataset.get(), "long_name", where)});
      }
      variants.push_back(std::move(variant));
    }
  }

  const MapVariant& variant_named(const std::string& name) const {
    for (const MapVariant& v : variants) {
      if (v.name == name) return v;
    }
    throw std::invalid_argument("no variant '" + name + "' with maps in '" + path.string() + "'");
  }

  std::vector<float> read_values(const MapVariant& variant, const std::string& layer) const {
    const bool listed = std::any_of(variant.layers.begin(), variant.layers.end(),
                                    [&](const MapLayerInfo& l) { return l.name == layer; });
    if (!listed) throw std::invalid_argument("no layer '" + layer + "' in variant '" + variant.name + "'");
    const std::string where = variant.name + "/maps/" + layer;
    const std::uint64_t cells = static_cast<std::uint64_t>(variant.lat_deg.size()) * variant.lon_deg.size();
    if (cells > kMaxCells) fail("'" + where + "' has " + std::to_string(cells) + " cells, more than can be drawn");
    const DatasetHandle dataset(H5Dopen2(file.get(), where.c_str(), H5P_DEFAULT));
    if (!dataset.valid()) fail("cannot open '" + where + "'");
    std::vector<float> values(static_cast<std::size_t>(cells));
    if (H5Dread(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0) {
      fail("cannot read '" + where + "'");
    }
    return values;
  }
};

MapFile::MapFile(const std::filesystem::path& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  const std::string shown = "'" + path.string() + "'";
  // Checked and opened without blocking first (a FIFO or device is refused); HDF5 then opens the
  // very file that was checked, through its stable path.
  const InputFile checked = InputFile::open(path.string(), std::numeric_limits<std::uint64_t>::max());
  if (!checked.is_open()) {
    const PathStatus status = path_status(path.string());
    if (status.kind == PathKind::kMissing) throw MapFileError(shown + ": no such file");
    if (status.kind == PathKind::kDirectory) throw MapFileError(shown + " is a folder; expected a results file (.h5)");
    throw MapFileError(shown + ": " + checked.problem() + "; expected a results file (.h5)");
  }
  const std::string stable = checked.stable_path();
  const QuietHdf5 quiet;
  const htri_t is_hdf5 = H5Fis_hdf5(stable.c_str());
  if (is_hdf5 < 0) throw MapFileError(shown + ": cannot read the file");
  if (is_hdf5 == 0) {
    throw MapFileError(shown + " is not an HDF5 file; expected a results file written by 'mdasim run -o'");
  }
  impl_->file = FileHandle(H5Fopen(stable.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT));
  if (!impl_->file.valid()) {
    throw MapFileError(shown + " starts as an HDF5 file but cannot be opened: it is truncated or damaged");
  }
  impl_->read_structure();
}

MapFile::~MapFile() {
  if (impl_) {
    const QuietHdf5 quiet;
    impl_->file.close();
  }
}
MapFile::MapFile(MapFile&&) noexcept = default;
MapFile& MapFile::operator=(MapFile&&) noexcept = default;

const std::filesystem::path& MapFile::path() const { return impl_->path; }
const ResultsAttributes& MapFile::attributes() const { return impl_->attributes; }
const std::vector<MapVariant>& MapFile::variants() const { return impl_->variants; }
const std::vector<std::string>& MapFile::warnings() const { return impl_->warnings; }

const MapVariant* MapFile::find_variant(const std::string& name) const {
  for (const MapVariant& v : impl_->variants) {
    if (v.name == name) return &v;
  }
  return nullptr;
}

MapLayerData MapFile::read_layer(const std::string& variant, const std::string& layer) const {
  const QuietHdf5 quiet;
  const MapVariant& v = impl_->variant_named(variant);
  MapLayerData out;
  for (const MapLayerInfo& info : v.layers) {
    if (info.name == layer) out.info = info;
  }
  out.values = impl_->read_values(v, layer);
  out.lat_deg = v.lat_deg;
  out.lon_deg = v.lon_deg;
  return out;
}

std::vector<std::uint8_t> MapFile::nan_in_every_layer(const std::string& variant) const {
  const QuietHdf5 quiet;
  const MapVariant& v = impl_->variant_named(variant);
  std::vector<std::uint8_t> all_nan(v.lat_deg.size() * v.lon_deg.size(), 1);
  for (const MapLayerInfo& info : v.layers) {
    const std::vector<float> values = impl_->read_values(v, info.name);
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (!std::isnan(values[i])) all_nan[i] = 0;
    }
  }
  return all_nan;
}

}  // namespace mdasim

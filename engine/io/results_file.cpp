// The results-file writer over the HDF5 C API (and its high-level dimension-scale API, H5DS).
// Every HDF5 identifier is owned by a Handle; every public call silences HDF5's error printing
// for its duration and turns a failure into an exception carrying HDF5's innermost message.
#include "io/results_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <utility>

#include <hdf5.h>
#include <hdf5_hl.h>

#include "io/hdf5_handles.hpp"
#include "core/output_file.hpp"
#include "mdasim/version.hpp"

namespace mdasim {

// ---- ResultsTable ----------------------------------------------------------------------------

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string column_type_word(ColumnType type) {
  switch (type) {
    case ColumnType::kDouble: return "double";
    case ColumnType::kInt64: return "int64";
    case ColumnType::kUInt64: return "uint64";
    case ColumnType::kString: return "string";
  }
  return "unknown";
}

template <typename T>
constexpr ColumnType column_type_of() {
  if constexpr (std::is_same_v<T, double>) {
    return ColumnType::kDouble;
  } else if constexpr (std::is_same_v<T, std::int64_t>) {
    return ColumnType::kInt64;
  } else if constexpr (std::is_same_v<T, std::uint64_t>) {
    return ColumnType::kUInt64;
  } else {
    return ColumnType::kString;
  }
}

}  // namespace

std::size_t ResultsTable::add(TableColumn spec, Cells cells) {
  if (spec.name.empty()) throw std::invalid_argument("table column name is empty");
  for (const Column& c : columns_) {
    if (c.spec.name == spec.name) throw std::invalid_argument("table column '" + spec.name + "' is added twice");
  }
  std::visit([this](auto& v) { v.resize(rows_); }, cells);
  if (auto* d = std::get_if<std::vector<double>>(&cells)) std::fill(d->begin(), d->end(), kMissing);
  columns_.push_back(Column{std::move(spec), std::move(cells)});
  return columns_.size() - 1;
}

std::size_t ResultsTable::add_double(std::string name, std::string units, std::string long_name) {
  return add({std::move(name), ColumnType::kDouble, std::move(units), std::move(long_name)}, std::vector<double>{});
}
std::size_t ResultsTable::add_int64(std::string name, std::string units, std::string long_name) {
  return add({std::move(name), ColumnType::kInt64, std::move(units), std::move(long_name)},
             std::vector<std::int64_t>{});
}
std::size_t ResultsTable::add_uint64(std::string name, std::string units, std::string long_name) {
  return add({std::move(name), ColumnType::kUInt64, std::move(units), std::move(long_name)},
             std::vector<std::uint64_t>{});
}
std::size_t ResultsTable::add_string(std::string name, std::string units, std::string long_name) {
  return add({std::move(name), ColumnType::kString, std::move(units), std::move(long_name)},
             std::vector<std::string>{});
}

void ResultsTable::set_rows(std::size_t rows) {
  for (Column& c : columns_) {
    if (auto* d = std::get_if<std::vector<double>>(&c.cells)) {
      d->resize(rows, kMissing);
    } else {
      std::visit([rows](auto& v) { v.resize(rows); }, c.cells);
    }
  }
  rows_ = rows;
}

std::size_t ResultsTable::add_row() {
  set_rows(rows_ + 1);
  return rows_ - 1;
}

template <typename T>
const std::vector<T>& ResultsTable::cells_of(std::size_t column, std::size_t row) const {
  if (column >= columns_.size()) {
    throw std::out_of_range("table column " + std::to_string(column) + " does not exist (the table has " +
                            std::to_string(columns_.size()) + " columns)");
  }
  const Column& c = columns_[column];
  const auto* cells = std::get_if<std::vector<T>>(&c.cells);
  if (cells == nullptr) {
    throw std::invalid_argument("table column '" + c.spec.name + "' holds " + column_type_word(c.spec.type) +
                                " values, not " + column_type_word(column_type_of<T>()));
  }
  if (row >= rows_) {
    throw std::out_of_range("table row " + std::to_string(row) + " does not exist (the table has " +
                            std::to_string(rows_) + " rows)");
  }
  return *cells;
}

template <typename T>
std::vector<T>& ResultsTable::cells_of(std::size_t column, std::size_t row) {
  return const_cast<std::vector<T>&>(std::as_const(*this).cells_of<T>(column, row));
}

void ResultsTable::set_double(std::size_t column, std::size_t row, double value) {
  cells_of<double>(column, row)[row] = value;
}
void ResultsTable::set_int64(std::size_t column, std::size_t row, std::int64_t value) {
  cells_of<std::int64_t>(column, row)[row] = value;
}
void ResultsTable::set_uint64(std::size_t column, std::size_t row, std::uint64_t value) {
  cells_of<std::uint64_t>(column, row)[row] = value;
}
void ResultsTable::set_string(std::size_t column, std::size_t row, std::string value) {
  cells_of<std::string>(column, row)[row] = std::move(value);
}

double ResultsTable::get_double(std::size_t column, std::size_t row) const {
  return cells_of<double>(column, row)[row];
}
std::int64_t ResultsTable::get_int64(std::size_t column, std::size_t row) const {
  return cells_of<std::int64_t>(column, row)[row];
}
std::uint64_t ResultsTable::get_uint64(std::size_t column, std::size_t row) const {
  return cells_of<std::uint64_t>(column, row)[row];
}
const std::string& ResultsTable::get_string(std::size_t column, std::size_t row) const {
  return cells_of<std::string>(column, row)[row];
}

const TableColumn& ResultsTable::column(std::size_t column) const {
  if (column >= columns_.size()) throw std::out_of_range("table column " + std::to_string(column) + " does not exist");
  return columns_[column].spec;
}

std::size_t ResultsTable::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].spec.name == name) return i;
  }
  throw std::invalid_argument("the table has no column '" + std::string(name) + "'");
}

// ---- HDF5 helpers ----------------------------------------------------------------------------

namespace {

constexpr std::size_t kCompressFrom = 4096;  // rows of a table, cells of a map
constexpr unsigned kDeflateLevel = 4;
constexpr std::size_t kChunkBytes = 64u << 10;

using hdf5::AttributeHandle;
using hdf5::DatasetHandle;
using hdf5::FileHandle;
using hdf5::GroupHandle;
using hdf5::ObjectHandle;
using hdf5::PropertiesHandle;
using hdf5::QuietHdf5;
using hdf5::SpaceHandle;
using hdf5::TypeHandle;

// The most specific message on HDF5's error stack (the operating system's, for a failed open),
// as ": message", or "" if there is none. Clears the stack.
std::string hdf5_detail() {
  std::string detail;
  const auto innermost = [](unsigned n, const H5E_error2_t* error, void* out) -> herr_t {
    if (n == 0 && error->desc != nullptr) *static_cast<std::string*>(out) = error->desc;
    return 0;
  };
  H5Ewalk2(H5E_DEFAULT, H5E_WALK_UPWARD, innermost, &detail);
  H5Eclear2(H5E_DEFAULT);
  // File opens read "unable to open file: name = '...', errno = 13, error message = 'Permission
  // denied', flags = ..."; the operating system's message is the useful part.
  constexpr std::string_view kSystem = "error message = '";
  if (const std::size_t at = detail.find(kSystem); at != std::string::npos) {
    const std::size_t from = at + kSystem.size();
    const std::size_t to = detail.find('\'', from);
    detail = detail.substr(from, to == std::string::npos ? std::string::npos : to - from);
  }
  return detail.empty() ? detail : ": " + detail;
}

// "a//b/" -> {"a", "b"}; "" and "/" -> {}. Refuses "." and "..".
std::vector<std::string> split_group_path(const std::string& path) {
  std::vector<std::string> parts;
  std::size_t from = 0;
  while (from <= path.size()) {
    std::size_t to = path.find('/', from);
    if (to == std::string::npos) to = path.size();
    std::string part = path.substr(from, to - from);
    if (part == "." || part == "..") throw std::invalid_argument("group path '" + path + "' contains '" + part + "'");
    if (!part.empty()) parts.push_back(std::move(part));
    from = to + 1;
  }
  return parts;
}

std::string join_path(const std::vector<std::string>& parts) {
  std::string joined;
  for (const std::string& p : parts) joined += (joined.empty() ? "" : "/") + p;
  return joined;
}

void check_name(const std::string& name, const char* what) {
  if (name.empty() || name == "." || name == ".." || name.find('/') != std::string::npos) {
    throw std::invalid_argument(std::string(what) + " name '" + name +
                                "' is not a valid name (empty, '.', '..' or with '/')");
  }
}

void check_text(std::string_view text, const std::string& what) {
  if (text.find('\0') != std::string_view::npos) throw std::invalid_argument(what + " contains a NUL character");
}

hsize_t to_hsize(std::size_t n) { return static_cast<hsize_t>(n); }

TypeHandle utf8_string_type(std::size_t size) {
  TypeHandle type(H5Tcopy(H5T_C_S1));
  if (!type.valid() || H5Tset_size(type.get(), size) < 0 || H5Tset_cset(type.get(), H5T_CSET_UTF8) < 0 ||
      (size != H5T_VARIABLE && H5Tset_strpad(type.get(), H5T_STR_NULLPAD) < 0)) {
    return TypeHandle();
  }
  return type;
}

// Compression settings for a dataset of `dims` whose elements take `element_bytes`.
PropertiesHandle compressed_layout(const std::vector<hsize_t>& dims, std::size_t element_bytes) {
  PropertiesHandle dcpl(H5Pcreate(H5P_DATASET_CREATE));
  if (!dcpl.valid()) return dcpl;
  // No creation and modification times: the same run gives the same bytes.
  if (H5Pset_obj_track_times(dcpl.get(), 0) < 0) return PropertiesHandle();
  hsize_t cells = 1;
  for (hsize_t d : dims) cells *= d;
  if (cells < kCompressFrom || H5Zfilter_avail(H5Z_FILTER_DEFLATE) <= 0) return dcpl;
  // Chunks of about kChunkBytes, of whole rows (the last dimension) where a row fits.
  std::vector<hsize_t> chunk = dims;
  const hsize_t per_chunk = std::max<hsize_t>(1, kChunkBytes / element_bytes);
  chunk.back() = std::min(dims.back(), per_chunk);
  if (dims.size() == 2) chunk[0] = std::clamp<hsize_t>(per_chunk / chunk.back(), 1, dims[0]);
  if (H5Pset_chunk(dcpl.get(), static_cast<int>(chunk.size()), chunk.data()) < 0 || H5Pset_shuffle(dcpl.get()) < 0 ||
      H5Pset_deflate(dcpl.get(), kDeflateLevel) < 0) {
    return PropertiesHandle();
  }
  return dcpl;
}

}  // namespace

// ---- ResultsFile -----------------------------------------------------------------------------

// The packed record of a table: one field per column, in column order, each string column a
// fixed number of bytes (NUL-padded).
struct RecordLayout {
  std::vector<std::size_t> offset;
  std::vector<std::size_t> width;
  std::size_t bytes = 0;
};

// A table's columns, record layout and HDF5 compound types (in memory and in the file).
struct TableSchema {
  std::vector<TableColumn> columns;
  RecordLayout layout;
  TypeHandle memory_type;
  TypeHandle file_type;
};

// Packs the rows of `table` into `buffer` by `layout`; a string longer than its column's width
// throws std::invalid_argument.
void pack_rows(const ResultsTable& table, const RecordLayout& layout, const std::string& where,
               std::vector<unsigned char>& buffer) {
  const std::size_t rows = table.rows();
  buffer.assign(rows * layout.bytes, 0);
  for (std::size_t c = 0; c < table.column_count(); ++c) {
    const ColumnType type = table.column(c).type;
    for (std::size_t r = 0; r < rows; ++r) {
      unsigned char* cell = buffer.data() + r * layout.bytes + layout.offset[c];
      if (type == ColumnType::kDouble) {
        const double v = table.get_double(c, r);
        std::memcpy(cell, &v, sizeof v);
      } else if (type == ColumnType::kInt64) {
        const std::int64_t v = table.get_int64(c, r);
        std::memcpy(cell, &v, sizeof v);
      } else if (type == ColumnType::kUInt64) {
        const std::uint64_t v = table.get_uint64(c, r);
        std::memcpy(cell, &v, sizeof v);
      } else {
        const std::string& v = table.get_string(c, r);
        if (v.size() > layout.width[c]) {
          throw std::invalid_argument("table '" + where + "': '" + v + "' is longer than the " +
                                      std::to_string(layout.width[c]) + " bytes of column '" +
                                      table.column(c).name + "'");
        }
        std::memcpy(cell, v.data(), v.size());
      }
    }
  }
}

struct ResultsFile::Impl {
  std::filesystem::path final_path;
  std::filesystem::path temp_path;
  FileHandle file;
  bool committed = false;

  // A table written block by block (ResultsFile::begin_table); closed once finished.
  struct Stream {
    std::string where;
    TableSchema schema;
    DatasetHandle dataset;
    DatasetHandle scale;  // its `<name>_row` dimension scale
    std::size_t rows = 0;
  };
  std::vector<Stream> streams;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() { discard(); }

  // Closes and removes the temporary file, if any.
  void discard() noexcept {
    if (!file.valid()) return;
    QuietHdf5 quiet;
    streams.clear();
    file.close();
    std::error_code ignored;
    std::filesystem::remove(temp_path, ignored);
  }

  // Runs one public operation: HDF5's error printing off, and a caller's mistake reported with
  // the file's path.
  template <typename Body>
  void guard(Body&& body) const {
    QuietHdf5 quiet;
    try {
      std::forward<Body>(body)();
    } catch (const std::invalid_argument& e) {
      throw std::invalid_argument("results file '" + final_path.string() + "': " + e.what());
    }
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw std::runtime_error("results file '" + final_path.string() + "': " + what + hdf5_detail());
  }

  // The schema of `table`'s columns with `string_widths` (bytes, one per string column in column
  // order).
  TableSchema schema(const ResultsTable& table, const std::vector<std::size_t>& string_widths,
                     const std::string& where) const {
    TableSchema out;
    std::size_t next_string = 0;
    for (std::size_t c = 0; c < table.column_count(); ++c) {
      const TableColumn& spec = table.column(c);
      check_text(spec.name, "column name");
      out.columns.push_back(spec);
      std::size_t width = 8;
      if (spec.type == ColumnType::kString) {
        if (next_string >= string_widths.size()) {
          throw std::invalid_argument("table '" + where + "': no width for string column '" + spec.name + "'");
        }
        width = std::max<std::size_t>(1, string_widths[next_string++]);
      }
      out.layout.offset.push_back(out.layout.bytes);
      out.layout.width.push_back(width);
      out.layout.bytes += width;
    }
    if (next_string != string_widths.size()) {
      throw std::invalid_argument("table '" + where + "': " + std::to_string(string_widths.size()) +
                                  " string widths for " + std::to_string(next_string) + " string columns");
    }
    out.memory_type = TypeHandle(H5Tcreate(H5T_COMPOUND, out.layout.bytes));
    out.file_type = TypeHandle(H5Tcreate(H5T_COMPOUND, out.layout.bytes));
    if (!out.memory_type.valid() || !out.file_type.valid()) fail("cannot describe the columns of '" + where + "'");
    for (std::size_t c = 0; c < out.columns.size(); ++c) {
      const TableColumn& spec = out.columns[c];
      TypeHandle text;
      hid_t memory_field = H5I_INVALID_HID;
      hid_t file_field = H5I_INVALID_HID;
      switch (spec.type) {
        case ColumnType::kDouble:
          memory_field = H5T_NATIVE_DOUBLE;
          file_field = H5T_IEEE_F64LE;
          break;
        case ColumnType::kInt64:
          memory_field = H5T_NATIVE_INT64;
          file_field = H5T_STD_I64LE;
          break;
        case ColumnType::kUInt64:
          memory_field = H5T_NATIVE_UINT64;
          file_field = H5T_STD_U64LE;
          break;
        case ColumnType::kString:
          text = utf8_string_type(out.layout.width[c]);
          memory_field = file_field = text.get();
          break;
      }
      if (memory_field < 0 ||
          H5Tinsert(out.memory_type.get(), spec.name.c_str(), out.layout.offset[c], memory_field) < 0 ||
          H5Tinsert(out.file_type.get(), spec.name.c_str(), out.layout.offset[c], file_field) < 0) {
        fail("cannot describe column '" + spec.name + "' of '" + where + "'");
      }
    }
    return out;
  }

  // A table's attributes: what it holds, and each column's units and description.
  void describe_table(const DatasetHandle& dataset, const TableSchema& schema, const std::string& long_name,
                      const std::string& where) const {
    std::vector<std::string> units;
    std::vector<std::string> long_names;
    for (const TableColumn& c : schema.columns) {
      units.push_back(c.units);
      long_names.push_back(c.long_name);
    }
    string_attribute(dataset.get(), "long_name", long_name, where);
    string_array_attribute(dataset.get(), "units", units, where);
    string_array_attribute(dataset.get(), "column_long_names", long_names, where);
  }

  // An empty 1-D dataset that grows as rows are appended: chunks of about kChunkBytes,
  // compressed like the other large datasets.
  DatasetHandle create_growing(const GroupHandle& group, const std::string& name, const std::string& where,
                               hid_t file_type, std::size_t element_bytes) const {
    const hsize_t zero = 0;
    const hsize_t unlimited = H5S_UNLIMITED;
    SpaceHandle space(H5Screate_simple(1, &zero, &unlimited));
    PropertiesHandle dcpl(H5Pcreate(H5P_DATASET_CREATE));
    const hsize_t chunk = std::max<hsize_t>(1, kChunkBytes / element_bytes);
    if (!space.valid() || !dcpl.valid() || H5Pset_obj_track_times(dcpl.get(), 0) < 0 ||
        H5Pset_chunk(dcpl.get(), 1, &chunk) < 0 ||
        (H5Zfilter_avail(H5Z_FILTER_DEFLATE) > 0 &&
         (H5Pset_shuffle(dcpl.get()) < 0 || H5Pset_deflate(dcpl.get(), kDeflateLevel) < 0))) {
      fail("cannot set up the layout of '" + where + "'");
    }
    DatasetHandle dataset(
        H5Dcreate2(group.get(), name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT));
    if (!dataset.valid()) fail("cannot create dataset '" + where + "'");
    return dataset;
  }

  // Appends `count` elements after the first `at` of a growing dataset.
  void append(const DatasetHandle& dataset, hid_t memory_type, const void* data, std::size_t at, std::size_t count,
              const std::string& where) const {
    const hsize_t start = to_hsize(at);
    const hsize_t n = to_hsize(count);
    const hsize_t size = start + n;
    if (H5Dset_extent(dataset.get(), &size) < 0) fail("cannot extend '" + where + "'");
    SpaceHandle file_space(H5Dget_space(dataset.get()));
    SpaceHandle memory_space(H5Screate_simple(1, &n, nullptr));
    if (!file_space.valid() || !memory_space.valid() ||
        H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &n, nullptr) < 0) {
      fail("cannot select rows of '" + where + "'");
    }
    if (H5Dwrite(dataset.get(), memory_type, memory_space.get(), file_space.get(), H5P_DEFAULT, data) < 0) {
      fail("cannot write rows of '" + where + "'");
    }
  }

  // Opens the group, creating it and its parents when missing.
  GroupHandle open_group(const std::string& path) {
    const std::vector<std::string> parts = split_group_path(path);
    GroupHandle current(H5Gopen2(file.get(), "/", H5P_DEFAULT));
    if (!current.valid()) fail("cannot open the root group");
    std::vector<std::string> done;
    for (const std::string& part : parts) {
      done.push_back(part);
      const htri_t exists = H5Lexists(current.get(), part.c_str(), H5P_DEFAULT);
      if (exists < 0) fail("cannot look up '" + join_path(done) + "'");
      GroupHandle next;
      if (exists > 0) {
        H5O_info_t info;
        if (H5Oget_info_by_name2(current.get(), part.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT) < 0) {
          fail("cannot look up '" + join_path(done) + "'");
        }
        if (info.type != H5O_TYPE_GROUP)
          throw std::invalid_argument("'" + join_path(done) + "' exists and is not a group");
        next = GroupHandle(H5Gopen2(current.get(), part.c_str(), H5P_DEFAULT));
        if (!next.valid()) fail("cannot open group '" + join_path(done) + "'");
      } else {
        PropertiesHandle gcpl(H5Pcreate(H5P_GROUP_CREATE));
        if (!gcpl.valid() ||
            H5Pset_link_creation_order(gcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) < 0 ||
            H5Pset_obj_track_times(gcpl.get(), 0) < 0) {
          fail("cannot set up group '" + join_path(done) + "'");
        }
        next = GroupHandle(H5Gcreate2(current.get(), part.c_str(), H5P_DEFAULT, gcpl.get(), H5P_DEFAULT));
        if (!next.valid()) fail("cannot create group '" + join_path(done) + "'");
      }
      current = std::move(next);
    }
    return current;
  }

  // Whether `name` exists in the group; a dataset that does is a caller's mistake.
  bool exists(const GroupHandle& group, const std::string& name, const std::string& where) const {
    const htri_t found = H5Lexists(group.get(), name.c_str(), H5P_DEFAULT);
    if (found < 0) fail("cannot look up '" + where + "'");
    return found > 0;
  }
  void require_new(const GroupHandle& group, const std::string& name, const std::string& where) const {
    if (exists(group, name, where)) throw std::invalid_argument("'" + where + "' is already written");
  }

  DatasetHandle create_dataset(const GroupHandle& group, const std::string& name, const std::string& where,
                               hid_t file_type, const std::vector<hsize_t>& dims, std::size_t element_bytes,
                               const void* fill = nullptr, hid_t fill_type = H5I_INVALID_HID) const {
    SpaceHandle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr));
    if (!space.valid()) fail("cannot describe the shape of '" + where + "'");
    PropertiesHandle dcpl = compressed_layout(dims, element_bytes);
    if (!dcpl.valid()) fail("cannot set up the layout of '" + where + "'");
    if (fill != nullptr && H5Pset_fill_value(dcpl.get(), fill_type, fill) < 0)
      fail("cannot set the fill value of '" + where + "'");
    DatasetHandle dataset(
        H5Dcreate2(group.get(), name.c_str(), file_type, space.get(), H5P_DEFAULT, dcpl.get(), H5P_DEFAULT));
    if (!dataset.valid()) fail("cannot create dataset '" + where + "'");
    return dataset;
  }

  void write_all(const DatasetHandle& dataset, hid_t memory_type, const void* data, const std::string& where) const {
    if (H5Dwrite(dataset.get(), memory_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
      fail("cannot write dataset '" + where + "'");
  }

  // Attributes; an existing one of the same name is replaced.
  AttributeHandle create_attribute(hid_t object, const std::string& name, hid_t type, hid_t space,
                                   const std::string& where) const {
    const htri_t found = H5Aexists(object, name.c_str());
    if (found < 0) fail("cannot look up attribute '" + name + "' of '" + where + "'");
    if (found > 0 && H5Adelete(object, name.c_str()) < 0)
      fail("cannot replace attribute '" + name + "' of '" + where + "'");
    AttributeHandle attribute(H5Acreate2(object, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT));
    if (!attribute.valid()) fail("cannot create attribute '" + name + "' of '" + where + "'");
    return attribute;
  }

  void string_attribute(hid_t object, const std::string& name, std::string_view value, const std::string& where) const {
    check_text(value, "attribute '" + name + "' of '" + where + "'");
    const std::string text(value);
    TypeHandle type = utf8_string_type(H5T_VARIABLE);
    SpaceHandle space(H5Screate(H5S_SCALAR));
    if (!type.valid() || !space.valid()) fail("cannot describe attribute '" + name + "' of '" + where + "'");
    AttributeHandle attribute = create_attribute(object, name, type.get(), space.get(), where);
    const char* data = text.c_str();
    if (H5Awrite(attribute.get(), type.get(), &data) < 0)
      fail("cannot write attribute '" + name + "' of '" + where + "'");
  }

  void string_array_attribute(hid_t object, const std::string& name, const std::vector<std::string>& values,
                              const std::string& where) const {
    std::vector<const char*> data;
    for (const std::string& v : values) {
      check_text(v, "attribute '" + name + "' of '" + where + "'");
      data.push_back(v.c_str());
    }
    const std::array<hsize_t, 1> dims{to_hsize(values.size())};
    TypeHandle type = utf8_string_type(H5T_VARIABLE);
    SpaceHandle space(H5Screate_simple(1, dims.data(), nullptr));
    if (!type.valid() || !space.valid()) fail("cannot describe attribute '" + name + "' of '" + where + "'");
    AttributeHandle attribute = create_attribute(object, name, type.get(), space.get(), where);
    if (H5Awrite(attribute.get(), type.get(), data.data()) < 0)
      fail("cannot write attribute '" + name + "' of '" + where + "'");
  }

  void number_attribute(hid_t object, const std::string& name, hid_t file_type, hid_t memory_type, const void* value,
                        const std::string& where) const {
    SpaceHandle space(H5Screate(H5S_SCALAR));
    if (!space.valid()) fail("cannot describe attribute '" + name + "' of '" + where + "'");
    AttributeHandle attribute = create_attribute(object, name, file_type, space.get(), where);
    if (H5Awrite(attribute.get(), memory_type, value) < 0)
      fail("cannot write attribute '" + name + "' of '" + where + "'");
  }

  void describe(const DatasetHandle& dataset, const std::string& units, const std::string& long_name,
                const std::string& where) const {
    string_attribute(dataset.get(), "units", units, where);
    string_attribute(dataset.get(), "long_name", long_name, where);
  }

  // The 1-D dimension scale `name` of the group, or an invalid handle if there is none.
  DatasetHandle open_scale(const GroupHandle& group, const std::string& name, const std::string& where,
                           hsize_t& length) const {
    if (!exists(group, name, where)) return DatasetHandle();
    DatasetHandle scale(H5Dopen2(group.get(), name.c_str(), H5P_DEFAULT));
    if (!scale.valid()) fail("cannot open '" + where + "'");
    const htri_t is_scale = H5DSis_scale(scale.get());
    SpaceHandle space(H5Dget_space(scale.get()));
    if (is_scale < 0 || !space.valid()) fail("cannot inspect '" + where + "'");
    if (is_scale == 0 || H5Sget_simple_extent_ndims(space.get()) != 1) {
      throw std::invalid_argument("'" + where + "' exists and is not a 1-D dimension scale");
    }
    H5Sget_simple_extent_dims(space.get(), &length, nullptr);
    return scale;
  }

  // Opens the group or dataset at `path` of the file ("" or "/" is the root).
  ObjectHandle open_object(const std::string& path) const {
    const std::string joined = join_path(split_group_path(path));
    const std::string where = joined.empty() ? "/" : joined;
    if (!joined.empty()) {
      // Check each step so that a missing object is a clear caller's mistake.
      const std::vector<std::string> parts = split_group_path(path);
      std::string prefix;
      for (const std::string& part : parts) {
        prefix += (prefix.empty() ? "" : "/") + part;
        const htri_t found = H5Lexists(file.get(), prefix.c_str(), H5P_DEFAULT);
        if (found < 0) fail("cannot look up '" + prefix + "'");
        if (found == 0) throw std::invalid_argument("'" + where + "' does not exist");
      }
    }
    ObjectHandle object(H5Oopen(file.get(), where.c_str(), H5P_DEFAULT));
    if (!object.valid()) fail("cannot open '" + where + "'");
    return object;
  }

  // A dimension scale `name` holding the int64 index 0..length-1.
  DatasetHandle index_scale(const GroupHandle& group, const std::string& name, std::size_t length,
                            const std::string& long_name, const std::string& where) const {
    std::vector<std::int64_t> index(length);
    for (std::size_t i = 0; i < length; ++i) index[i] = static_cast<std::int64_t>(i);
    DatasetHandle scale = create_dataset(group, name, where, H5T_STD_I64LE, {to_hsize(length)}, sizeof(std::int64_t));
    if (length > 0) write_all(scale, H5T_NATIVE_INT64, index.data(), where);
    if (H5DSset_scale(scale.get(), name.c_str()) < 0) fail("cannot make '" + where + "' a dimension scale");
    describe(scale, "1", long_name, where);
    return scale;
  }

  void attach(const DatasetHandle& dataset, const DatasetHandle& scale, unsigned index,
              const std::string& where) const {
    if (H5DSattach_scale(dataset.get(), scale.get(), index) < 0)
      fail("cannot attach a dimension scale to '" + where + "'");
  }
};

namespace {

std::string object_path(const std::string& group, const std::string& name) {
  const std::string g = join_path(split_group_path(group));
  return g.empty() ? name : g + "/" + name;
}

void sync_path(const std::filesystem::path& path, int flags) {
  const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

}  // namespace

ResultsFile::ResultsFile(std::filesystem::path path) : impl_(std::make_unique<Impl>()) {
  Impl& f = *impl_;
  if (path.empty()) throw std::runtime_error("results file: the path is empty");
  if (const std::string problem = output_target_problem(path); !problem.empty()) {
    throw std::runtime_error("results file '" + path.string() + "'" + problem);
  }
  f.final_path = resolve_output_target(path);
  f.temp_path = temporary_output_name(f.final_path);
  // A file left under the temporary name by an earlier process with this id is replaced; anything
  // else there is not touched.
  struct stat st {};
  if (::lstat(f.temp_path.c_str(), &st) == 0) {
    if (!S_ISREG(st.st_mode) || ::unlink(f.temp_path.c_str()) != 0) {
      throw std::runtime_error("results file '" + f.final_path.string() + "': '" + f.temp_path.string() +
                               "' exists and cannot be replaced");
    }
  }
  QuietHdf5 quiet;
  PropertiesHandle fcpl(H5Pcreate(H5P_FILE_CREATE));
  PropertiesHandle fapl(H5Pcreate(H5P_FILE_ACCESS));
  // The 1.8 file format: readable by netCDF-4 and HDF5 1.8 readers, and it stores attributes of
  // any size (the scenario text can exceed the 64 KiB of the earliest format).
  if (!fcpl.valid() || !fapl.valid() ||
      H5Pset_link_creation_order(fcpl.get(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED) < 0 ||
      H5Pset_obj_track_times(fcpl.get(), 0) < 0 ||
      H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_V18, H5F_LIBVER_V18) < 0 ||
      H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG) < 0) {
    f.fail("cannot set up HDF5 file properties");
  }
  f.file = FileHandle(H5Fcreate(f.temp_path.c_str(), H5F_ACC_EXCL, fcpl.get(), fapl.get()));
  if (!f.file.valid()) f.fail("cannot create temporary file '" + f.temp_path.string() + "'");
  f.string_attribute(f.file.get(), "engine_version", kVersion, "/");
}

ResultsFile::~ResultsFile() = default;
ResultsFile::ResultsFile(ResultsFile&&) noexcept = default;
ResultsFile& ResultsFile::operator=(ResultsFile&&) noexcept = default;

const std::filesystem::path& ResultsFile::path() const {
  if (!impl_) throw std::logic_error("used after being moved from");
  return impl_->final_path;
}
const std::filesystem::path& ResultsFile::temp_path() const {
  if (!impl_) throw std::logic_error("used after being moved from");
  return impl_->temp_path;
}

ResultsFile::Impl& ResultsFile::live(const char* operation) {
  if (!impl_) throw std::logic_error(std::string("") + operation + " after being moved from");
  if (!impl_->file.valid()) {
    throw std::logic_error("results file '" + impl_->final_path.string() + "': " + operation + " after commit()");
  }
  return *impl_;
}

void ResultsFile::set_root_attribute(const std::string& name, std::string_view value) {
  set_attribute("/", name, value);
}

void ResultsFile::set_root_attribute(const std::string& name, double value) { set_attribute("/", name, value); }

void ResultsFile::set_root_attribute(const std::string& name, std::int64_t value) {
  Impl& f = live("set_root_attribute");
  f.guard([&] {
    check_name(name, "attribute");
    f.number_attribute(f.file.get(), name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value, "/");
  });
}

void ResultsFile::set_root_attribute(const std::string& name, std::uint64_t value) {
  Impl& f = live("set_root_attribute");
  f.guard([&] {
    check_name(name, "attribute");
    f.number_attribute(f.file.get(), name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &value, "/");
  });
}

void ResultsFile::set_attribute(const std::string& object, const std::string& name, std::string_view value) {
  Impl& f = live("set_attribute");
  f.guard([&] {
    check_name(name, "attribute");
    ObjectHandle target = f.open_object(object);
    f.string_attribute(target.get(), name, value, object.empty() ? "/" : object);
  });
}

void ResultsFile::set_attribute(const std::string& object, const std::string& name, double value) {
  Impl& f = live("set_attribute");
  f.guard([&] {
    check_name(name, "attribute");
    ObjectHandle target = f.open_object(object);
    f.number_attribute(target.get(), name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value, object.empty() ? "/" : object);
  });
}

void ResultsFile::group(const std::string& path) {
  Impl& f = live("group");
  f.guard([&] { f.open_group(path); });
}

void ResultsFile::write_table(const std::string& group, const std::string& name, const ResultsTable& table,
                              const std::string& long_name) {
  Impl& f = live("write_table");
  f.guard([&] {
    check_name(name, "table");
    const std::string where = object_path(group, name);
    if (table.column_count() == 0) throw std::invalid_argument("table '" + where + "' has no columns");
    // String columns as wide as their longest value.
    std::vector<std::size_t> widths;
    for (std::size_t c = 0; c < table.column_count(); ++c) {
      if (table.column(c).type != ColumnType::kString) continue;
      std::size_t w = 1;
      for (std::size_t r = 0; r < table.rows(); ++r) w = std::max(w, table.get_string(c, r).size());
      widths.push_back(w);
    }
    TableSchema schema = f.schema(table, widths, where);
    const std::size_t rows = table.rows();
    GroupHandle g = f.open_group(group);
    f.require_new(g, name, where);
    f.require_new(g, name + "_row", object_path(group, name + "_row"));
    std::vector<unsigned char> buffer;
    pack_rows(table, schema.layout, where, buffer);
    DatasetHandle dataset =
        f.create_dataset(g, name, where, schema.file_type.get(), {to_hsize(rows)}, schema.layout.bytes);
    if (rows > 0) f.write_all(dataset, schema.memory_type.get(), buffer.data(), where);
    f.describe_table(dataset, schema, long_name, where);
    DatasetHandle row = f.index_scale(g, name + "_row", rows, "row number of table " + name + " (from 0)",
                                      object_path(group, name + "_row"));
    f.attach(dataset, row, 0, where);
  });
}

std::size_t ResultsFile::begin_table(const std::string& group, const std::string& name, const ResultsTable& columns,
                                     const std::vector<std::size_t>& string_widths, const std::string& long_name) {
  Impl& f = live("begin_table");
  std::size_t number = 0;
  f.guard([&] {
    check_name(name, "table");
    const std::string where = object_path(group, name);
    if (columns.column_count() == 0) throw std::invalid_argument("table '" + where + "' has no columns");
    Impl::Stream stream;
    stream.where = where;
    stream.schema = f.schema(columns, string_widths, where);
    GroupHandle g = f.open_group(group);
    const std::string row_name = name + "_row";
    const std::string row_where = object_path(group, row_name);
    f.require_new(g, name, where);
    f.require_new(g, row_name, row_where);
    stream.dataset = f.create_growing(g, name, where, stream.schema.file_type.get(), stream.schema.layout.bytes);
    f.describe_table(stream.dataset, stream.schema, long_name, where);
    stream.scale = f.create_growing(g, row_name, row_where, H5T_STD_I64LE, sizeof(std::int64_t));
    if (H5DSset_scale(stream.scale.get(), row_name.c_str()) < 0) f.fail("cannot make '" + row_where + "' a dimension scale");
    f.describe(stream.scale, "1", "row number of table " + name + " (from 0)", row_where);
    f.attach(stream.dataset, stream.scale, 0, where);
    f.streams.push_back(std::move(stream));
    number = f.streams.size() - 1;
  });
  return number;
}

void ResultsFile::append_rows(std::size_t stream, const ResultsTable& rows) {
  Impl& f = live("append_rows");
  f.guard([&] {
    if (stream >= f.streams.size() || !f.streams[stream].dataset.valid()) {
      throw std::invalid_argument("append_rows: no open table stream " + std::to_string(stream));
    }
    Impl::Stream& s = f.streams[stream];
    if (rows.column_count() != s.schema.columns.size()) {
      throw std::invalid_argument("table '" + s.where + "' has " + std::to_string(s.schema.columns.size()) +
                                  " columns; rows of " + std::to_string(rows.column_count()) + " given");
    }
    for (std::size_t c = 0; c < rows.column_count(); ++c) {
      if (rows.column(c).name != s.schema.columns[c].name || rows.column(c).type != s.schema.columns[c].type) {
        throw std::invalid_argument("table '" + s.where + "': column " + std::to_string(c) + " is '" +
                                    s.schema.columns[c].name + "', rows give '" + rows.column(c).name + "'");
      }
    }
    if (rows.rows() == 0) return;
    std::vector<unsigned char> buffer;
    pack_rows(rows, s.schema.layout, s.where, buffer);
    std::vector<std::int64_t> index(rows.rows());
    for (std::size_t r = 0; r < index.size(); ++r) index[r] = static_cast<std::int64_t>(s.rows + r);
    f.append(s.dataset, s.schema.memory_type.get(), buffer.data(), s.rows, rows.rows(), s.where);
    f.append(s.scale, H5T_NATIVE_INT64, index.data(), s.rows, rows.rows(), s.where + "_row");
    s.rows += rows.rows();
  });
}

void ResultsFile::finish_table(std::size_t stream) {
  Impl& f = live("finish_table");
  if (stream >= f.streams.size()) throw std::invalid_argument("finish_table: no table stream " + std::to_string(stream));
  f.streams[stream] = Impl::Stream();  // closes its datasets
}

void ResultsFile::write_grid_coordinates(const std::string& group, const std::vector<double>& lat_deg,
                                         const std::vector<double>& lon_deg) {
  Impl& f = live("write_grid_coordinates");
  f.guard([&] {
    struct Axis {
      const char* name;
      const std::vector<double>* values;
      const char* units;
      const char* standard_name;
      const char* axis;
    };
    const std::array<Axis, 2> axes{Axis{"lat", &lat_deg, "degrees_north", "latitude", "Y"},
                                   Axis{"lon", &lon_deg, "degrees_east", "longitude", "X"}};
    for (const Axis& a : axes) {
      const std::vector<double>& v = *a.values;
      const std::string where = object_path(group, a.name);
      if (v.empty()) throw std::invalid_argument("grid coordinate '" + where + "' is empty");
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i])) throw std::invalid_argument("grid coordinate '" + where + "' is not finite");
        if (i >= 2 && (v[i] > v[i - 1]) != (v[1] > v[0])) {
          throw std::invalid_argument("grid coordinate '" + where + "' is not monotonic");
        }
        if (i >= 1 && v[i] == v[i - 1]) {
          throw std::invalid_argument("grid coordinate '" + where + "' repeats a value");
        }
      }
    }
    GroupHandle g = f.open_group(group);
    for (const Axis& a : axes) f.require_new(g, a.name, object_path(group, a.name));
    for (const Axis& a : axes) {
      const std::string where = object_path(group, a.name);
      DatasetHandle dataset =
          f.create_dataset(g, a.name, where, H5T_IEEE_F64LE, {to_hsize(a.values->size())}, sizeof(double));
      f.write_all(dataset, H5T_NATIVE_DOUBLE, a.values->data(), where);
      if (H5DSset_scale(dataset.get(), a.name) < 0) f.fail("cannot make '" + where + "' a dimension scale");
      f.describe(dataset, a.units, a.standard_name, where);
      f.string_attribute(dataset.get(), "standard_name", a.standard_name, where);
      f.string_attribute(dataset.get(), "axis", a.axis, where);
    }
  });
}

void ResultsFile::write_map(const std::string& group, const std::string& name, const std::vector<float>& values,
                            std::size_t rows, std::size_t cols, const std::string& units,
                            const std::string& long_name) {
  Impl& f = live("write_map");
  f.guard([&] {
    check_name(name, "map");
    const std::string where = object_path(group, name);
    if (rows == 0 || cols == 0 || values.size() % rows != 0 || values.size() / rows != cols) {
      throw std::invalid_argument("map '" + where + "' has " + std::to_string(values.size()) + " values for " +
                                  std::to_string(rows) + " x " + std::to_string(cols) + " cells");
    }
    GroupHandle g = f.open_group(group);
    f.require_new(g, name, where);
    hsize_t lat_length = 0;
    hsize_t lon_length = 0;
    DatasetHandle lat = f.open_scale(g, "lat", object_path(group, "lat"), lat_length);
    DatasetHandle lon = f.open_scale(g, "lon", object_path(group, "lon"), lon_length);
    if (!lat.valid() || !lon.valid()) {
      throw std::invalid_argument("map '" + where +
                                  "' needs the grid coordinates of its group (write_grid_coordinates first)");
    }
    if (lat_length != rows || lon_length != cols) {
      throw std::invalid_argument("map '" + where + "' is " + std::to_string(rows) + " x " + std::to_string(cols) +
                                  " but the group's grid is " + std::to_string(lat_length) + " x " +
                                  std::to_string(lon_length));
    }
    const float nan = std::numeric_limits<float>::quiet_NaN();
    DatasetHandle dataset = f.create_dataset(g, name, where, H5T_IEEE_F32LE, {to_hsize(rows), to_hsize(cols)},
                                             sizeof(float), &nan, H5T_NATIVE_FLOAT);
    f.write_all(dataset, H5T_NATIVE_FLOAT, values.data(), where);
    f.describe(dataset, units, long_name, where);
    f.number_attribute(dataset.get(), "_FillValue", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, &nan, where);
    f.attach(dataset, lat, 0, where);
    f.attach(dataset, lon, 1, where);
  });
}

void ResultsFile::write_vector(const std::string& group, const std::string& name, const std::vector<double>& values,
                               const std::string& units, const std::string& long_name, const std::string& dimension) {
  Impl& f = live("write_vector");
  f.guard([&] {
    check_name(name, "vector");
    check_name(dimension, "dimension");
    const std::string where = object_path(group, name);
    if (name == dimension) throw std::invalid_argument("vector '" + where + "' is named as its dimension");
    GroupHandle g = f.open_group(group);
    f.require_new(g, name, where);
    const std::string scale_where = object_path(group, dimension);
    hsize_t length = 0;
    DatasetHandle scale = f.open_scale(g, dimension, scale_where, length);
    if (!scale.valid()) {
      scale = f.index_scale(g, dimension, values.size(), dimension + " number (from 0)", scale_where);
      length = to_hsize(values.size());
    }
    if (length != values.size()) {
      throw std::invalid_argument("vector '" + where + "' has " + std::to_string(values.size()) +
                                  " values but dimension '" + scale_where + "' has " + std::to_string(length));
    }
    DatasetHandle dataset = f.create_dataset(g, name, where, H5T_IEEE_F64LE, {to_hsize(values.size())}, sizeof(double));
    if (!values.empty()) f.write_all(dataset, H5T_NATIVE_DOUBLE, values.data(), where);
    f.describe(dataset, units, long_name, where);
    f.attach(dataset, scale, 0, where);
  });
}

void ResultsFile::commit() {
  Impl& f = live("commit");
  {
    QuietHdf5 quiet;
    f.streams.clear();  // tables still streaming end here
    if (H5Fflush(f.file.get(), H5F_SCOPE_GLOBAL) < 0) {
      const std::string detail = hdf5_detail();
      f.discard();
      throw std::runtime_error("results file '" + f.final_path.string() + "': cannot flush '" + f.temp_path.string() +
                               "'" + detail);
    }
    if (f.file.close() < 0) {
      const std::string detail = hdf5_detail();
      std::error_code ignored;
      std::filesystem::remove(f.temp_path, ignored);
      throw std::runtime_error("results file '" + f.final_path.string() + "': cannot close '" + f.temp_path.string() +
                               "'" + detail);
    }
  }
  sync_path(f.temp_path, O_RDONLY);
  rename_into_place(f.temp_path, f.final_path);  // removes the temporary file if it fails
  f.committed = true;
}

bool ResultsFile::committed() const { return impl_ && impl_->committed; }

}  // namespace mdasim

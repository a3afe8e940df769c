// Writing a run's results as one HDF5 file that h5py, xarray (netCDF-4) and Panoply open without
// help: every dataset carries `units` and `long_name` attributes; maps are 2-D float datasets
// (lat, lon) with NaN over land and `lat`/`lon` coordinate datasets attached as dimension scales;
// per-replication series are 1-D datasets along a `replication` dimension scale; tables are 1-D
// compound datasets. The file is written under a temporary name beside the target and renamed
// to it by commit(), so an interrupted run never leaves a file that looks finished.
//
// Layout of a table dataset (read with h5py as `ds = f["baseline/tables/incidents"]`):
//   ds.dtype.names                 the columns, in the order they were added
//   ds.attrs["long_name"]          what the table holds
//   ds.attrs["units"]              one string per column, in column order ("" for text columns),
//                                  so `dict(zip(ds.dtype.names, ds.attrs["units"]))`
//   ds.attrs["column_long_names"]  one string per column, in column order
//   f["baseline/tables/incidents_row"]  its dimension scale, the int64 row index 0..n-1 (so that
//                                  xarray's h5netcdf engine opens the group without phony_dims)
// Columns are float64, int64, uint64 or fixed-length UTF-8 strings (NUL-padded, as wide as the
// longest value; h5py reads them as bytes: `.decode()`). Tables of 4096 rows or more are chunked
// and deflate-compressed; so are maps of 4096 cells or more. The netCDF-C library (xarray's
// netcdf4 engine, ncdump) does not show the tables (it reads only committed compound types, and
// mangles fixed-length strings inside them); h5py and h5netcdf do.
//
// String attributes are variable-length UTF-8 (h5py reads them as str). The root carries
// `engine_version` (the mdasim version) from creation on.
//
// Errors: file-system and HDF5 failures throw std::runtime_error naming the file and what failed;
// caller mistakes (mismatched sizes, bad names, a dataset written twice) throw
// std::invalid_argument; use after commit() throws std::logic_error. HDF5's own error printing is
// silenced during every call (and restored after), so nothing reaches stderr.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

namespace mdasim {

enum class ColumnType { kDouble, kInt64, kUInt64, kString };

struct TableColumn {
  std::string name;
  ColumnType type = ColumnType::kDouble;
  std::string units;      // "1" for dimensionless numbers, "" for text
  std::string long_name;  // what the column holds
};

// A table built column by column: describe the columns once, then size it and fill cells by
// (column, row). add_* return the column's index. New cells are NaN (double), 0 (integers) or ""
// (strings). A wrong column type or an index out of range throws.
//
//   ResultsTable t;
//   const auto response = t.add_double("response_h", "h", "alert-to-scene response time");
//   const auto state = t.add_string("state", "", "responsible state");
//   t.set_rows(n);
//   t.set_double(response, row, 3.5);
//   t.set_string(state, row, "PH");
class ResultsTable {
 public:
  std::size_t add_double(std::string name, std::string units, std::string long_name);
  std::size_t add_int64(std::string name, std::string units, std::string long_name);
  std::size_t add_uint64(std::string name, std::string units, std::string long_name);
  std::size_t add_string(std::string name, std::string units, std::string long_name);

  void set_rows(std::size_t rows);
  std::size_t add_row();  // appends a row of default cells; returns its index

  void set_double(std::size_t column, std::size_t row, double value);
  void set_int64(std::size_t column, std::size_t row, std::int64_t value);
  void set_uint64(std::size_t column, std::size_t row, std::uint64_t value);
  void set_string(std::size_t column, std::size_t row, std::string value);

  [[nodiscard]] double get_double(std::size_t column, std::size_t row) const;
  [[nodiscard]] std::int64_t get_int64(std::size_t column, std::size_t row) const;
  [[nodiscard]] std::uint64_t get_uint64(std::size_t column, std::size_t row) const;
  [[nodiscard]] const std::string& get_string(std::size_t column, std::size_t row) const;

  [[nodiscard]] std::size_t rows() const { return rows_; }
  [[nodiscard]] std::size_t column_count() const { return columns_.size(); }
  [[nodiscard]] const TableColumn& column(std::size_t column) const;
  // The index of the column with this name; throws std::invalid_argument if there is none.
  [[nodiscard]] std::size_t column_index(std::string_view name) const;

 private:
  using Cells = std::variant<std::vector<double>, std::vector<std::int64_t>, std::vector<std::uint64_t>,
                             std::vector<std::string>>;  // alternatives in ColumnType's order
  struct Column {
    TableColumn spec;
    Cells cells;
  };

  std::size_t add(TableColumn spec, Cells cells);
  template <typename T>
  std::vector<T>& cells_of(std::size_t column, std::size_t row);
  template <typename T>
  const std::vector<T>& cells_of(std::size_t column, std::size_t row) const;

  std::vector<Column> columns_;
  std::size_t rows_ = 0;
};

// One results file being written. Group paths are "/"-separated ("baseline", "option-a/maps");
// "" or "/" is the root. Groups are created as needed by every write. Use it from one thread at a
// time (Debian's HDF5 is built without thread safety: no two threads may call HDF5 at once).
class ResultsFile {
 public:
  // Creates the temporary file `<path>.tmp-<pid>` beside `path` (beside the file it names, if
  // `path` is a symbolic link). Throws std::runtime_error if `path` is a folder, a device, a FIFO
  // or a socket (core/output_file.hpp), never touching it. One writer per target at a time.
  explicit ResultsFile(std::filesystem::path path);
  // Without commit(): closes and removes the temporary file.
  ~ResultsFile();
  ResultsFile(ResultsFile&&) noexcept;
  ResultsFile& operator=(ResultsFile&&) noexcept;
  ResultsFile(const ResultsFile&) = delete;
  ResultsFile& operator=(const ResultsFile&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const;       // the final path
  [[nodiscard]] const std::filesystem::path& temp_path() const;  // where it is written until commit()

  // Attributes of the root group (an existing one of the same name is replaced).
  void set_root_attribute(const std::string& name, std::string_view value);
  void set_root_attribute(const std::string& name, const char* value) {
    set_root_attribute(name, std::string_view(value));
  }
  void set_root_attribute(const std::string& name, double value);
  void set_root_attribute(const std::string& name, std::int64_t value);
  void set_root_attribute(const std::string& name, std::uint64_t value);
  template <typename T>
    requires(std::is_integral_v<T> && !std::is_same_v<T, bool>)
  void set_root_attribute(const std::string& name, T value) {  // int, unsigned, ... as int64 / uint64
    if constexpr (std::is_signed_v<T>) {
      set_root_attribute(name, static_cast<std::int64_t>(value));
    } else {
      set_root_attribute(name, static_cast<std::uint64_t>(value));
    }
  }
  // An attribute of any group or dataset already written ("baseline/maps/coverage").
  void set_attribute(const std::string& object, const std::string& name, std::string_view value);
  void set_attribute(const std::string& object, const std::string& name, double value);

  // Makes sure the group and its parents exist.
  void group(const std::string& path);

  // A 1-D compound dataset with one field per column, along the dimension scale `<name>_row`.
  // Needs at least one column; 0 rows is fine.
  void write_table(const std::string& group, const std::string& name, const ResultsTable& table,
                   const std::string& long_name);

  // A table written while a run goes on, block of rows by block of rows, for tables too large to
  // hold in memory (the incidents of every replication): a chunked, compressed dataset that
  // grows with each append_rows(), with its `<name>_row` dimension scale growing beside it. The
  // layout is write_table's, but string columns have the widths given here (`string_widths`, in
  // bytes, one per string column in column order; a longer value throws std::invalid_argument).
  // `columns` gives the columns (its rows are ignored). Returns the stream's number. A stream
  // ends with finish_table() or at commit().
  [[nodiscard]] std::size_t begin_table(const std::string& group, const std::string& name, const ResultsTable& columns,
                                        const std::vector<std::size_t>& string_widths, const std::string& long_name);
  // Appends the rows of `rows`, whose columns must be the stream's.
  void append_rows(std::size_t stream, const ResultsTable& rows);
  void finish_table(std::size_t stream);

  // `lat` and `lon` coordinate datasets (degrees, cell centres; each finite and strictly
  // monotonic), made dimension scales for the maps of the group. Once per group, before its maps.
  void write_grid_coordinates(const std::string& group, const std::vector<double>& lat_deg,
                              const std::vector<double>& lon_deg);
  // A (lat, lon) float map, row-major: values[row * cols + col], row i at lat_deg[i]. NaN marks
  // land (and is the `_FillValue`). rows and cols must match the group's grid coordinates.
  void write_map(const std::string& group, const std::string& name, const std::vector<float>& values, std::size_t rows,
                 std::size_t cols, const std::string& units, const std::string& long_name);

  // A 1-D float64 series along `dimension`: a dimension scale of that name in the group, created
  // on first use as the int64 index 0..n-1; every series along it must have its length.
  void write_vector(const std::string& group, const std::string& name, const std::vector<double>& values,
                    const std::string& units, const std::string& long_name,
                    const std::string& dimension = "replication");

  // Flushes, closes, syncs and renames the file to path() (core/output_file.hpp: only over a regular
  // file). On failure the temporary file is removed too. Nothing can be written afterwards.
  void commit();
  // Whether commit() completed (the file is at path()).
  [[nodiscard]] bool committed() const;

 private:
  struct Impl;
  Impl& live(const char* operation);
  std::unique_ptr<Impl> impl_;
};

}  // namespace mdasim

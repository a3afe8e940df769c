// The results-file writer: the file appears only when committed, and what it holds reads back
// through the HDF5 C API (values, units, strings, dimension scales, NaN over land).
#include "io/results_file.hpp"
#include "temp_directory.hpp"

#include <unistd.h>

#include <cmath>
#include <fstream>
#include <limits>

#include <gtest/gtest.h>
#include <hdf5.h>
#include <hdf5_hl.h>

namespace mdasim {
namespace {

namespace fs = std::filesystem;

// ---- reading back ----

// An open HDF5 identifier, closed on scope exit.
class Id {
 public:
  Id(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  Id(const Id&) = delete;
  Id& operator=(const Id&) = delete;
  ~Id() {
    if (id_ >= 0) close_(id_);
  }
  operator hid_t() const { return id_; }  // NOLINT(google-explicit-constructor)

 private:
  hid_t id_;
  herr_t (*close_)(hid_t);
};

Id open_file(const fs::path& path) { return Id(H5Fopen(path.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose); }
Id open_dataset(hid_t file, const char* path) { return Id(H5Dopen2(file, path, H5P_DEFAULT), H5Dclose); }

std::string string_attribute(hid_t object, const char* name) {
  Id attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  if (attribute < 0) return "<missing>";
  Id type(H5Aget_type(attribute), H5Tclose);
  EXPECT_EQ(H5Tget_class(type), H5T_STRING);
  EXPECT_TRUE(H5Tis_variable_str(type) > 0);
  EXPECT_EQ(H5Tget_cset(type), H5T_CSET_UTF8);
  char* text = nullptr;
  Id memory(H5Tcopy(type), H5Tclose);
  EXPECT_GE(H5Aread(attribute, memory, &text), 0);
  std::string value = text != nullptr ? text : "<null>";
  H5free_memory(text);
  return value;
}

std::vector<std::string> string_array_attribute(hid_t object, const char* name) {
  Id attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  if (attribute < 0) return {"<missing>"};
  Id type(H5Aget_type(attribute), H5Tclose);
  Id space(H5Aget_space(attribute), H5Sclose);
  std::vector<char*> texts(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
  EXPECT_GE(H5Aread(attribute, type, texts.data()), 0);
  std::vector<std::string> values;
  for (char* t : texts) {
    values.emplace_back(t != nullptr ? t : "<null>");
    H5free_memory(t);
  }
  return values;
}

template <typename T>
T number_attribute(hid_t object, const char* name, hid_t memory_type) {
  T value{};
  Id attribute(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
  EXPECT_GE(attribute, 0) << name;
  EXPECT_GE(H5Aread(attribute, memory_type, &value), 0);
  return value;
}

hsize_t length(hid_t dataset) {
  Id space(H5Dget_space(dataset), H5Sclose);
  EXPECT_EQ(H5Sget_simple_extent_ndims(space), 1);
  hsize_t n = 0;
  H5Sget_simple_extent_dims(space, &n, nullptr);
  return n;
}

// One field of a compound dataset, read by name through a one-member memory type.
template <typename T>
std::vector<T> read_column(hid_t dataset, const char* field, hid_t memory_type) {
  std::vector<T> values(static_cast<std::size_t>(length(dataset)));
  Id type(H5Tcreate(H5T_COMPOUND, sizeof(T)), H5Tclose);
  H5Tinsert(type, field, 0, memory_type);
  EXPECT_GE(H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()), 0) << field;
  return values;
}

std::vector<std::string> read_string_column(hid_t dataset, const char* field) {
  Id file_type(H5Dget_type(dataset), H5Tclose);
  const int index = H5Tget_member_index(file_type, field);
  EXPECT_GE(index, 0) << field;
  Id text(H5Tget_member_type(file_type, static_cast<unsigned>(index)), H5Tclose);
  EXPECT_EQ(H5Tget_class(text), H5T_STRING);
  EXPECT_EQ(H5Tget_cset(text), H5T_CSET_UTF8);
  const std::size_t width = H5Tget_size(text);
  const auto rows = static_cast<std::size_t>(length(dataset));
  std::vector<char> bytes(rows * width);
  Id type(H5Tcreate(H5T_COMPOUND, width), H5Tclose);
  H5Tinsert(type, field, 0, text);
  EXPECT_GE(H5Dread(dataset, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data()), 0) << field;
  std::vector<std::string> values;
  for (std::size_t r = 0; r < rows; ++r) {
    std::string v(bytes.data() + r * width, width);
    v.erase(v.find_last_not_of('\0') + 1);
    values.push_back(v);
  }
  return values;
}

// ---- fixture ----

class ResultsFileTest : public test::TempDirectoryTest {
 protected:
  ResultsFileTest() : TempDirectoryTest("mdasim-results-") {}
};

ResultsTable sample_table() {
  ResultsTable t;
  t.add_double("response_h", "h", "alert-to-scene response time");
  t.add_int64("incident", "1", "incident number");
  t.add_uint64("seed", "1", "random stream seed");
  t.add_string("state", "", "responsible state");
  t.set_rows(3);
  const std::array<double, 3> response{1.5, -2.25, std::numeric_limits<double>::infinity()};
  const std::array<std::int64_t, 3> incident{7, -1, std::numeric_limits<std::int64_t>::min()};
  const std::array<std::uint64_t, 3> seed{0, 42, std::numeric_limits<std::uint64_t>::max()};
  const std::array<const char*, 3> state{"PH", "", "Việt Nam"};
  for (std::size_t r = 0; r < 3; ++r) {
    t.set_double(0, r, response[r]);
    t.set_int64(1, r, incident[r]);
    t.set_uint64(2, r, seed[r]);
    t.set_string(3, r, state[r]);
  }
  return t;
}

// ---- the file's life ----

TEST_F(ResultsFileTest, AppearsOnlyAfterCommit) {
  const fs::path target = directory_ / "run.h5";
  ResultsFile file(target);
  EXPECT_EQ(file.path(), target);
  EXPECT_EQ(file.temp_path().parent_path(), directory_);
  EXPECT_TRUE(fs::exists(file.temp_path()));
  EXPECT_FALSE(fs::exists(target));
  file.write_vector("baseline", "detected", {0.5, 0.75}, "1", "fraction of incidents detected");
  EXPECT_FALSE(fs::exists(target));
  const fs::path temp = file.temp_path();
  file.commit();
  EXPECT_TRUE(fs::exists(target));
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_EQ(files(), std::vector<fs::path>{"run.h5"});

  Id f = open_file(target);
  ASSERT_GE(f, 0);
  EXPECT_FALSE(string_attribute(f, "engine_version").empty());
  EXPECT_THROW(file.write_vector("baseline", "late", {1.0}, "1", "too late"), std::logic_error);
  EXPECT_THROW(file.commit(), std::logic_error);
}

TEST_F(ResultsFileTest, DestroyedWithoutCommitLeavesNoFile) {
  {
    ResultsFile file(directory_ / "run.h5");
    file.write_vector("baseline", "detected", {0.5}, "1", "fraction detected");
    EXPECT_EQ(files().size(), 1u);
  }
  EXPECT_TRUE(files().empty());
}

TEST_F(ResultsFileTest, AnExceptionDuringTheRunLeavesNoFile) {
  try {
    ResultsFile file(directory_ / "run.h5");
    file.write_vector("baseline", "detected", {0.5}, "1", "fraction detected");
    throw std::runtime_error("the run failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_TRUE(files().empty());
}

TEST_F(ResultsFileTest, MovedWritersKeepOneFile) {
  ResultsFile first(directory_ / "a.h5");
  ResultsFile second(std::move(first));
  second.write_vector("", "x", {1.0}, "1", "x");
  ResultsFile third(directory_ / "b.h5");
  third = std::move(second);  // b.h5's temporary file is discarded
  EXPECT_EQ(files().size(), 1u);
  third.commit();
  EXPECT_EQ(files(), std::vector<fs::path>{"a.h5"});
}

TEST_F(ResultsFileTest, CommitReplacesAnOlderFile) {
  const fs::path target = directory_ / "run.h5";
  std::ofstream(target) << "old";
  ResultsFile file(target);
  file.set_root_attribute("scenario", "new");
  file.commit();
  Id f = open_file(target);
  ASSERT_GE(f, 0);
  EXPECT_EQ(string_attribute(f, "scenario"), "new");
}

// ---- failures ----

TEST_F(ResultsFileTest, AnUnwritablePathThrowsAndLeavesNothing) {
  std::ofstream(directory_ / "plain-file") << "x";
  const fs::path target = directory_ / "plain-file" / "run.h5";  // the parent is not a directory
  try {
    ResultsFile file(target);
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(target.string()), std::string::npos) << message;
    EXPECT_NE(message.find("Not a directory"), std::string::npos) << message;
  }
  EXPECT_EQ(files(), std::vector<fs::path>{"plain-file"});

  try {
    ResultsFile file(directory_ / "missing" / "run.h5");
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("' does not exist"), std::string::npos) << e.what();
  }
  EXPECT_THROW(ResultsFile{directory_}, std::runtime_error);  // a directory is no file
  EXPECT_EQ(files(), std::vector<fs::path>{"plain-file"});
}

TEST_F(ResultsFileTest, AFailedRenameThrowsAndLeavesNothing) {
  const fs::path target = directory_ / "run.h5";
  ResultsFile file(target);
  file.set_root_attribute("scenario", "x");
  fs::create_directories(target / "in-the-way");  // a folder is never replaced (core/output_file.hpp)
  try {
    file.commit();
    FAIL() << "no exception";
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find(target.string()), std::string::npos) << message;
    EXPECT_NE(message.find("it is a folder now; mdasim replaces only regular files"), std::string::npos) << message;
  }
  EXPECT_EQ(files(), std::vector<fs::path>{"run.h5"});
  EXPECT_TRUE(fs::is_directory(target));
}

TEST_F(ResultsFileTest, HdfErrorsAreNotPrintedAndPrintingIsRestored) {
  H5E_auto2_t before = nullptr;
  void* before_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &before, &before_data);
  ::testing::internal::CaptureStderr();
  EXPECT_THROW(ResultsFile(directory_ / "missing" / "run.h5"), std::runtime_error);
  {
    ResultsFile file(directory_ / "run.h5");
    file.write_vector("g", "v", {1.0}, "1", "v");
    EXPECT_THROW(file.write_vector("g", "v", {1.0}, "1", "v"), std::invalid_argument);    // written twice
    EXPECT_THROW(file.write_vector("g/v", "w", {1.0}, "1", "w"), std::invalid_argument);  // v is no group
    EXPECT_THROW(file.set_attribute("g/none", "a", 1.0), std::invalid_argument);
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  H5E_auto2_t after = nullptr;
  void* after_data = nullptr;
  H5Eget_auto2(H5E_DEFAULT, &after, &after_data);
  EXPECT_EQ(after, before);
  EXPECT_EQ(after_data, before_data);
}

// ---- attributes and groups ----

TEST_F(ResultsFileTest, RootAttributesRoundTrip) {
  const fs::path target = directory_ / "run.h5";
  std::string scenario = "name: Selat Melaka — Straße\nnotes: |\n  ünïcödé ✓\n";
  while (scenario.size() < 200'000) scenario += "# padding beyond the 64 KiB of compact attributes\n";
  {
    ResultsFile file(target);
    file.set_root_attribute("scenario", scenario);
    file.set_root_attribute("replications", 1000);
    file.set_root_attribute("seed", std::uint64_t{18'446'744'073'709'551'615u});
    file.set_root_attribute("offset", std::int64_t{-5});
    file.set_root_attribute("horizon_h", 8760.0);
    file.set_root_attribute("horizon_h", 24.0);  // replaced
    file.group("baseline");
    file.set_attribute("baseline", "option", "baseline.yaml");
    file.commit();
  }
  Id f = open_file(target);
  ASSERT_GE(f, 0);
  EXPECT_EQ(string_attribute(f, "scenario"), scenario);
  EXPECT_EQ(number_attribute<std::int64_t>(f, "replications", H5T_NATIVE_INT64), 1000);
  EXPECT_EQ(number_attribute<std::uint64_t>(f, "seed", H5T_NATIVE_UINT64), 18'446'744'073'709'551'615u);
  EXPECT_EQ(number_attribute<std::int64_t>(f, "offset", H5T_NATIVE_INT64), -5);
  EXPECT_EQ(number_attribute<double>(f, "horizon_h", H5T_NATIVE_DOUBLE), 24.0);
  Id g(H5Gopen2(f, "baseline", H5P_DEFAULT), H5Gclose);
  EXPECT_EQ(string_attribute(g, "option"), "baseline.yaml");
}

TEST_F(ResultsFileTest, GroupsAreCreatedWithTheirParents) {
  const fs::path target = directory_ / "run.h5";
  {
    ResultsFile file(target);
    file.group("option-a/maps");
    file.group("/option-a//maps/");  // the same group
    file.group("");                  // the root
    EXPECT_THROW(file.group("a/../b"), std::invalid_argument);
    file.write_vector("option-b/series", "x", {1.0}, "1", "x");
    EXPECT_THROW(file.write_vector("", "bad/name", {1.0}, "1", "x"), std::invalid_argument);
    file.commit();
  }
  Id f = open_file(target);
  for (const char* path : {"option-a", "option-a/maps", "option-b", "option-b/series"}) {
    H5O_info_t info;
    ASSERT_GE(H5Oget_info_by_name2(f, path, &info, H5O_INFO_BASIC, H5P_DEFAULT), 0) << path;
    EXPECT_EQ(info.type, H5O_TYPE_GROUP) << path;
  }
}

// ---- tables ----

TEST_F(ResultsFileTest, TablesReadBackColumnByColumn) {
  const fs::path target = directory_ / "run.h5";
  {
    ResultsFile file(target);
    file.write_table("baseline", "incidents", sample_table(), "incidents of all replications");
    file.commit();
  }
  Id f = open_file(target);
  Id d = open_dataset(f, "baseline/incidents");
  ASSERT_GE(d, 0);
  EXPECT_EQ(length(d), 3u);

  Id type(H5Dget_type(d), H5Tclose);
  ASSERT_EQ(H5Tget_class(type), H5T_COMPOUND);
  ASSERT_EQ(H5Tget_nmembers(type), 4);
  const std::array<const char*, 4> names{"response_h", "incident", "seed", "state"};
  const std::array<H5T_class_t, 4> classes{H5T_FLOAT, H5T_INTEGER, H5T_INTEGER, H5T_STRING};
  for (unsigned i = 0; i < 4; ++i) {
    char* name = H5Tget_member_name(type, i);
    EXPECT_STREQ(name, names[i]);
    H5free_memory(name);
    EXPECT_EQ(H5Tget_member_class(type, i), classes[i]) << names[i];
  }
  Id incident_type(H5Tget_member_type(type, 1), H5Tclose);
  Id seed_type(H5Tget_member_type(type, 2), H5Tclose);
  EXPECT_EQ(H5Tget_sign(incident_type), H5T_SGN_2);
  EXPECT_EQ(H5Tget_sign(seed_type), H5T_SGN_NONE);
  EXPECT_EQ(H5Tget_size(seed_type), 8u);

  const auto response = read_column<double>(d, "response_h", H5T_NATIVE_DOUBLE);
  EXPECT_EQ(response, (std::vector<double>{1.5, -2.25, std::numeric_limits<double>::infinity()}));
  const auto incident = read_column<std::int64_t>(d, "incident", H5T_NATIVE_INT64);
  EXPECT_EQ(incident, (std::vector<std::int64_t>{7, -1, std::numeric_limits<std::int64_t>::min()}));
  const auto seed = read_column<std::uint64_t>(d, "seed", H5T_NATIVE_UINT64);
  EXPECT_EQ(seed, (std::vector<std::uint64_t>{0, 42, std::numeric_limits<std::uint64_t>::max()}));
  EXPECT_EQ(read_string_column(d, "state"), (std::vector<std::string>{"PH", "", "Việt Nam"}));

  EXPECT_EQ(string_attribute(d, "long_name"), "incidents of all replications");
  EXPECT_EQ(string_array_attribute(d, "units"), (std::vector<std::string>{"h", "1", "1", ""}));
  EXPECT_EQ(string_array_attribute(d, "column_long_names"),
            (std::vector<std::string>{"alert-to-scene response time", "incident number", "random stream seed",
                                      "responsible state"}));
  Id dcpl(H5Dget_create_plist(d), H5Pclose);
  EXPECT_EQ(H5Pget_layout(dcpl), H5D_CONTIGUOUS);  // small tables are not chunked

  Id row = open_dataset(f, "baseline/incidents_row");  // the row dimension
  EXPECT_GT(H5DSis_scale(row), 0);
  EXPECT_GT(H5DSis_attached(d, row, 0), 0);
  EXPECT_EQ(length(row), 3u);
  EXPECT_EQ(string_attribute(row, "units"), "1");
}

TEST_F(ResultsFileTest, ATableCannotBeWrittenOverAnotherDataset) {
  ResultsFile file(directory_ / "run.h5");
  file.write_table("baseline", "incidents", sample_table(), "incidents");
  EXPECT_THROW(file.write_table("baseline", "incidents", sample_table(), "again"), std::invalid_argument);
  file.write_vector("baseline", "x", {1.0}, "1", "x", "other_row");
  EXPECT_THROW(file.write_table("baseline", "other", sample_table(), "its row dimension is taken"),
               std::invalid_argument);
  file.write_table("baseline", "third", sample_table(), "fine");
}

TEST_F(ResultsFileTest, EmptyTables) {
  const fs::path target = directory_ / "run.h5";
  {
    ResultsFile file(target);
    ResultsTable t;
    t.add_double("response_h", "h", "response time");
    t.add_string("state", "", "responsible state");
    file.write_table("", "none", t, "no incidents");
    EXPECT_THROW(file.write_table("", "columnless", ResultsTable{}, "x"), std::invalid_argument);
    file.commit();
  }
  Id f = open_file(target);
  Id d = open_dataset(f, "none");
  ASSERT_GE(d, 0);
  EXPECT_EQ(length(d), 0u);
  EXPECT_TRUE(read_column<double>(d, "response_h", H5T_NATIVE_DOUBLE).empty());
  EXPECT_EQ(string_array_attribute(d, "units"), (std::vector<std::string>{"h", ""}));
  Id row = open_dataset(f, "none_row");
  EXPECT_GT(H5DSis_attached(d, row, 0), 0);
  EXPECT_EQ(length(row), 0u);
}

TEST_F(ResultsFileTest, LargeTablesAreChunkedAndCompressed) {
  constexpr std::size_t kRows = 10'000;
  const fs::path target = directory_ / "run.h5";
  {
    ResultsTable t;
    const std::size_t value = t.add_double("value", "nm", "distance");
    const std::size_t id = t.add_uint64("id", "1", "row number");
    for (std::size_t r = 0; r < kRows; ++r) {
      const std::size_t row = t.add_row();
      t.set_double(value, row, static_cast<double>(r) * 0.5);
      t.set_uint64(id, row, r);
    }
    ResultsFile file(target);
    file.write_table("baseline", "big", t, "a large table");
    file.commit();
  }
  Id f = open_file(target);
  Id d = open_dataset(f, "baseline/big");
  Id dcpl(H5Dget_create_plist(d), H5Pclose);
  EXPECT_EQ(H5Pget_layout(dcpl), H5D_CHUNKED);
  bool deflate = false;
  for (int i = 0; i < H5Pget_nfilters(dcpl); ++i) {
    unsigned flags = 0;
    std::size_t count = 0;
    unsigned config = 0;
    deflate = deflate || H5Pget_filter2(dcpl, static_cast<unsigned>(i), &flags, &count, nullptr, 0, nullptr, &config) ==
                             H5Z_FILTER_DEFLATE;
  }
  EXPECT_TRUE(deflate);
  const auto values = read_column<double>(d, "value", H5T_NATIVE_DOUBLE);
  const auto ids = read_column<std::uint64_t>(d, "id", H5T_NATIVE_UINT64);
  ASSERT_EQ(values.size(), kRows);
  EXPECT_EQ(values[kRows - 1], static_cast<double>(kRows - 1) * 0.5);
  EXPECT_EQ(ids[1234], 1234u);
  EXPECT_LT(fs::file_size(target), kRows * 16);  // compressed
}

// ---- maps and vectors ----

TEST_F(ResultsFileTest, MapsHaveDimensionScalesAndKeepNaN) {
  const fs::path target = directory_ / "run.h5";
  const std::vector<double> lat{0.05, 0.15, 0.25};
  const std::vector<double> lon{100.05, 100.15};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<float> coverage{0.5F, nan, 1.0F, 0.0F, nan, 0.25F};
  {
    ResultsFile file(target);
    EXPECT_THROW(file.write_map("baseline/maps", "coverage", coverage, 3, 2, "1", "x"),
                 std::invalid_argument);  // no coordinates yet
    file.write_grid_coordinates("baseline/maps", lat, lon);
    EXPECT_THROW(file.write_grid_coordinates("baseline/maps", lat, lon), std::invalid_argument);
    EXPECT_THROW(file.write_map("baseline/maps", "bad", coverage, 2, 3, "1", "x"), std::invalid_argument);
    EXPECT_THROW(file.write_map("baseline/maps", "bad", {1.0F}, 3, 2, "1", "x"), std::invalid_argument);
    file.write_map("baseline/maps", "coverage", coverage, 3, 2, "1", "fraction of time covered");
    file.write_map("baseline/maps", "response", coverage, 3, 2, "h", "mean response time");
    file.commit();
  }
  Id f = open_file(target);
  Id lat_ds = open_dataset(f, "baseline/maps/lat");
  Id lon_ds = open_dataset(f, "baseline/maps/lon");
  EXPECT_GT(H5DSis_scale(lat_ds), 0);
  EXPECT_GT(H5DSis_scale(lon_ds), 0);
  EXPECT_EQ(string_attribute(lat_ds, "units"), "degrees_north");
  EXPECT_EQ(string_attribute(lon_ds, "units"), "degrees_east");
  EXPECT_EQ(string_attribute(lat_ds, "standard_name"), "latitude");
  EXPECT_EQ(string_attribute(lon_ds, "standard_name"), "longitude");
  EXPECT_FALSE(string_attribute(lat_ds, "long_name").empty());
  std::vector<double> lat_back(3);
  H5Dread(lat_ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, lat_back.data());
  EXPECT_EQ(lat_back, lat);
  char scale_name[16] = {};
  H5DSget_scale_name(lon_ds, scale_name, sizeof scale_name);
  EXPECT_STREQ(scale_name, "lon");

  for (const char* path : {"baseline/maps/coverage", "baseline/maps/response"}) {
    Id map = open_dataset(f, path);
    ASSERT_GE(map, 0);
    EXPECT_GT(H5DSis_attached(map, lat_ds, 0), 0) << path;
    EXPECT_GT(H5DSis_attached(map, lon_ds, 1), 0) << path;
    Id space(H5Dget_space(map), H5Sclose);
    std::array<hsize_t, 2> dims{};
    ASSERT_EQ(H5Sget_simple_extent_dims(space, dims.data(), nullptr), 2);
    EXPECT_EQ(dims, (std::array<hsize_t, 2>{3, 2}));
    Id type(H5Dget_type(map), H5Tclose);
    EXPECT_EQ(H5Tget_class(type), H5T_FLOAT);
    EXPECT_EQ(H5Tget_size(type), 4u);
    std::vector<float> back(6);
    H5Dread(map, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, back.data());
    EXPECT_EQ(back[0], 0.5F);
    EXPECT_TRUE(std::isnan(back[1]));
    EXPECT_TRUE(std::isnan(back[4]));
    EXPECT_EQ(back[5], 0.25F);
    EXPECT_TRUE(std::isnan(number_attribute<float>(map, "_FillValue", H5T_NATIVE_FLOAT)));
    Id fill_attribute(H5Aopen(map, "_FillValue", H5P_DEFAULT), H5Aclose);
    Id fill_type(H5Aget_type(fill_attribute), H5Tclose);
    EXPECT_GT(H5Tequal(fill_type, type), 0);  // netCDF needs the variable's own type
  }
  Id coverage_ds = open_dataset(f, "baseline/maps/coverage");
  EXPECT_EQ(string_attribute(coverage_ds, "units"), "1");
  EXPECT_EQ(string_attribute(coverage_ds, "long_name"), "fraction of time covered");
}

TEST_F(ResultsFileTest, LargeMapsAreChunked) {
  const fs::path target = directory_ / "run.h5";
  std::vector<double> lat(200);
  std::vector<double> lon(300);
  for (std::size_t i = 0; i < lat.size(); ++i) lat[i] = -10.0 + 0.1 * static_cast<double>(i);
  for (std::size_t i = 0; i < lon.size(); ++i) lon[i] = 95.0 + 0.1 * static_cast<double>(i);
  std::vector<float> values(lat.size() * lon.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = i % 7 == 0 ? std::nanf("") : static_cast<float>(i);
  {
    ResultsFile file(target);
    file.write_grid_coordinates("maps", lat, lon);
    file.write_map("maps", "m", values, lat.size(), lon.size(), "1", "m");
    file.commit();
  }
  Id f = open_file(target);
  Id map = open_dataset(f, "maps/m");
  Id dcpl(H5Dget_create_plist(map), H5Pclose);
  EXPECT_EQ(H5Pget_layout(dcpl), H5D_CHUNKED);
  std::vector<float> back(values.size());
  H5Dread(map, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, back.data());
  EXPECT_TRUE(std::isnan(back[7 * 1000]));
  EXPECT_EQ(back[59'999], 59'999.0F);
}

TEST_F(ResultsFileTest, VectorsShareTheReplicationDimension) {
  const fs::path target = directory_ / "run.h5";
  {
    ResultsFile file(target);
    file.write_vector("baseline", "detected", {0.5, 0.75, 1.0}, "1", "fraction of incidents detected");
    file.write_vector("baseline", "cost", {1.0, 2.0, 3.0}, "MUSD", "operating cost");
    EXPECT_THROW(file.write_vector("baseline", "short", {1.0}, "1", "x"), std::invalid_argument);
    EXPECT_THROW(file.write_vector("baseline", "replication", {1.0, 2.0, 3.0}, "1", "x"), std::invalid_argument);
    file.write_vector("baseline", "per_state", {1.0}, "1", "x", "state");
    file.commit();
  }
  Id f = open_file(target);
  Id replication = open_dataset(f, "baseline/replication");
  EXPECT_GT(H5DSis_scale(replication), 0);
  std::vector<std::int64_t> index(3);
  H5Dread(replication, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, index.data());
  EXPECT_EQ(index, (std::vector<std::int64_t>{0, 1, 2}));
  for (const char* path : {"baseline/detected", "baseline/cost"}) {
    Id v = open_dataset(f, path);
    EXPECT_GT(H5DSis_attached(v, replication, 0), 0) << path;
  }
  Id cost = open_dataset(f, "baseline/cost");
  std::vector<double> back(3);
  H5Dread(cost, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, back.data());
  EXPECT_EQ(back, (std::vector<double>{1.0, 2.0, 3.0}));
  EXPECT_EQ(string_attribute(cost, "units"), "MUSD");
  EXPECT_EQ(string_attribute(cost, "long_name"), "operating cost");
  Id per_state = open_dataset(f, "baseline/per_state");
  Id state = open_dataset(f, "baseline/state");
  EXPECT_GT(H5DSis_attached(per_state, state, 0), 0);
}

// ---- the table builder ----

TEST(ResultsFileTable, DescribesColumnsOnceAndChecksCells) {
  ResultsTable t;
  const std::size_t response = t.add_double("response_h", "h", "response time");
  const std::size_t count = t.add_int64("count", "1", "count");
  EXPECT_THROW(t.add_uint64("count", "1", "again"), std::invalid_argument);
  EXPECT_THROW(t.add_double("", "1", "nameless"), std::invalid_argument);
  EXPECT_EQ(t.add_row(), 0u);
  EXPECT_TRUE(std::isnan(t.get_double(response, 0)));  // unset cells
  EXPECT_EQ(t.get_int64(count, 0), 0);
  const std::size_t name = t.add_string("name", "", "name");  // a column added later has the rows too
  EXPECT_EQ(t.get_string(name, 0), "");
  EXPECT_EQ(t.column_index("name"), name);
  EXPECT_THROW((void)t.column_index("nope"), std::invalid_argument);
  EXPECT_THROW(t.set_int64(response, 0, 1), std::invalid_argument);  // wrong type
  EXPECT_THROW(t.set_double(response, 1, 1.0), std::out_of_range);   // no such row
  EXPECT_THROW(t.set_double(7, 0, 1.0), std::out_of_range);          // no such column
  t.set_rows(0);
  EXPECT_EQ(t.rows(), 0u);
  EXPECT_EQ(t.column_count(), 3u);
  EXPECT_EQ(t.column(response).units, "h");
  EXPECT_EQ(t.column(name).type, ColumnType::kString);
}

}  // namespace
}  // namespace mdasim

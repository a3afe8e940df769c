// GeoTIFF export: read back through GDAL's C API — size, north-up geotransform, EPSG:4326 in
// longitude/latitude order, NaN NoData, flipped rows, units and description, DEFLATE — and the
// file's life: written under a temporary name, errors thrown quietly and naming the file.
#include "io/geotiff.hpp"
#include "core/output_file.hpp"
#include "temp_directory.hpp"

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include <cpl_error.h>
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_srs_api.h>

namespace mdasim {
namespace {

namespace fs = std::filesystem;

struct DatasetCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

Dataset open_readonly(const fs::path& path) {
  GDALAllRegister();
  return Dataset(GDALOpen(path.c_str(), GA_ReadOnly));
}

std::string metadata_item(GDALMajorObjectH object, const char* name, const char* domain = nullptr) {
  const char* value = GDALGetMetadataItem(object, name, domain);
  return value == nullptr ? std::string("<none>") : std::string(value);
}

// 4 columns x 3 rows of 0.5 degrees from (100E, 0N): value = 10 * row + col, NaN at (1, 2).
Grid sample_grid() { return Grid(100.0, 0.0, 102.0, 1.5, 0.5); }

std::vector<float> sample_values(const Grid& grid) {
  std::vector<float> values(grid.size());
  for (int row = 0; row < grid.rows(); ++row) {
    for (int col = 0; col < grid.cols(); ++col) values[grid.index(row, col)] = static_cast<float>(10 * row + col);
  }
  values[grid.index(1, 2)] = std::numeric_limits<float>::quiet_NaN();
  return values;
}

class GeoTiffTest : public test::TempDirectoryTest {
 protected:
  GeoTiffTest() : TempDirectoryTest("mdasim-geotiff-") {}
};

TEST_F(GeoTiffTest, ReadsBackNorthUpInEpsg4326) {
  const Grid grid = sample_grid();
  ASSERT_EQ(grid.cols(), 4);
  ASSERT_EQ(grid.rows(), 3);
  const std::vector<float> values = sample_values(grid);
  const fs::path target = directory_ / "layer.tif";
  write_geotiff(target, grid, values, "h", "mean response time");
  EXPECT_EQ(files(), std::vector<fs::path>{"layer.tif"});  // no temporary file, no .aux.xml sidecar

  const Dataset dataset = open_readonly(target);
  ASSERT_TRUE(dataset);
  EXPECT_STREQ(GDALGetDriverShortName(GDALGetDatasetDriver(dataset.get())), "GTiff");
  EXPECT_EQ(GDALGetRasterXSize(dataset.get()), 4);
  EXPECT_EQ(GDALGetRasterYSize(dataset.get()), 3);
  ASSERT_EQ(GDALGetRasterCount(dataset.get()), 1);

  double transform[6] = {};
  ASSERT_EQ(GDALGetGeoTransform(dataset.get(), transform), CE_None);
  EXPECT_DOUBLE_EQ(transform[0], 100.0);
  EXPECT_DOUBLE_EQ(transform[1], 0.5);
  EXPECT_DOUBLE_EQ(transform[2], 0.0);
  EXPECT_DOUBLE_EQ(transform[3], 1.5);  // lat_max = lat_min + rows * cell
  EXPECT_DOUBLE_EQ(transform[4], 0.0);
  EXPECT_DOUBLE_EQ(transform[5], -0.5);

  OGRSpatialReferenceH srs = GDALGetSpatialRef(dataset.get());
  ASSERT_NE(srs, nullptr);
  ASSERT_NE(OSRGetAuthorityName(srs, nullptr), nullptr);
  ASSERT_NE(OSRGetAuthorityCode(srs, nullptr), nullptr);
  EXPECT_STREQ(OSRGetAuthorityName(srs, nullptr), "EPSG");
  EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "4326");
  EXPECT_TRUE(OSRIsGeographic(srs));
  // Data axis 1 (x) is the CRS's second axis (longitude): traditional GIS order.
  int axes = 0;
  const int* mapping = OSRGetDataAxisToSRSAxisMapping(srs, &axes);
  ASSERT_EQ(axes, 2);
  EXPECT_EQ(mapping[0], 2);
  EXPECT_EQ(mapping[1], 1);

  EXPECT_EQ(metadata_item(dataset.get(), "COMPRESSION", "IMAGE_STRUCTURE"), "DEFLATE");
  EXPECT_EQ(metadata_item(dataset.get(), "AREA_OR_POINT"), "Area");

  GDALRasterBandH band = GDALGetRasterBand(dataset.get(), 1);
  ASSERT_NE(band, nullptr);
  EXPECT_EQ(GDALGetRasterDataType(band), GDT_Float32);
  int has_nodata = 0;
  const double nodata = GDALGetRasterNoDataValue(band, &has_nodata);
  EXPECT_TRUE(has_nodata);
  EXPECT_TRUE(std::isnan(nodata));
  EXPECT_STREQ(GDALGetRasterUnitType(band), "h");
  EXPECT_STREQ(GDALGetDescription(band), "mean response time");
  EXPECT_EQ(metadata_item(band, "units"), "h");
  EXPECT_EQ(metadata_item(band, "long_name"), "mean response time");

  std::vector<float> raster(grid.size());
  ASSERT_EQ(GDALRasterIO(band, GF_Read, 0, 0, 4, 3, raster.data(), 4, 3, GDT_Float32, 0, 0), CE_None);
  // Raster row 0 is the northernmost grid row (2): 20, 21, 22, 23.
  for (int col = 0; col < 4; ++col) {
    EXPECT_EQ(raster[static_cast<std::size_t>(col)], values[grid.index(2, col)]) << "col " << col;
  }
  EXPECT_EQ(raster[0], 20.0F);
  for (int raster_row = 0; raster_row < 3; ++raster_row) {
    for (int col = 0; col < 4; ++col) {
      const float got = raster[static_cast<std::size_t>(raster_row * 4 + col)];
      const float want = values[grid.index(2 - raster_row, col)];
      if (std::isnan(want)) {
        EXPECT_TRUE(std::isnan(got)) << "raster row " << raster_row << " col " << col;
      } else {
        EXPECT_EQ(got, want) << "raster row " << raster_row << " col " << col;
      }
    }
  }
  EXPECT_TRUE(std::isnan(raster[1 * 4 + 2]));  // grid (1, 2) is the middle raster row too
}

TEST_F(GeoTiffTest, AGridCellCentreMapsToItsPixel) {
  // A grid that does not start at 0 and whose box is not a whole number of cells.
  const Grid grid(-10.25, -5.0, -9.0, -4.1, 0.25);  // 5 cols x 4 rows
  std::vector<float> values(grid.size());
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<float>(i);
  const fs::path target = directory_ / "offset.tif";
  write_geotiff(target, grid, values, "1", "index");
  const Dataset dataset = open_readonly(target);
  ASSERT_TRUE(dataset);
  double t[6] = {};
  ASSERT_EQ(GDALGetGeoTransform(dataset.get(), t), CE_None);
  GDALRasterBandH band = GDALGetRasterBand(dataset.get(), 1);
  for (std::size_t i = 0; i < grid.size(); ++i) {
    const GeoPoint centre = grid.center(i);
    const auto pixel = static_cast<int>(std::floor((centre.lon_deg - t[0]) / t[1]));
    const auto line = static_cast<int>(std::floor((centre.lat_deg - t[3]) / t[5]));
    float got = -1.0F;
    ASSERT_EQ(GDALRasterIO(band, GF_Read, pixel, line, 1, 1, &got, 1, 1, GDT_Float32, 0, 0), CE_None);
    EXPECT_EQ(got, values[i]) << "cell " << i;
  }
}

TEST_F(GeoTiffTest, ReplacesAnOlderFile) {
  const Grid grid = sample_grid();
  const fs::path target = directory_ / "layer.tif";
  std::ofstream(target) << "old";
  write_geotiff(target, grid, sample_values(grid), "1", "fraction");
  EXPECT_EQ(files(), std::vector<fs::path>{"layer.tif"});
  const Dataset dataset = open_readonly(target);
  ASSERT_TRUE(dataset);
  EXPECT_EQ(GDALGetRasterXSize(dataset.get()), 4);
}

TEST_F(GeoTiffTest, BadArgumentsAreRejected) {
  const Grid grid = sample_grid();
  const fs::path target = directory_ / "layer.tif";
  EXPECT_THROW(write_geotiff(target, grid, std::vector<float>(5), "1", "x"), std::invalid_argument);
  EXPECT_THROW(write_geotiff(target, Grid(), {}, "1", "x"), std::invalid_argument);
  EXPECT_THROW(write_geotiff("", grid, sample_values(grid), "1", "x"), std::invalid_argument);
  EXPECT_TRUE(files().empty());
}

int g_reported = 0;
void counting_handler(CPLErr /*level*/, CPLErrorNum /*number*/, const char* /*message*/) { ++g_reported; }

TEST_F(GeoTiffTest, FailuresThrowNamingTheFileQuietlyAndLeaveNothing) {
  const Grid grid = sample_grid();
  const std::vector<float> values = sample_values(grid);
  std::ofstream(directory_ / "plain-file") << "x";
  g_reported = 0;
  CPLPushErrorHandler(counting_handler);
  ::testing::internal::CaptureStderr();
  // Refused before GDAL is asked (core/output_file.hpp), and refused by GDAL: a folder stands
  // where the temporary file would go.
  const fs::path blocked = directory_ / "blocked.tif";
  fs::create_directory(temporary_output_name(blocked));
  const std::vector<std::pair<fs::path, std::string>> cases{
      {directory_ / "plain-file" / "layer.tif", "Not a directory"},
      {directory_ / "missing" / "layer.tif", "' does not exist"},
      {blocked, "cannot create"}};
  for (const auto& [target, why] : cases) {
    try {
      write_geotiff(target, grid, values, "1", "x");
      ADD_FAILURE() << "no exception for " << target;
    } catch (const std::runtime_error& e) {
      const std::string message = e.what();
      EXPECT_NE(message.find(target.string()), std::string::npos) << message;
      EXPECT_NE(message.find(why), std::string::npos) << message;
    }
  }
  fs::remove(temporary_output_name(blocked));
  EXPECT_THROW(write_geotiff(directory_, grid, values, "1", "x"), std::runtime_error);  // a directory
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_EQ(g_reported, 0);  // GDAL's errors went to the quiet handler, not the caller's
  CPLError(CE_Warning, CPLE_AppDefined, "after");
  EXPECT_EQ(g_reported, 1);  // and the caller's handler is back on top
  CPLPopErrorHandler();
  EXPECT_EQ(files(), std::vector<fs::path>{"plain-file"});
}

}  // namespace
}  // namespace mdasim

// GeoTIFF export through GDAL's C API (see geotiff.hpp). Every GDAL and OSR handle is owned by a
// unique_ptr; GDAL's error printing is silenced for the duration of a call and its last message
// is carried in the exception.
#include "io/geotiff.hpp"


#include <limits>
#include <memory>
#include <stdexcept>
#include <system_error>
#include <type_traits>
#include <utility>

#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_srs_api.h>

#include "core/output_file.hpp"
#include "mdasim/version.hpp"

namespace mdasim {
namespace {

// Pushes GDAL's quiet error handler (thread-local in GDAL) for its lifetime, so nothing reaches
// stderr; errors are still recorded for CPLGetLastErrorMsg.
class QuietGdal {
 public:
  QuietGdal() { CPLPushErrorHandler(CPLQuietErrorHandler); }
  ~QuietGdal() { CPLPopErrorHandler(); }
  QuietGdal(const QuietGdal&) = delete;
  QuietGdal& operator=(const QuietGdal&) = delete;
};

struct DatasetCloser {
  void operator()(GDALDatasetH dataset) const { GDALClose(dataset); }
};
using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

struct SpatialRefReleaser {
  void operator()(OGRSpatialReferenceH srs) const { OSRRelease(srs); }
};
using SpatialRef = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialRefReleaser>;

// Creation options of the GTiff driver, as a NULL-terminated list owned by GDAL's CSL functions.
struct OptionsFreer {
  void operator()(char** list) const { CSLDestroy(list); }
};
using Options = std::unique_ptr<char*, OptionsFreer>;

// GDAL's last error message as ": message", or "" if there is none.
std::string gdal_detail() {
  const char* message = CPLGetLastErrorMsg();
  return (message != nullptr && *message != '\0') ? std::string(": ") + message : std::string();
}

// Whether GDAL has recorded a failure since the last CPLErrorReset.
bool gdal_failed() { return CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal; }

// Removes the temporary file (and any sidecar GDAL may have made for it) unless released.
class TempFile {
 public:
  explicit TempFile(std::filesystem::path path) : path_(std::move(path)) {}
  ~TempFile() {
    if (path_.empty()) return;
    std::error_code ignored;
    std::filesystem::remove(path_, ignored);
    std::filesystem::path aux = path_;
    aux += ".aux.xml";
    std::filesystem::remove(aux, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  void release() { path_.clear(); }

 private:
  std::filesystem::path path_;
};

}  // namespace

void write_geotiff(const std::filesystem::path& path, const Grid& grid, const std::vector<float>& values,
                   const std::string& units, const std::string& description) {
  const std::string name = "GeoTIFF '" + path.string() + "'";
  if (grid.rows() <= 0 || grid.cols() <= 0) throw std::invalid_argument(name + ": the grid has no cells");
  if (values.size() != grid.size()) {
    throw std::invalid_argument(name + ": " + std::to_string(values.size()) + " values for a grid of " +
                                std::to_string(grid.size()) + " cells");
  }
  if (path.empty()) throw std::invalid_argument("GeoTIFF: the path is empty");
  // Under a temporary name, renamed over the target only when complete and only if the target is
  // a regular file or absent (core/output_file.hpp).
  if (const std::string problem = output_target_problem(path); !problem.empty()) {
    throw std::runtime_error(name + problem);
  }
  const std::filesystem::path target = resolve_output_target(path);
  const std::filesystem::path temp_path = temporary_output_name(target);

  QuietGdal quiet;
  GDALAllRegister();
  CPLErrorReset();
  GDALDriverH driver = GDALGetDriverByName("GTiff");
  if (driver == nullptr) throw std::runtime_error(name + ": GDAL has no GTiff driver" + gdal_detail());

  Options options(CSLSetNameValue(nullptr, "COMPRESS", "DEFLATE"));
  // The floating-point predictor: smooth fields compress several times better with it.
  options.reset(CSLSetNameValue(options.release(), "PREDICTOR", "3"));
  options.reset(CSLSetNameValue(options.release(), "BIGTIFF", "IF_SAFER"));

  const int rows = grid.rows();
  const int cols = grid.cols();
  TempFile temp(temp_path);
  {
    Dataset dataset(GDALCreate(driver, temp_path.c_str(), cols, rows, 1, GDT_Float32, options.get()));
    if (!dataset) throw std::runtime_error(name + ": cannot create '" + temp_path.string() + "'" + gdal_detail());

    const double cell = grid.cell_deg();
    const double lat_max = grid.lat_min_deg() + rows * cell;
    double transform[6] = {grid.lon_min_deg(), cell, 0.0, lat_max, 0.0, -cell};
    if (GDALSetGeoTransform(dataset.get(), transform) != CE_None) {
      throw std::runtime_error(name + ": cannot set the geotransform" + gdal_detail());
    }

    SpatialRef srs(OSRNewSpatialReference(nullptr));
    if (!srs || OSRImportFromEPSG(srs.get(), 4326) != OGRERR_NONE) {
      throw std::runtime_error(name + ": cannot set up EPSG:4326 (is PROJ's proj.db installed?)" + gdal_detail());
    }
    OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
    if (GDALSetSpatialRef(dataset.get(), srs.get()) != CE_None) {
      throw std::runtime_error(name + ": cannot set the coordinate system" + gdal_detail());
    }

    const std::string software = std::string("mdasim ") + kVersion;
    if (GDALSetMetadataItem(dataset.get(), "TIFFTAG_SOFTWARE", software.c_str(), nullptr) != CE_None ||
        GDALSetMetadataItem(dataset.get(), "AREA_OR_POINT", "Area", nullptr) != CE_None) {
      throw std::runtime_error(name + ": cannot set the dataset metadata" + gdal_detail());
    }

    GDALRasterBandH band = GDALGetRasterBand(dataset.get(), 1);
    if (band == nullptr) throw std::runtime_error(name + ": GDAL created no band" + gdal_detail());
    GDALSetDescription(band, description.c_str());
    if (GDALSetRasterNoDataValue(band, std::numeric_limits<double>::quiet_NaN()) != CE_None ||
        GDALSetRasterUnitType(band, units.c_str()) != CE_None ||
        GDALSetMetadataItem(band, "units", units.c_str(), nullptr) != CE_None ||
        GDALSetMetadataItem(band, "long_name", description.c_str(), nullptr) != CE_None) {
      throw std::runtime_error(name + ": cannot set the band's NoData, units or metadata" + gdal_detail());
    }

    // North-up: raster row 0 is the grid's northernmost row (rows - 1).
    for (int raster_row = 0; raster_row < rows; ++raster_row) {
      const int grid_row = rows - 1 - raster_row;
      // GDALRasterIO takes a non-const buffer even for writing; it does not modify it.
      auto* line = const_cast<float*>(values.data() + grid.index(grid_row, 0));
      if (GDALRasterIO(band, GF_Write, 0, raster_row, cols, 1, line, cols, 1, GDT_Float32, 0, 0) != CE_None) {
        throw std::runtime_error(name + ": cannot write raster row " + std::to_string(raster_row) + gdal_detail());
      }
    }

    // GDAL 3.6's GDALFlushCache and GDALClose report failures only through the error state.
    CPLErrorReset();
    GDALFlushCache(dataset.get());
    dataset.reset();
    if (gdal_failed()) throw std::runtime_error(name + ": cannot finish '" + temp_path.string() + "'" + gdal_detail());
  }

  temp.release();
  rename_into_place(temp_path, target);  // removes the temporary file if it fails
}

}  // namespace mdasim

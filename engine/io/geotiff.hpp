// GeoTIFF export of one map layer through GDAL, for QGIS and other GIS tools: a single-band
// Float32 raster, north-up, in EPSG:4326 (longitude/latitude degrees), NaN as NoData over land.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "geo/grid.hpp"

namespace mdasim {

// Writes `values` (one per grid cell, row-major by Grid::index: row 0 is the SOUTHERNMOST row)
// as a DEFLATE-compressed single-band Float32 GeoTIFF at `path`. The raster is north-up: its
// first row is the grid's northernmost row, and the geotransform is
// (lon_min, cell, 0, lat_max, 0, -cell) with lat_max = lat_min + rows * cell. The CRS is
// EPSG:4326 in traditional GIS axis order (x = longitude, y = latitude); NoData is NaN. The band
// carries `description` (its description and `long_name` metadata item) and `units` (its unit
// type and `units` metadata item).
//
// The file is written to `<path>.tmp-<pid>` beside the target and renamed over it only when
// complete; on failure the temporary file is removed and the target is left untouched. Throws
// std::invalid_argument if `values` does not hold one value per cell of a non-empty grid, and
// std::runtime_error naming the file if GDAL cannot create or write it. GDAL's own error printing
// is silenced for the call; its message is carried in the exception instead.
//
// Registers GDAL's drivers (GDALAllRegister, idempotent). Call it from one thread at a time: GDAL
// driver registration and GDAL calls on the same target are not safe to run concurrently.
void write_geotiff(const std::filesystem::path& path, const Grid& grid, const std::vector<float>& values,
                   const std::string& units, const std::string& description);

}  // namespace mdasim

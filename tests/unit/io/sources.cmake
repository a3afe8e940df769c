# Tests of engine/io, added to mdasim_tests.
target_sources(mdasim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/geodata_record_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/geotiff_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/results_file_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/isr_results_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layer_difference_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_maps_test.cpp)

# A sample results file read back by h5py and xarray (tests/io/check_results_file.py). The check
# needs Debian's python3-h5py, python3-xarray and python3-h5netcdf (or python3-netcdf4) for
# /usr/bin/python3; without them it is skipped (exit 77).
add_executable(mdasim_results_sample ${CMAKE_CURRENT_LIST_DIR}/results_file_sample.cpp)
target_link_libraries(mdasim_results_sample PRIVATE mdasim_engine mdasim_warnings)
add_test(NAME io.results_file_readback
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/io/check_results_file.py
                 $<TARGET_FILE:mdasim_results_sample> ${CMAKE_CURRENT_BINARY_DIR}/results-file-readback)
set_tests_properties(io.results_file_readback PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The results of `mdasim run` on a small SAR scenario read back by h5py
# (tests/io/check_sar_results.py): tables, units, the summary against the JSON, and identical
# outputs on 1 and 2 threads. Skipped (exit 77) without python3-h5py.
add_test(NAME io.sar_results_readback
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/io/check_sar_results.py $<TARGET_FILE:mdasim>
                 ${PROJECT_SOURCE_DIR}/tests/data/valid/sar/small-sar.yaml ${CMAKE_CURRENT_BINARY_DIR}/sar-results-readback)
set_tests_properties(io.sar_results_readback PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
# The same with the ISR assets taking part: a patrol, a coastal radar and targets
# (tests/data/valid/sar/small-patrol.yaml): the patrols table and the ISR maps are there too, and
# identical on 1 and 2 threads.
add_test(NAME io.patrol_results_readback
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/io/check_sar_results.py $<TARGET_FILE:mdasim>
                 ${PROJECT_SOURCE_DIR}/tests/data/valid/sar/small-patrol.yaml ${CMAKE_CURRENT_BINARY_DIR}/patrol-results-readback)
set_tests_properties(io.patrol_results_readback PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# GeoTIFF export: geotiff_test.cpp reads the file back through GDAL's C API, and a sample GeoTIFF
# is checked with `gdalinfo -json` (tests/io/check_geotiff.py; skipped, exit 77, without gdal-bin).
target_link_libraries(mdasim_tests PRIVATE GDAL::GDAL)
add_executable(mdasim_geotiff_sample ${CMAKE_CURRENT_LIST_DIR}/geotiff_sample.cpp)
target_link_libraries(mdasim_geotiff_sample PRIVATE mdasim_engine mdasim_warnings)
add_test(NAME io.geotiff_gdalinfo
         COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/tests/io/check_geotiff.py
                 $<TARGET_FILE:mdasim_geotiff_sample> ${CMAKE_CURRENT_BINARY_DIR}/geotiff-gdalinfo)
set_tests_properties(io.geotiff_gdalinfo PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

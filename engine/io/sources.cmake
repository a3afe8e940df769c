# Sources of engine/io (results files, SAR results), added to mdasim_engine.
target_sources(mdasim_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/comparison_results.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_layers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/geodata_record.cpp
  ${CMAKE_CURRENT_LIST_DIR}/geotiff.cpp
  ${CMAKE_CURRENT_LIST_DIR}/incidents_table.cpp
  ${CMAKE_CURRENT_LIST_DIR}/isr_results.cpp
  ${CMAKE_CURRENT_LIST_DIR}/layer_difference.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_layers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/results_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_maps.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_results.cpp)

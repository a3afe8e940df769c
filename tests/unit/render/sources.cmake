# Tests of engine/render (colour maps, ticks, the heatmap, the chart) and of the map reader it
# draws from (engine/io/map_reader), added to mdasim_tests.
target_sources(mdasim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/chart_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/colormap_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/heatmap_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_reader_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ticks_test.cpp)

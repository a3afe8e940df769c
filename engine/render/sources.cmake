# Sources of engine/render (heatmaps and XY charts drawn with cairo: colour maps, ticks, the map,
# the chart, and the drawing helpers they share), added to mdasim_engine. cairo stays private to
# the engine: the API hands out plain pixels or writes PNG files.
target_sources(mdasim_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/chart.cpp
  ${CMAKE_CURRENT_LIST_DIR}/colormap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/drawing.cpp
  ${CMAKE_CURRENT_LIST_DIR}/heatmap.cpp
  ${CMAKE_CURRENT_LIST_DIR}/map_markers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ticks.cpp)
# fontconfig (a dependency of cairo; headers in libfontconfig-dev, which libcairo2-dev pulls in)
# only for FcFini in release_render_caches().
pkg_check_modules(FONTCONFIG REQUIRED IMPORTED_TARGET fontconfig)
target_link_libraries(mdasim_engine PRIVATE PkgConfig::CAIRO PkgConfig::FONTCONFIG)

# Sources of engine/metrics (statistics over replications, SAR measures), added to mdasim_engine.
target_sources(mdasim_engine PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/statistics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_metrics.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_run_totals.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_sort.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_tally.cpp
  ${CMAKE_CURRENT_LIST_DIR}/comparison.cpp
  ${CMAKE_CURRENT_LIST_DIR}/target_maps.cpp)

# Tests of engine/metrics, added to mdasim_tests.
target_sources(mdasim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/statistics_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_metrics_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/coverage_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/target_maps_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/comparison_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/erlang_c_test.cpp)

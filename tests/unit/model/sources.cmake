# Tests of engine/model, added to mdasim_tests.
target_sources(mdasim_tests PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/detection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/placement_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/search_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sar_replication_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/response_field_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fixed_sensors_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/targets_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/target_detection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patrol_route_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/mobile_detection_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/patrol_world_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/isr_replication_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/occurrence_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reach_check_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/foreign_coasts_test.cpp
  ${CMAKE_CURRENT_LIST_DIR}/sensor_summary_test.cpp)

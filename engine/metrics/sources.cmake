# Sources of engine/metrics (statistics over replications), added to mdasim_engine.
target_sources(mdasim_engine PRIVATE ${CMAKE_CURRENT_LIST_DIR}/statistics.cpp)

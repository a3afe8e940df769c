// Paths to the test data shipped in the source tree.
#pragma once

#include <string>

namespace mdasim::test {

inline std::string source_path(const std::string& relative) {
  return std::string(MDASIM_SOURCE_DIR) + "/" + relative;
}

inline std::string data_path(const std::string& relative) {
  return source_path("tests/data/" + relative);
}

}  // namespace mdasim::test

// Where a value came from in an input file: kept with every parsed value so that checks made
// after parsing can still report `file:line:col`. Lines and columns are 1-based; 0 means unknown.
#pragma once

#include <memory>
#include <string>

namespace mdasim {

struct SourceLocation {
  std::shared_ptr<const std::string> file;  // shared: thousands of values point at one name
  int line = 0;
  int column = 0;

  // "file:line:col", or as much of it as is known.
  [[nodiscard]] std::string str() const;
};

}  // namespace mdasim

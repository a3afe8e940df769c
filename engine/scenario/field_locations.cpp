// FieldLocations: the source location of each field of an entity.
#include "scenario/scenario.hpp"

namespace mdasim {

void FieldLocations::set(std::string_view key, SourceLocation where) {
  for (auto& [k, w] : items_) {
    if (k == key) {
      w = std::move(where);
      return;
    }
  }
  items_.emplace_back(std::string(key), std::move(where));
}

const SourceLocation& FieldLocations::of(std::string_view key, const SourceLocation& fallback) const {
  for (const auto& [k, w] : items_) {
    if (k == key) return w;
  }
  return fallback;
}

}  // namespace mdasim

// to_string for the scenario's enumerations, from the tables in names.hpp.
#include "scenario/names.hpp"

#include <span>

namespace mdasim {
namespace {
template <typename E>
std::string_view lookup(std::span<const EnumName<E>> table, E value) {
  for (const EnumName<E>& n : table) {
    if (n.value == value) return n.name;
  }
  return "?";
}
}  // namespace

std::string_view to_string(BaseKind kind) { return lookup<BaseKind>(names::kBaseKinds, kind); }
std::string_view to_string(AssetCategory c) { return lookup<AssetCategory>(names::kAssetCategories, c); }
std::string_view to_string(SensorKind kind) { return lookup<SensorKind>(names::kSensorKinds, kind); }
std::string_view to_string(DetectionModel m) { return lookup<DetectionModel>(names::kDetectionModels, m); }
std::string_view to_string(FixedSensorKind k) { return lookup<FixedSensorKind>(names::kFixedSensorKinds, k); }
std::string_view to_string(PatrolPattern p) { return lookup<PatrolPattern>(names::kPatrolPatterns, p); }
std::string_view to_string(Placement::Kind k) { return lookup<Placement::Kind>(names::kPlacementKinds, k); }
std::string_view to_string(TargetMotion m) { return lookup<TargetMotion>(names::kTargetMotions, m); }

std::string_view to_string(Distribution::Kind k) { return lookup<Distribution::Kind>(names::kDistributions, k); }

}  // namespace mdasim

// The words a scenario file uses for each enumerated choice (base kinds, categories, patterns,
// ...), shared by the reader, the summary and messages.
#pragma once

#include <array>
#include <string_view>

#include "scenario/scenario.hpp"
#include "scenario/yaml_reader.hpp"

namespace mdasim::names {

inline constexpr std::array kBaseKinds{
    EnumName<BaseKind>{BaseKind::kAirfield, "airfield"},
    EnumName<BaseKind>{BaseKind::kPort, "port"},
    EnumName<BaseKind>{BaseKind::kRadarSite, "radar-site"},
    EnumName<BaseKind>{BaseKind::kCoordinationCentre, "coordination-centre"},
};

inline constexpr std::array kAssetCategories{
    EnumName<AssetCategory>{AssetCategory::kAircraft, "aircraft"},
    EnumName<AssetCategory>{AssetCategory::kHelicopter, "helicopter"},
    EnumName<AssetCategory>{AssetCategory::kUav, "uav"},
    EnumName<AssetCategory>{AssetCategory::kVessel, "vessel"},
};

inline constexpr std::array kSensorKinds{
    EnumName<SensorKind>{SensorKind::kRadar, "radar"},
    EnumName<SensorKind>{SensorKind::kEoIr, "eo-ir"},
    EnumName<SensorKind>{SensorKind::kVisual, "visual"},
    EnumName<SensorKind>{SensorKind::kAis, "ais"},
};

inline constexpr std::array kDetectionModels{
    EnumName<DetectionModel>{DetectionModel::kDefiniteRange, "definite-range"},
    EnumName<DetectionModel>{DetectionModel::kInverseCube, "inverse-cube"},
};

inline constexpr std::array kFixedSensorKinds{
    EnumName<FixedSensorKind>{FixedSensorKind::kCoastalRadar, "coastal-radar"},
    EnumName<FixedSensorKind>{FixedSensorKind::kAisReceiver, "ais-receiver"},
};

inline constexpr std::array kPatrolPatterns{
    EnumName<PatrolPattern>{PatrolPattern::kParallelSweep, "parallel-sweep"},
    EnumName<PatrolPattern>{PatrolPattern::kBarrier, "barrier"},
    EnumName<PatrolPattern>{PatrolPattern::kRacetrack, "racetrack"},
    EnumName<PatrolPattern>{PatrolPattern::kStation, "station"},
};

inline constexpr std::array kPlacementKinds{
    EnumName<Placement::Kind>{Placement::Kind::kLanes, "lanes"},
    EnumName<Placement::Kind>{Placement::Kind::kAreas, "areas"},
    EnumName<Placement::Kind>{Placement::Kind::kUniform, "uniform"},
};

inline constexpr std::array kTargetMotions{
    EnumName<TargetMotion>{TargetMotion::kTransit, "transit"},
    EnumName<TargetMotion>{TargetMotion::kLoiter, "loiter"},
};

inline constexpr std::array kCrossBorderDefaults{
    EnumName<bool>{true, "allow"},
    EnumName<bool>{false, "deny"},
};

inline constexpr std::array kDistributions{
    EnumName<Distribution::Kind>{Distribution::Kind::kFixed, "fixed"},
    EnumName<Distribution::Kind>{Distribution::Kind::kExponential, "exponential"},
    EnumName<Distribution::Kind>{Distribution::Kind::kUniform, "uniform"},
    EnumName<Distribution::Kind>{Distribution::Kind::kNormal, "normal"},
    EnumName<Distribution::Kind>{Distribution::Kind::kLognormal, "lognormal"},
    EnumName<Distribution::Kind>{Distribution::Kind::kWeibull, "weibull"},
};

}  // namespace mdasim::names

// Physical quantities written with units in input files (`36h`, `40nm`, `250kt`, `60m`,
// `300/yr`), converted once at load into the engine's units:
//   duration  -> hours            distance -> nautical miles (1 nm = 1852 m exactly)
//   height    -> metres           speed    -> knots (nm per hour)
//   rate      -> events per hour  angle    -> degrees
//   money     -> million US dollars
// A bare number where a unit is required is an error.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mdasim {

enum class Dimension { kDuration, kDistance, kHeight, kSpeed, kRate, kAngle, kMoney };

inline constexpr double kMetresPerNauticalMile = 1852.0;
inline constexpr double kMetresPerFoot = 0.3048;
inline constexpr double kHoursPerYear = 365.0 * 24.0;  // a scenario year is 365 days

// What a dimension is called in messages ("a duration") and an example ("36h, 2d or 90min").
[[nodiscard]] std::string_view dimension_name(Dimension dimension);
[[nodiscard]] std::string_view dimension_examples(Dimension dimension);
// The engine unit a dimension converts to ("h", "nm", ...).
[[nodiscard]] std::string_view engine_unit(Dimension dimension);

struct QuantityResult {
  std::optional<double> value;  // in engine units; empty on error
  std::string error;            // what was wrong and what was expected
};

// Parses "<number>[ ]<unit>". Never throws.
[[nodiscard]] QuantityResult parse_quantity(std::string_view text, Dimension dimension);

// Parses a plain decimal number (no unit, no trailing text, finite). Never throws.
[[nodiscard]] std::optional<double> parse_number(std::string_view text);

// Parses a fraction written as a bare number ("0.85") or a percentage ("85%"); the range is
// checked by the caller. Never throws.
[[nodiscard]] std::optional<double> parse_fraction(std::string_view text);

}  // namespace mdasim

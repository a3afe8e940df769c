// Unit parsing and conversion into the engine's units.
#include "core/units.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <system_error>

namespace mdasim {
namespace {

struct UnitFactor {
  std::string_view unit;
  double factor;  // engine units per one of this unit
};

constexpr std::array kDurationUnits{
    UnitFactor{"s", 1.0 / 3600.0}, UnitFactor{"sec", 1.0 / 3600.0},
    UnitFactor{"min", 1.0 / 60.0},  UnitFactor{"h", 1.0},
    UnitFactor{"hr", 1.0},          UnitFactor{"hour", 1.0},
    UnitFactor{"hours", 1.0},       UnitFactor{"d", 24.0},
    UnitFactor{"day", 24.0},        UnitFactor{"days", 24.0},
    UnitFactor{"wk", 168.0},        UnitFactor{"week", 168.0},
    UnitFactor{"weeks", 168.0},     UnitFactor{"yr", kHoursPerYear},
    UnitFactor{"year", kHoursPerYear}, UnitFactor{"years", kHoursPerYear},
};

constexpr std::array kDistanceUnits{
    UnitFactor{"nm", 1.0},
    UnitFactor{"NM", 1.0},
    UnitFactor{"nmi", 1.0},
    UnitFactor{"km", 1000.0 / kMetresPerNauticalMile},
    UnitFactor{"m", 1.0 / kMetresPerNauticalMile},
    UnitFactor{"ft", kMetresPerFoot / kMetresPerNauticalMile},
};

constexpr std::array kHeightUnits{
    UnitFactor{"m", 1.0},
    UnitFactor{"ft", kMetresPerFoot},
    UnitFactor{"km", 1000.0},
};

constexpr std::array kSpeedUnits{
    UnitFactor{"kt", 1.0},
    UnitFactor{"kts", 1.0},
    UnitFactor{"kn", 1.0},
    UnitFactor{"km/h", 1000.0 / kMetresPerNauticalMile},
    UnitFactor{"kph", 1000.0 / kMetresPerNauticalMile},
    UnitFactor{"m/s", 3600.0 / kMetresPerNauticalMile},
};

constexpr std::array kAngleUnits{
    UnitFactor{"deg", 1.0},
    UnitFactor{"arcmin", 1.0 / 60.0},
};

constexpr std::array kMoneyUnits{
    UnitFactor{"USD", 1e-6},
    UnitFactor{"kUSD", 1e-3},
    UnitFactor{"MUSD", 1.0},
    UnitFactor{"bUSD", 1e3},
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

template <std::size_t N>
std::optional<double> find_factor(const std::array<UnitFactor, N>& table, std::string_view unit) {
  for (const UnitFactor& u : table) {
    if (u.unit == unit) return u.factor;
  }
  return std::nullopt;
}

// A rate is "<n>/<time unit>" or "<n> per <time unit>"; returns events per hour per event/unit.
std::optional<double> rate_factor(std::string_view unit) {
  std::string_view per;
  if (unit.starts_with('/')) {
    per = trim(unit.substr(1));
  } else if (unit.starts_with("per ")) {
    per = trim(unit.substr(4));
  } else {
    return std::nullopt;
  }
  const std::optional<double> hours = find_factor(kDurationUnits, per);
  if (!hours) return std::nullopt;
  return 1.0 / *hours;
}

// Engine units per one `unit` of `dimension`, if the unit is one of that dimension.
std::optional<double> factor_for(std::string_view unit, Dimension dimension) {
  switch (dimension) {
    case Dimension::kDuration: return find_factor(kDurationUnits, unit);
    case Dimension::kDistance: return find_factor(kDistanceUnits, unit);
    case Dimension::kHeight: return find_factor(kHeightUnits, unit);
    case Dimension::kSpeed: return find_factor(kSpeedUnits, unit);
    case Dimension::kRate: return rate_factor(unit);
    case Dimension::kAngle: return find_factor(kAngleUnits, unit);
    case Dimension::kMoney: return find_factor(kMoneyUnits, unit);
  }
  return std::nullopt;
}

std::string_view unit_list(Dimension dimension) {
  switch (dimension) {
    case Dimension::kDuration: return "s, min, h, d, wk, yr";
    case Dimension::kDistance: return "nm, km, m, ft";
    case Dimension::kHeight: return "m, ft, km";
    case Dimension::kSpeed: return "kt, kn, km/h, m/s";
    case Dimension::kRate: return "/h, /d, /wk, /yr";
    case Dimension::kAngle: return "deg, arcmin";
    case Dimension::kMoney: return "USD, kUSD, MUSD, bUSD";
  }
  return "";
}

// Splits "12.5 nm" into the number's text and the unit's text.
std::pair<std::string_view, std::string_view> split_number(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  bool digits = false;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) {
    digits = true;
    ++i;
  }
  // An exponent only if followed by a digit ("1e3"), so that units starting with 'e' survive.
  if (digits && i + 1 < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < text.size() && (text[j] == '+' || text[j] == '-')) ++j;
    if (j < text.size() && text[j] >= '0' && text[j] <= '9') {
      i = j;
      while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    }
  }
  if (!digits) return {std::string_view{}, text};
  return {text.substr(0, i), trim(text.substr(i))};
}

}  // namespace

std::string_view dimension_name(Dimension dimension) {
  switch (dimension) {
    case Dimension::kDuration: return "a duration";
    case Dimension::kDistance: return "a distance";
    case Dimension::kHeight: return "a height";
    case Dimension::kSpeed: return "a speed";
    case Dimension::kRate: return "a rate";
    case Dimension::kAngle: return "an angle";
    case Dimension::kMoney: return "an amount of money";
  }
  return "a quantity";
}

std::string_view dimension_examples(Dimension dimension) {
  switch (dimension) {
    case Dimension::kDuration: return "36h, 2d or 90min";
    case Dimension::kDistance: return "40nm or 74km";
    case Dimension::kHeight: return "60m or 200ft";
    case Dimension::kSpeed: return "250kt or 460km/h";
    case Dimension::kRate: return "300/yr or 2/d";
    case Dimension::kAngle: return "0.1deg or 6arcmin";
    case Dimension::kMoney: return "12.5MUSD or 9000USD";
  }
  return "";
}

std::string_view engine_unit(Dimension dimension) {
  switch (dimension) {
    case Dimension::kDuration: return "h";
    case Dimension::kDistance: return "nm";
    case Dimension::kHeight: return "m";
    case Dimension::kSpeed: return "kt";
    case Dimension::kRate: return "/h";
    case Dimension::kAngle: return "deg";
    case Dimension::kMoney: return "MUSD";
  }
  return "";
}

std::optional<double> parse_number(std::string_view text) {
  text = trim(text);
  if (text.starts_with('+')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc{} || ptr != end || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::optional<double> parse_fraction(std::string_view text) {
  text = trim(text);
  if (text.ends_with('%')) {
    const std::optional<double> percent = parse_number(text.substr(0, text.size() - 1));
    if (!percent) return std::nullopt;
    return *percent / 100.0;
  }
  return parse_number(text);
}

QuantityResult parse_quantity(std::string_view text, Dimension dimension) {
  const std::string expected = std::string("expected ") + std::string(dimension_name(dimension)) +
                               " with a unit, such as " + std::string(dimension_examples(dimension));
  const std::string_view trimmed = trim(text);
  const auto [number_text, unit] = split_number(trimmed);
  if (number_text.empty()) {
    return {std::nullopt, "'" + std::string(trimmed) + "' is not a number with a unit: " + expected};
  }
  const std::optional<double> number = parse_number(number_text);
  if (!number) {
    return {std::nullopt, "'" + std::string(trimmed) + "' is not a number with a unit: " + expected};
  }
  if (unit.empty()) {
    return {std::nullopt, "'" + std::string(trimmed) + "' has no unit: " + expected};
  }
  const std::optional<double> factor = factor_for(unit, dimension);
  if (!factor) {
    std::string message = "unknown unit '" + std::string(unit) + "' for " +
                          std::string(dimension_name(dimension)) + ": expected one of " +
                          std::string(unit_list(dimension));
    // Say so when the unit belongs to another kind of quantity ("40nm" given as a speed).
    for (Dimension other : {Dimension::kDuration, Dimension::kDistance, Dimension::kSpeed,
                            Dimension::kRate, Dimension::kAngle, Dimension::kMoney}) {
      if (other == dimension || (other == Dimension::kDistance && dimension == Dimension::kHeight)) continue;
      if (factor_for(unit, other)) {
        message += " ('" + std::string(unit) + "' is a unit of " +
                   std::string(dimension_name(other)).substr(std::string(dimension_name(other)).find(' ') + 1) + ")";
        break;
      }
    }
    return {std::nullopt, message};
  }
  const double value = *number * *factor;
  if (!std::isfinite(value)) {
    return {std::nullopt, "'" + std::string(trimmed) + "' is out of range"};
  }
  return {value, {}};
}

}  // namespace mdasim

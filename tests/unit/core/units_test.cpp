// Unit parsing: conversions checked against hand-computed values (1 nm = 1852 m exactly,
// 1 ft = 0.3048 m exactly, a year = 365 days), and every malformed form rejected.
#include "core/units.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

double parsed(std::string_view text, Dimension dim) {
  const QuantityResult r = parse_quantity(text, dim);
  EXPECT_TRUE(r.value.has_value()) << text << ": " << r.error;
  return r.value.value_or(-1.0);
}

std::string error_of(std::string_view text, Dimension dim) {
  const QuantityResult r = parse_quantity(text, dim);
  EXPECT_FALSE(r.value.has_value()) << text << " parsed as " << r.value.value_or(0.0);
  return r.error;
}

TEST(Units, DurationsConvertToHours) {
  EXPECT_DOUBLE_EQ(parsed("36h", Dimension::kDuration), 36.0);
  EXPECT_DOUBLE_EQ(parsed("2d", Dimension::kDuration), 48.0);
  EXPECT_DOUBLE_EQ(parsed("90min", Dimension::kDuration), 1.5);
  EXPECT_DOUBLE_EQ(parsed("1800s", Dimension::kDuration), 0.5);
  EXPECT_DOUBLE_EQ(parsed("1wk", Dimension::kDuration), 168.0);
  EXPECT_DOUBLE_EQ(parsed("1yr", Dimension::kDuration), 8760.0);
  EXPECT_DOUBLE_EQ(parsed("36 h", Dimension::kDuration), 36.0);
  EXPECT_DOUBLE_EQ(parsed("0.25d", Dimension::kDuration), 6.0);
}

TEST(Units, DistancesConvertToNauticalMiles) {
  EXPECT_DOUBLE_EQ(parsed("40nm", Dimension::kDistance), 40.0);
  EXPECT_DOUBLE_EQ(parsed("40 NM", Dimension::kDistance), 40.0);
  EXPECT_DOUBLE_EQ(parsed("1.852km", Dimension::kDistance), 1.0);
  EXPECT_NEAR(parsed("74km", Dimension::kDistance), 74000.0 / 1852.0, 1e-12);  // 39.9568 nm
  EXPECT_NEAR(parsed("6076.115ft", Dimension::kDistance), 1.0, 1e-6);         // 1852 / 0.3048
  EXPECT_DOUBLE_EQ(parsed("926m", Dimension::kDistance), 0.5);
}

TEST(Units, HeightsConvertToMetres) {
  EXPECT_DOUBLE_EQ(parsed("60m", Dimension::kHeight), 60.0);
  EXPECT_NEAR(parsed("200ft", Dimension::kHeight), 60.96, 1e-12);
  EXPECT_DOUBLE_EQ(parsed("1.5km", Dimension::kHeight), 1500.0);
  EXPECT_DOUBLE_EQ(parsed("1e3m", Dimension::kHeight), 1000.0);
}

TEST(Units, SpeedsConvertToKnots) {
  EXPECT_DOUBLE_EQ(parsed("250kt", Dimension::kSpeed), 250.0);
  EXPECT_DOUBLE_EQ(parsed("25kn", Dimension::kSpeed), 25.0);
  EXPECT_NEAR(parsed("460km/h", Dimension::kSpeed), 460000.0 / 1852.0, 1e-12);  // 248.38 kt
  EXPECT_NEAR(parsed("1m/s", Dimension::kSpeed), 3600.0 / 1852.0, 1e-12);       // 1.9438 kt
}

TEST(Units, RatesConvertToEventsPerHour) {
  EXPECT_DOUBLE_EQ(parsed("24/d", Dimension::kRate), 1.0);
  EXPECT_DOUBLE_EQ(parsed("8760/yr", Dimension::kRate), 1.0);
  EXPECT_NEAR(parsed("300/yr", Dimension::kRate), 300.0 / 8760.0, 1e-15);
  EXPECT_DOUBLE_EQ(parsed("168 per wk", Dimension::kRate), 1.0);
  EXPECT_DOUBLE_EQ(parsed("3/h", Dimension::kRate), 3.0);
}

TEST(Units, AnglesAndMoney) {
  EXPECT_DOUBLE_EQ(parsed("0.1deg", Dimension::kAngle), 0.1);
  EXPECT_NEAR(parsed("6arcmin", Dimension::kAngle), 0.1, 1e-15);
  EXPECT_DOUBLE_EQ(parsed("12.5MUSD", Dimension::kMoney), 12.5);
  EXPECT_NEAR(parsed("9000USD", Dimension::kMoney), 0.009, 1e-15);
  EXPECT_DOUBLE_EQ(parsed("2bUSD", Dimension::kMoney), 2000.0);
}

TEST(Units, BareNumberIsAnErrorWhereAUnitIsRequired) {
  EXPECT_NE(error_of("36", Dimension::kDuration).find("has no unit"), std::string::npos);
  EXPECT_NE(error_of("40", Dimension::kDistance).find("such as 40nm or 74km"), std::string::npos);
  EXPECT_NE(error_of("250", Dimension::kSpeed).find("has no unit"), std::string::npos);
}

TEST(Units, UnknownOrWrongDimensionUnitsAreErrors) {
  EXPECT_NE(error_of("36hrs", Dimension::kDuration).find("unknown unit 'hrs'"), std::string::npos);
  EXPECT_NE(error_of("40nm", Dimension::kSpeed).find("unknown unit 'nm' for a speed"), std::string::npos);
  EXPECT_NE(error_of("60kt", Dimension::kHeight).find("expected one of m, ft, km"), std::string::npos);
  EXPECT_NE(error_of("3/fortnight", Dimension::kRate).find("unknown unit"), std::string::npos);
  EXPECT_NE(error_of("3", Dimension::kRate).find("has no unit"), std::string::npos);
}

TEST(Units, MalformedNumbersAreErrors) {
  for (std::string_view bad : {"h", "", "abc", "12.5.3h", "nan h", "inf h", "1e999h", "--3h", ". h"}) {
    EXPECT_FALSE(parse_quantity(bad, Dimension::kDuration).value.has_value()) << bad;
  }
}

TEST(Units, NegativeValuesParseForRangeChecksLater) {
  EXPECT_DOUBLE_EQ(parsed("-3h", Dimension::kDuration), -3.0);
}

TEST(Units, FractionsAndPercentages) {
  EXPECT_DOUBLE_EQ(parse_fraction("0.85").value(), 0.85);
  EXPECT_DOUBLE_EQ(parse_fraction("85%").value(), 0.85);
  EXPECT_DOUBLE_EQ(parse_fraction("100 %").value(), 1.0);
  EXPECT_FALSE(parse_fraction("high").has_value());
  EXPECT_FALSE(parse_fraction("%").has_value());
}

TEST(Units, PlainNumbers) {
  EXPECT_DOUBLE_EQ(parse_number("120.91").value(), 120.91);
  EXPECT_DOUBLE_EQ(parse_number("-12").value(), -12.0);
  EXPECT_DOUBLE_EQ(parse_number("+3").value(), 3.0);
  EXPECT_FALSE(parse_number("12 nm").has_value());
  EXPECT_FALSE(parse_number("0x10").has_value());
}

}  // namespace
}  // namespace mdasim

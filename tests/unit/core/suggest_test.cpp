// Did-you-mean suggestions: edit distances checked by hand, and only near misses suggested.
#include "core/suggest.hpp"

#include <gtest/gtest.h>

namespace mdasim {
namespace {

TEST(Suggest, EditDistanceByHand) {
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);  // k->s, e->i, +g
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(edit_distance("abc", "abc"), 0u);
  EXPECT_EQ(edit_distance("Endurance", "endurance"), 0u);  // case-insensitive
  EXPECT_EQ(edit_distance("sped", "speed"), 1u);
}

TEST(Suggest, SuggestsNearMissesOnly) {
  const std::vector<std::string> keys{"cruise_speed", "search_speed", "endurance", "readiness"};
  EXPECT_EQ(closest_match("endurence", keys).value(), "endurance");
  EXPECT_EQ(closest_match("cruise_sped", keys).value(), "cruise_speed");
  EXPECT_FALSE(closest_match("colour", keys).has_value());
  EXPECT_EQ(did_you_mean("readyness", keys), " (did you mean 'readiness'?)");
  EXPECT_EQ(did_you_mean("zzz", keys), "");
}

}  // namespace
}  // namespace mdasim

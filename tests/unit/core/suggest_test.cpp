// Did-you-mean suggestions: edit distances checked by hand, only near misses and short forms
// suggested, and what is not suggested.
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

// Case and separators do not count in the whole name.
TEST(Suggest, CaseAndSeparatorsAreNotEdits) {
  const std::vector<std::string> bases{"Mactan AB", "Sangley Point"};
  EXPECT_EQ(suggestions("mactan-ab", bases), std::vector<std::string>{"Mactan AB"});
  EXPECT_EQ(suggestions("SANGLEY_POINT", bases), std::vector<std::string>{"Sangley Point"});
}

// A short form: the word matches as many whole consecutive words of a name as it has.
TEST(Suggest, ShortFormsOfNames) {
  const std::vector<std::string> bases{"Sangley Point", "Mactan AB", "Puerto Princesa airport", "Puerto Princesa port"};
  EXPECT_EQ(did_you_mean("Mactan", bases), " (did you mean 'Mactan AB'?)");
  // A typo in the short form: 'Mactn' is one edit from the word 'Mactan' (allowance 5 / 3 = 1).
  EXPECT_EQ(did_you_mean("Mactn", bases), " (did you mean 'Mactan AB'?)");
  // The short form may be any run of words; two names fit equally and both are offered.
  EXPECT_EQ(did_you_mean("Puerto Princesa", bases),
            " (did you mean 'Puerto Princesa airport' or 'Puerto Princesa port'?)");
  EXPECT_EQ(did_you_mean("Princesa airport", bases), " (did you mean 'Puerto Princesa airport'?)");
  // The other way: the name is part of what was written.
  EXPECT_EQ(did_you_mean("Mactan AB air base", bases), " (did you mean 'Mactan AB'?)");
}

TEST(Suggest, WhatIsNotSuggested) {
  const std::vector<std::string> bases{"Sangley Point", "Mactan AB", "Manila port", "Cebu port", "Davao port", "Iloilo port"};
  // Under 3 letters, a part of a name says too little.
  EXPECT_TRUE(suggestions("AB", bases).empty());
  // A word that matches no whole word of any name (part of a word is not enough).
  EXPECT_TRUE(suggestions("Mact", bases).empty());
  EXPECT_TRUE(suggestions("Zamboanga", bases).empty());
  // 'port' fits four names equally: more than kMaxSuggestions, so none is offered.
  EXPECT_TRUE(suggestions("port", bases).empty());
  // Two edits in a five-letter word is past the allowance of one.
  EXPECT_TRUE(suggestions("Mxctn", bases).empty());
}

// A near miss of the whole name wins over short forms, as before short forms were offered.
TEST(Suggest, WholeNameBeforeParts) {
  const std::vector<std::string> names{"Manila", "Manila port", "Manila RCC"};
  EXPECT_EQ(suggestions("Manilla", names), std::vector<std::string>{"Manila"});
  // Ties of the whole name are all offered, in the order given.
  EXPECT_EQ(did_you_mean("PX", {"PH", "MY", "PK"}), " (did you mean 'PH' or 'PK'?)");
  EXPECT_EQ(closest_match("PX", {"PH", "MY", "PK"}).value(), "PH");
}

}  // namespace
}  // namespace mdasim

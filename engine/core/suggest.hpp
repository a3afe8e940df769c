// "Did you mean" suggestions: the closest candidate to a misspelt word by edit distance.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdasim {

// Levenshtein distance, case-insensitive for ASCII letters.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word`, if it is near enough to be a likely typo: at most a third of
// the word's length in edits (at least one). Ties go to the earlier candidate.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when nothing is close.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace mdasim

// "Did you mean" suggestions for a misspelt or shortened word among the names it could mean.
//
// A candidate is near enough when it is within a third of the word's length in edits (at least
// one) of either
//   - the whole word: case, and runs of separators (space, '-', '_', '.', '/', ',', '(', ')'),
//     do not count, so 'mactan-ab' is 'Mactan AB' at distance 0; or
//   - part of it: a word of at least 3 letters matched against as many whole consecutive words
//     of the candidate as it has ('Mactan' in 'Mactan AB', 'Princesa airport' in 'Puerto
//     Princesa airport'), or a candidate of at least 3 letters against a run of the word's
//     words ('Mactan AB' in 'Mactan AB air base'); the allowance is then a third of the part.
// The candidates at the least distance are offered, a whole-name match before a part at the
// same distance, in their given order; at most kMaxSuggestions of them, and none when more tie
// (no help in a long list).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mdasim {

inline constexpr std::size_t kMaxSuggestions = 3;

// Levenshtein distance, case-insensitive for ASCII letters.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates `word` most likely means, by the rules above (empty when none is close).
[[nodiscard]] std::vector<std::string> suggestions(std::string_view word, const std::vector<std::string>& candidates);

// The first of suggestions(), if any.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       const std::vector<std::string>& candidates);

// " (did you mean 'x'?)", " (did you mean 'x' or 'y'?)", " (did you mean 'x', 'y' or 'z'?)",
// or "" when nothing is close.
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace mdasim

// Edit distance and did-you-mean suggestions, for whole names and for parts of names.
#include "core/suggest.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace mdasim {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool separator(char c) {
  return c == ' ' || c == '-' || c == '_' || c == '.' || c == '/' || c == ',' || c == '(' || c == ')';
}

// The words of a name, in lower case: separators split them and are not kept.
std::vector<std::string> words_of(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if (separator(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(lower(c));
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string joined(const std::vector<std::string>& words, std::size_t first, std::size_t count) {
  std::string out;
  for (std::size_t i = first; i < first + count; ++i) {
    if (i > first) out.push_back(' ');
    out += words[i];
  }
  return out;
}

// The edits a word of this many characters may be away from what it means.
std::size_t allowance(std::size_t length) { return std::max<std::size_t>(1, length / 3); }

// Least distance between `part` (all its words) and a run of as many consecutive words of
// `whole`, or none when `whole` has no more words than `part`.
std::optional<std::size_t> part_distance(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  if (whole.size() <= part.size()) return std::nullopt;
  const std::string text = joined(part, 0, part.size());
  std::size_t best = std::numeric_limits<std::size_t>::max();
  for (std::size_t first = 0; first + part.size() <= whole.size(); ++first) {
    best = std::min(best, edit_distance(text, joined(whole, first, part.size())));
  }
  return best;
}

constexpr std::size_t kLeastPartLength = 3;

// The candidates of least rank (none where unset), in their given order, unless more than
// kMaxSuggestions tie.
using Rank = std::pair<std::size_t, int>;  // distance, then 0 for the whole name before 1 for a part
std::vector<std::string> best_ranked(const std::vector<std::string>& candidates, const std::vector<std::optional<Rank>>& rank) {
  std::optional<Rank> least;
  for (const auto& r : rank) {
    if (r && (!least || *r < *least)) least = r;
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    if (!rank[i] || *rank[i] != *least) continue;
    if (std::find(out.begin(), out.end(), candidates[i]) != out.end()) continue;
    out.push_back(candidates[i]);
  }
  if (out.size() > kMaxSuggestions) out.clear();
  return out;
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> suggestions(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string> words = words_of(word);
  if (words.empty()) return {};
  const std::string text = joined(words, 0, words.size());
  std::vector<std::optional<Rank>> rank(candidates.size());
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::vector<std::string> cw = words_of(candidates[i]);
    const std::string candidate_text = joined(cw, 0, cw.size());
    auto consider = [&](std::optional<std::size_t> distance, std::size_t allowed, int kind) {
      if (distance && *distance <= allowed && (!rank[i] || Rank{*distance, kind} < *rank[i])) rank[i] = Rank{*distance, kind};
    };
    // The whole name.
    consider(edit_distance(text, candidate_text), allowance(text.size()), 0);
    // Part of the name, or the name part of the word.
    if (text.size() >= kLeastPartLength) consider(part_distance(words, cw), allowance(text.size()), 1);
    if (candidate_text.size() >= kLeastPartLength) consider(part_distance(cw, words), allowance(candidate_text.size()), 1);
  }
  return best_ranked(candidates, rank);
}

std::optional<std::string> closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  std::vector<std::string> found = suggestions(word, candidates);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  const std::vector<std::string> found = suggestions(word, candidates);
  if (found.empty()) return std::string();
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < found.size(); ++i) {
    if (i > 0) out += i + 1 == found.size() ? " or " : ", ";
    out += "'" + found[i] + "'";
  }
  return out + "?)";
}

}  // namespace mdasim

// Which way a measure improves: what a comparison's verdict reads a difference against.
#pragma once

#include <string_view>

namespace mdasim {

enum class Better { kLower, kHigher, kNeither };

// "lower", "higher", "neither": the word the results file and the JSON use.
[[nodiscard]] constexpr std::string_view better_name(Better better) {
  switch (better) {
    case Better::kLower: return "lower";
    case Better::kHigher: return "higher";
    default: return "neither";
  }
}

}  // namespace mdasim

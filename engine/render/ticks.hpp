// "Nice" tick values for colour bars and axes: steps of 1, 2 or 5 times a power of ten, after
// Paul Heckbert, "Nice numbers for graph labels", Graphics Gems (1990), with the ticks kept
// inside the given range (a colour bar spans exactly the data's range), and their labels
// written with just enough decimals for the step.
#pragma once

#include <string>
#include <vector>

namespace mdasim {

// The nice number near x > 0: with `round`, the nearest of 1, 2, 5, 10 times a power of ten;
// without, the smallest of them that is >= x. Returns 0 for x <= 0 or not finite.
[[nodiscard]] double nice_number(double x, bool round);

struct Ticks {
  double step = 0.0;
  int decimals = 0;            // decimals needed to write a multiple of `step`
  std::vector<double> values;  // increasing multiples of `step` within [low, high]
};

// About `target` (>= 2) ticks inside [low, high] (low < high, both finite), at least two: the
// step is nice_number((high - low) / (target - 1), round = true), made smaller (5, 2, 1) while
// fewer than two multiples fit. Values within a millionth of a step of an end count as inside.
// For low == high or a bad range, one tick at `low` (none if it is not finite).
[[nodiscard]] Ticks nice_ticks(double low, double high, int target);

// `value` with `decimals` decimals ("0.25", "40"); never "-0".
[[nodiscard]] std::string format_tick(double value, int decimals);

}  // namespace mdasim

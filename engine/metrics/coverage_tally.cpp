// A cell's coverage periods tallied, scalar or eight at a time with AVX2 (see coverage_tally.hpp).
#include "metrics/coverage_tally.hpp"

#include <algorithm>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define MDASIM_COVERAGE_AVX2 1
#include <immintrin.h>
#endif

namespace mdasim {

namespace {

void tally_scalar(CoverageTally& tally, const std::int32_t* starts, const std::int32_t* ends, std::size_t n) {
  CoverageTally t = tally;  // in registers
  for (std::size_t i = 0; i < n; ++i) t.take(starts[i], ends[i]);
  tally = t;
}

#ifdef MDASIM_COVERAGE_AVX2

// Horizontal sums and maximum of eight 32-bit lanes, and the sum of four 64-bit lanes.
[[gnu::target("avx2")]] std::int64_t sum_lanes(__m256i v) {
  __m128i x = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0x4E));
  x = _mm_add_epi32(x, _mm_shuffle_epi32(x, 0xB1));
  return _mm_cvtsi128_si32(x);
}
[[gnu::target("avx2")]] std::int64_t max_lanes(__m256i v) {
  __m128i x = _mm_max_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  x = _mm_max_epi32(x, _mm_shuffle_epi32(x, 0x4E));
  x = _mm_max_epi32(x, _mm_shuffle_epi32(x, 0xB1));
  return _mm_cvtsi128_si32(x);
}
[[gnu::target("avx2")]] std::int64_t sum_lanes_64(__m256i v) {
  const __m128i x = _mm_add_epi64(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
  return _mm_cvtsi128_si64(_mm_add_epi64(x, _mm_unpackhi_epi64(x, x)));
}

// Eight periods at a time, in 32-bit lanes (every time, gap and per-lane sum of gaps is within
// [-(2^31 - 1), 2^31 - 1]: a cell's gaps are disjoint parts of the window). The run's end before
// period i is the maximum of the ends before it (and the run's end on entry): a prefix maximum
// within the eight lanes, carried from one eight to the next. Then every lane is independent:
// gap = start - the run's end before it; a positive gap is counted, summed and compared. The
// sensor seconds are summed in 64-bit lanes.
struct EightLanes {
  __m256i run_end;    // the covered run's end so far, in every lane
  __m256i gap_count;  // per lane
  __m256i gap_sum;
  __m256i max_gap;
  __m256i sensor;     // 4 x 64 bits
};

[[gnu::target("avx2"), gnu::always_inline]] inline void take_eight(EightLanes& t, __m256i s, __m256i e) {
  const __m256i zero = _mm256_setzero_si256();
  // Prefix maximum of the ends: within each half (shifts bring in zeros, below every time), the
  // low half's last into the high half, then the run's end so far.
  __m256i p = _mm256_max_epi32(e, _mm256_slli_si256(e, 4));
  p = _mm256_max_epi32(p, _mm256_slli_si256(p, 8));
  const __m256i high_half = _mm256_setr_epi32(0, 0, 0, 0, -1, -1, -1, -1);
  p = _mm256_max_epi32(p, _mm256_and_si256(_mm256_permutevar8x32_epi32(p, _mm256_set1_epi32(3)), high_half));
  p = _mm256_max_epi32(p, t.run_end);
  // The run's end before each period: the prefix moved up one lane, the old run's end in lane 0.
  const __m256i up_one = _mm256_setr_epi32(7, 0, 1, 2, 3, 4, 5, 6);
  const __m256i before = _mm256_blend_epi32(_mm256_permutevar8x32_epi32(p, up_one), t.run_end, 1);
  t.run_end = _mm256_permutevar8x32_epi32(p, _mm256_set1_epi32(7));
  const __m256i gap = _mm256_sub_epi32(s, before);
  const __m256i new_run = _mm256_cmpgt_epi32(gap, zero);  // all ones where a gap is left
  t.gap_count = _mm256_sub_epi32(t.gap_count, new_run);
  t.gap_sum = _mm256_add_epi32(t.gap_sum, _mm256_and_si256(gap, new_run));
  t.max_gap = _mm256_max_epi32(t.max_gap, gap);
  // The lengths, not negative, in 64-bit lanes: the even ones masked, the odd ones shifted down.
  const __m256i length = _mm256_sub_epi32(e, s);
  t.sensor = _mm256_add_epi64(t.sensor, _mm256_add_epi64(_mm256_and_si256(length, _mm256_set1_epi64x(0xFFFFFFFF)),
                                                         _mm256_srli_epi64(length, 32)));
}

// The last (fewer than eight) are loaded with a mask: lanes past the end read as the period
// [0, 0), which leaves nothing (no gap, no length, no later end).
[[gnu::target("avx2")]] void tally_avx2(CoverageTally& tally, const std::int32_t* starts, const std::int32_t* ends,
                                        std::size_t n) {
  const __m256i zero = _mm256_setzero_si256();
  EightLanes t{_mm256_set1_epi32(static_cast<std::int32_t>(tally.run_end_s)), zero, zero, zero, zero};
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    take_eight(t, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(starts + i)),
               _mm256_loadu_si256(reinterpret_cast<const __m256i*>(ends + i)));
  }
  if (i < n) {
    const __m256i lanes = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    const __m256i in = _mm256_cmpgt_epi32(_mm256_set1_epi32(static_cast<std::int32_t>(n - i)), lanes);
    take_eight(t, _mm256_maskload_epi32(starts + i, in), _mm256_maskload_epi32(ends + i, in));
  }
  tally.gap_count += sum_lanes(t.gap_count);
  tally.gap_s += sum_lanes(t.gap_sum);
  tally.max_gap_s = std::max(tally.max_gap_s, max_lanes(t.max_gap));
  tally.sensor_s += sum_lanes_64(t.sensor);
  tally.run_end_s = _mm256_cvtsi256_si32(t.run_end);
}

bool has_avx2() {
  static const bool avx2 = __builtin_cpu_supports("avx2") != 0;
  return avx2;
}

#endif

}  // namespace

void tally_periods(CoverageTally& tally, std::span<const std::int32_t> starts, std::span<const std::int32_t> ends) {
#ifdef MDASIM_COVERAGE_AVX2
  if (!starts.empty() && has_avx2()) {
    tally_avx2(tally, starts.data(), ends.data(), starts.size());
    return;
  }
#endif
  tally_scalar(tally, starts.data(), ends.data(), starts.size());
}

}  // namespace mdasim

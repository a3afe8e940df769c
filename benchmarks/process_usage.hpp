// What the benchmark process has used so far, from getrusage: CPU time over all its threads
// (for cpu_per_wall, how many cores a timed loop actually got on a shared machine) and its peak
// resident set.
#pragma once

#include <sys/resource.h>

namespace mdasim::bench {

// CPU seconds used so far by the whole process (every thread, user and system).
inline double process_cpu_s() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + 1e-6 * static_cast<double>(t.tv_usec);
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

// The process's peak resident set so far (kB on Linux).
inline double peak_rss_kb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss);
}

}  // namespace mdasim::bench

// Runs independent replications on a pool of threads. A replication is a pure function of its
// index (its random streams are keyed by it), results are stored by index and returned in
// index order, so the output is the same, bit for bit, for any number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace mdasim {

// Called from the calling thread about every `interval` with (replications done, total).
using ProgressCallback = std::function<void(std::size_t done, std::size_t total)>;

// The number of threads to use when the user gives none: all cores.
[[nodiscard]] inline unsigned default_thread_count() { return std::max(1u, std::thread::hardware_concurrency()); }

template <typename Result, typename Replicate>
std::vector<Result> run_replications(std::size_t count, unsigned threads, Replicate&& replicate,
                                     const ProgressCallback& progress = {},
                                     std::chrono::milliseconds interval = std::chrono::milliseconds(200)) {
  std::vector<std::optional<Result>> slots(count);
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> done{0};
  std::atomic<bool> failed{false};
  std::exception_ptr error;
  std::mutex error_mutex;
  auto worker = [&] {
    for (;;) {
      const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
      if (i >= count || failed.load(std::memory_order_relaxed)) return;
      try {
        slots[i].emplace(replicate(i));
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (!error) error = std::current_exception();
        failed = true;
        return;
      }
      done.fetch_add(1, std::memory_order_release);
    }
  };
  const unsigned n = static_cast<unsigned>(std::clamp<std::size_t>(threads == 0 ? 1 : threads, 1, std::max<std::size_t>(count, 1)));
  {
    std::vector<std::jthread> pool;
    pool.reserve(n);
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
    if (progress) {
      auto last = std::chrono::steady_clock::now() - interval;
      while (done.load(std::memory_order_acquire) < count && !failed.load()) {
        if (std::chrono::steady_clock::now() - last >= interval) {
          progress(done.load(std::memory_order_acquire), count);
          last = std::chrono::steady_clock::now();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
      }
    }
  }  // joins
  if (error) std::rethrow_exception(error);
  if (progress) progress(count, count);
  std::vector<Result> out;
  out.reserve(count);
  for (auto& slot : slots) out.push_back(std::move(*slot));
  return out;
}

}  // namespace mdasim

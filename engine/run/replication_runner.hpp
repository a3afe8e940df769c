// Runs independent replications on a pool of threads. A replication is a pure function of its
// index (its random streams are keyed by it), and results are handed over in index order, so the
// output is the same, bit for bit, for any number of threads.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
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

// Runs replications 0..count-1 on `threads` threads and hands each result to `consume(i, result)`
// on the calling thread, in index order, as soon as it and those before it are done. At most
// `2 x threads + 2` results wait at a time (a thread that is that far ahead of the oldest
// unconsumed replication waits), so memory does not grow with the number of replications. The
// calling thread also calls `progress` about every `interval` with (replications done, total).
// An exception in a replication or in `consume` stops the others and is rethrown here once every
// thread has stopped.
template <typename Result, typename Replicate, typename Consume>
void run_replications_in_order(std::size_t count, unsigned threads, Replicate&& replicate, Consume&& consume,
                               const ProgressCallback& progress = {},
                               std::chrono::milliseconds interval = std::chrono::milliseconds(200)) {
  const unsigned n = static_cast<unsigned>(std::clamp<std::size_t>(threads == 0 ? 1 : threads, 1, std::max<std::size_t>(count, 1)));
  const std::size_t window = 2 * static_cast<std::size_t>(n) + 2;
  std::vector<std::optional<Result>> ring(window);  // result i waits in ring[i % window]
  std::mutex mutex;
  std::condition_variable produced;
  std::condition_variable consumed;
  std::size_t next = 0;        // the next replication a thread takes
  std::size_t taken_out = 0;   // results consumed so far
  std::atomic<std::size_t> done{0};
  bool failed = false;
  std::exception_ptr error;
  const auto fail = [&](std::exception_ptr e) {  // with the mutex held
    if (!error) error = std::move(e);
    failed = true;
    produced.notify_all();
    consumed.notify_all();
  };
  auto worker = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        consumed.wait(lock, [&] { return failed || next >= count || next < taken_out + window; });
        if (failed || next >= count) return;
        i = next++;
      }
      try {
        Result result = replicate(i);
        const std::lock_guard<std::mutex> lock(mutex);
        ring[i % window].emplace(std::move(result));
        done.fetch_add(1, std::memory_order_relaxed);
        produced.notify_all();
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        fail(std::current_exception());
        return;
      }
    }
  };
  {
    std::vector<std::jthread> pool;
    pool.reserve(n);
    for (unsigned t = 0; t < n; ++t) pool.emplace_back(worker);
    auto last = std::chrono::steady_clock::now() - interval;
    for (std::size_t i = 0; i < count; ++i) {
      std::optional<Result> result;
      {
        std::unique_lock<std::mutex> lock(mutex);
        while (!failed && !ring[i % window].has_value()) {
          produced.wait_for(lock, std::chrono::milliseconds(10));
          if (progress && std::chrono::steady_clock::now() - last >= interval) {
            lock.unlock();
            progress(done.load(std::memory_order_relaxed), count);
            last = std::chrono::steady_clock::now();
            lock.lock();
          }
        }
        if (failed) break;
        result = std::move(ring[i % window]);
        ring[i % window].reset();
        taken_out = i + 1;
        consumed.notify_all();
      }
      try {
        consume(i, std::move(*result));
      } catch (...) {
        const std::lock_guard<std::mutex> lock(mutex);
        fail(std::current_exception());
        break;
      }
    }
  }  // joins
  if (error) std::rethrow_exception(error);
  if (progress) progress(count, count);
}

// The results of replications 0..count-1 in index order (run_replications_in_order, collected).
template <typename Result, typename Replicate>
std::vector<Result> run_replications(std::size_t count, unsigned threads, Replicate&& replicate,
                                     const ProgressCallback& progress = {},
                                     std::chrono::milliseconds interval = std::chrono::milliseconds(200)) {
  std::vector<Result> out;
  out.reserve(count);
  run_replications_in_order<Result>(
      count, threads, std::forward<Replicate>(replicate),
      [&out](std::size_t, Result&& result) { out.push_back(std::move(result)); }, progress, interval);
  return out;
}

}  // namespace mdasim

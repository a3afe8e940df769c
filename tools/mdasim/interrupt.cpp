// The signal handler behind InterruptGuard: it sets one lock-free atomic flag and, on a second
// signal, removes the registered temporary files and ends the program. The flag and the table of
// temporary files are the program's only mutable globals, as the signal API requires a handler
// without arguments; the handler touches nothing else and calls only async-signal-safe functions
// (unlink, _exit).
#include "interrupt.hpp"

#include "commands.hpp"

#include <unistd.h>

#include <atomic>
#include <cstring>

namespace mdasim::cli {
namespace {

StopFlag interrupt_flag{false};
static_assert(StopFlag::is_always_lock_free, "a signal handler may only touch lock-free atomics");

constexpr std::size_t kSlots = 8;
constexpr std::size_t kPathBytes = 4096;

// Temporary files to remove on a second signal. A slot's path is written while its state is
// kWriting, then published by kActive (release); the handler reads only active slots.
enum SlotState : int { kFree, kWriting, kActive };
struct TempSlot {
  std::atomic<int> state{kFree};
  char path[kPathBytes] = {};
};
std::array<TempSlot, kSlots> temp_slots;
static_assert(std::atomic<int>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

void on_signal(int) {
  if (interrupt_flag.exchange(true)) {
    // A second signal: stop waiting for the loops, remove what would be left behind, and end.
    for (TempSlot& slot : temp_slots) {
      if (slot.state.load(std::memory_order_acquire) == kActive) ::unlink(slot.path);
    }
    ::_exit(kExitInterrupted);
  }
}

}  // namespace

InterruptGuard::InterruptGuard() {
  interrupt_flag.store(false);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  for (int s : kSignals) sigaddset(&action.sa_mask, s);  // one handler at a time
  action.sa_flags = SA_RESTART;
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    installed_[i] = sigaction(kSignals[i], &action, &previous_[i]) == 0;
    // A program started with the signal ignored (SIGINT in a background job of a
    // non-interactive shell, SIGHUP under nohup) keeps ignoring it.
    if (installed_[i] && previous_[i].sa_handler == SIG_IGN) {
      sigaction(kSignals[i], &previous_[i], nullptr);
      installed_[i] = false;
    }
  }
}

InterruptGuard::~InterruptGuard() {
  for (std::size_t i = 0; i < kSignals.size(); ++i) {
    if (installed_[i]) sigaction(kSignals[i], &previous_[i], nullptr);
  }
}

bool InterruptGuard::interrupted() const { return interrupt_flag.load(); }

void InterruptGuard::throw_if_interrupted() const {
  if (interrupted()) throw Interrupted();
}

const StopFlag* InterruptGuard::flag() const { return &interrupt_flag; }

TemporaryFileWatch::TemporaryFileWatch(const std::filesystem::path& temp) {
  const std::string& text = temp.native();
  if (text.size() >= kPathBytes) return;
  for (std::size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!temp_slots[i].state.compare_exchange_strong(expected, kWriting)) continue;
    std::memcpy(temp_slots[i].path, text.c_str(), text.size() + 1);
    temp_slots[i].state.store(kActive, std::memory_order_release);
    slot_ = static_cast<int>(i);
    return;
  }
}

TemporaryFileWatch::~TemporaryFileWatch() {
  if (slot_ >= 0) temp_slots[static_cast<std::size_t>(slot_)].state.store(kFree, std::memory_order_release);
}

}  // namespace mdasim::cli

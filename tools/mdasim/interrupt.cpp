// The SIGINT handler behind InterruptGuard: it sets one lock-free atomic flag (the only mutable
// global of the program, as the signal API requires a handler without arguments).
#include "interrupt.hpp"

#include <atomic>
#include <csignal>

namespace mdasim::cli {
namespace {

std::atomic<bool> interrupt_flag{false};
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");

void on_sigint(int) {
  if (interrupt_flag.exchange(true)) {
    // A second Ctrl-C: stop waiting for the loops and take the default action.
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
}

}  // namespace

InterruptGuard::InterruptGuard() {
  interrupt_flag.store(false);
  struct sigaction action {};
  action.sa_handler = on_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART;
  installed_ = sigaction(SIGINT, &action, &previous_) == 0;
  // A program started with SIGINT ignored (a background job of a non-interactive shell) keeps
  // ignoring it.
  if (installed_ && previous_.sa_handler == SIG_IGN) {
    sigaction(SIGINT, &previous_, nullptr);
    installed_ = false;
  }
}

InterruptGuard::~InterruptGuard() {
  if (installed_) sigaction(SIGINT, &previous_, nullptr);
}

bool InterruptGuard::interrupted() const { return interrupt_flag.load(); }

void InterruptGuard::throw_if_interrupted() const {
  if (interrupted()) throw Interrupted();
}

}  // namespace mdasim::cli

// Reads tried in a child process first (see child_probe.hpp).
#include "child_probe.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <thread>

namespace mdasim::cli {

std::optional<std::string> failure_in_child(const std::function<void()>& work, std::chrono::seconds limit) {
  std::cout.flush();  // nothing buffered is written twice
  std::cerr.flush();
  std::fflush(nullptr);
  const pid_t child = ::fork();
  if (child < 0) return std::nullopt;  // cannot probe: the reads are made in the program only
  if (child == 0) {
    // The child's messages (and a sanitizer's report of its crash) are the program's to give.
    const int quiet = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (quiet >= 0) {
      ::dup2(quiet, STDOUT_FILENO);
      ::dup2(quiet, STDERR_FILENO);
    }
    try {
      work();
    } catch (...) {  // the program will meet it again and report it
    }
    ::_exit(0);  // no exit handlers, no flushing of the parent's buffers
  }
  const auto deadline = std::chrono::steady_clock::now() + limit;
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(child, &status, WNOHANG);
    if (done == child) break;
    if (done < 0 && errno != EINTR) return std::nullopt;
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(child, SIGKILL);
      while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
      }
      return "the reading took more than " + std::to_string(limit.count()) + " s";
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFSIGNALED(status)) {
    const int signal_number = WTERMSIG(status);
    const char* name = sigabbrev_np(signal_number);
    return std::string("the reading crashed (SIG") + (name != nullptr ? name : std::to_string(signal_number)) + ")";
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    return "the reading ended with status " + std::to_string(WEXITSTATUS(status));
  }
  return std::nullopt;
}

}  // namespace mdasim::cli

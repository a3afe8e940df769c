// Erlang's C formula for the M/M/c queue (Poisson arrivals at rate lambda, c servers, exponential
// service at rate mu, first come first served), which the SAR dispatch rule reduces to for units
// always up at one base serving incidents at its door (docs/model-reference.md 4.2): the
// reference of the validation case tests/validation/cases/mm_c_queue.cpp and of the M/M/c
// benchmark against SimPy (benchmarks/peer_mdasim.cpp).
#pragma once

namespace mdasim {

// The probability that an arrival waits, for c servers and offered load A = lambda / mu < c
// (Erlang 1917; Gross and Harris, Fundamentals of Queueing Theory, section 2.3):
//   C(c, A) = [A^c/c! c/(c - A)] / [sum_{k<c} A^k/k! + A^c/c! c/(c - A)].
[[nodiscard]] inline double erlang_c_wait_probability(int servers, double offered_load) {
  double term = 1.0;  // A^k / k!
  double below = 0.0;
  for (int k = 0; k < servers; ++k) {
    below += term;
    term *= offered_load / (k + 1);
  }
  const double top = term * servers / (servers - offered_load);
  return top / (below + top);
}

// The mean wait in the queue (hours, for rates per hour): C(c, A) / (c mu - lambda).
[[nodiscard]] inline double erlang_c_mean_wait_h(int servers, double arrivals_per_h, double service_per_h) {
  return erlang_c_wait_probability(servers, arrivals_per_h / service_per_h) /
         (servers * service_per_h - arrivals_per_h);
}

}  // namespace mdasim

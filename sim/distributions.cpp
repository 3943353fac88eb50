#include "sim/distributions.hpp"

#include <cmath>
#include <numbers>

namespace vicsim::sim {

double normal(Rng& rng, double mean, double sd) {
  const double u1 = rng.uniform_open0();
  const double u2 = rng.uniform();
  return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double lognormal(Rng& rng, double log_mean, double log_sd) { return std::exp(normal(rng, log_mean, log_sd)); }

double exponential(Rng& rng, double rate) { return -std::log(rng.uniform_open0()) / rate; }

bool bernoulli(Rng& rng, double p) {
  if (p <= 0.0) return false;
  if (p >= 1.0) return true;
  return rng.uniform() < p;
}

std::uint32_t poisson(Rng& rng, double lambda) {
  if (lambda <= 0.0) return 0;
  if (lambda > 60.0) {
    const double x = std::round(normal(rng, lambda, std::sqrt(lambda)));
    return x < 0.0 ? 0u : static_cast<std::uint32_t>(x);
  }
  // Inversion by sequential search (Devroye 1986, §X.3).
  const double u = rng.uniform();
  double p = std::exp(-lambda), cdf = p;
  std::uint32_t k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= lambda / k;
    cdf += p;
  }
  return k;
}

double bounded_pareto(Rng& rng, double alpha, double lo, double hi) {
  // Inverse CDF of the Pareto truncated to [lo, hi].
  const double u = rng.uniform();
  const double la = std::pow(lo, alpha), ha = std::pow(hi, alpha);
  const double x = -(u * ha - u * la - ha) / (ha * la);
  return std::pow(x, -1.0 / alpha);
}

double gumbel(Rng& rng) { return -std::log(-std::log(rng.uniform_open0())); }

}  // namespace vicsim::sim

#pragma once
/** @file Distribution code of our own: std:: distributions differ between standard libraries,
 * which would break byte-identical outputs across machines. */
#include <cstdint>

#include "sim/rng.hpp"

namespace vicsim::sim {

/** @brief Standard normal by the Box–Muller transform (uses two uniforms, discards the pair). */
double normal(Rng& rng, double mean = 0.0, double sd = 1.0);
/** @brief Lognormal with the given log-mean and log-sd. */
double lognormal(Rng& rng, double log_mean, double log_sd);
/** @brief Exponential with the given rate (>0). */
double exponential(Rng& rng, double rate);
/** @brief Bernoulli(p); p outside [0,1] is clamped. */
bool bernoulli(Rng& rng, double p);
/** @brief Poisson(lambda): inversion for small lambda, rounded-normal approximation above 60. */
std::uint32_t poisson(Rng& rng, double lambda);
/** @brief Bounded Pareto on [lo, hi] with tail exponent alpha: Pr(S>s) ∝ s^-alpha (alpha=1 is Zipf). */
double bounded_pareto(Rng& rng, double alpha, double lo, double hi);
/** @brief Standard Gumbel variate, for Gumbel-max sampling from a logit. */
double gumbel(Rng& rng);

}  // namespace vicsim::sim

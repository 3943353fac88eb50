#pragma once
/** @file Random streams of the experiment layer: the model's counter-based generator (sim::Rng) on
 * stream numbers that the model does not use, so designs, seeds and bootstraps are reproducible. */
#include <cstdint>

#include "sim/rng.hpp"

namespace vicsim::experiments {

/** @brief Experiment-layer stream numbers, above every sim::Stream. */
enum class ExperimentStream : std::uint32_t {
  RunSeed = 0x100,
  LatinHypercube,
  Morris,
  Bootstrap,
  ShapleyPermutation,
};

/** @brief A generator keyed by (seed, stream, a, b). */
inline sim::Rng experiment_rng(std::uint64_t seed, ExperimentStream s, std::uint64_t a, std::uint64_t b) {
  return sim::Rng(seed, static_cast<sim::Stream>(s), a, b);
}

}  // namespace vicsim::experiments

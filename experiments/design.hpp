#pragma once
/** @file Design generators: points in the unit cube [0, 1]^k, one row per design point. Factor values
 * come from factor_values.hpp. Every generator is a pure function of its arguments and seed. */
#include <cstddef>
#include <cstdint>
#include <vector>

#include "experiments/experiment.hpp"

namespace vicsim::experiments {

/** @brief Design points in the unit cube: points[i][j] is factor j's coordinate at point i. */
using UnitPoints = std::vector<std::vector<double>>;

/** @brief Every combination of levels; factor j takes levels[j] evenly spaced values i/(levels[j]-1)
 * (0.5 for a single level). The last factor varies fastest. */
UnitPoints full_factorial(const std::vector<std::size_t>& levels);

/** @brief Latin hypercube (McKay et al. 1979): each factor's n strata are hit once, in an independent
 * random order, at a random position inside the stratum. */
UnitPoints latin_hypercube(std::size_t n, std::size_t k, std::uint64_t seed);

/**
 * @brief Morris (1991) elementary-effects trajectories: r trajectories of k+1 points on a p-level grid;
 * consecutive points differ in exactly one factor by Δ = p / (2(p-1)). Trajectory t is rows
 * t(k+1) .. t(k+1)+k. p must be even and >= 2.
 */
UnitPoints morris_trajectories(std::size_t r, std::size_t k, std::size_t p, std::uint64_t seed);

/**
 * @brief Saltelli (2010) sampling from a 2k-dimensional Sobol sequence (Boost.Random, Joe–Kuo
 * directions): A is its first k coordinates, B the last k. For each base sample j the block of k+2 rows
 * j(k+2) .. is A_j, B_j, then A_B^(i)_j (A_j with coordinate i taken from B_j) for i = 0..k-1.
 * @param skip Sobol points discarded first (the origin is never produced).
 */
UnitPoints saltelli_points(std::size_t n, std::size_t k, std::size_t skip);

/** @brief The design an experiment asks for, in the unit cube. */
UnitPoints generate_design(const Experiment& e);

}  // namespace vicsim::experiments

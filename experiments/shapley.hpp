#pragma once
/** @file Shapley values of k players (mechanism groups) from a value function over coalitions, exact or from
 * sampled permutations (docs/ODD.md 7.42). A coalition is a bit mask: bit g set = group g takes B's state. */
#include <cstdint>
#include <functional>
#include <vector>

namespace vicsim::experiments {

/** @brief A value function over coalitions (bit masks of k ≤ 31 players). */
using CoalitionValue = std::function<double(std::uint32_t)>;

/** @brief Exact Shapley values: φ_g = Σ_{S ∌ g} |S|!(k−|S|−1)!/k! · (v(S ∪ {g}) − v(S)). Needs all 2^k
 * coalitions; Σ_g φ_g = v(all) − v(∅) up to rounding. */
std::vector<double> exact_shapley(std::size_t k, const CoalitionValue& v);

/** @brief m orderings of k players drawn uniformly (Fisher–Yates on the experiment layer's counter-based
 * stream), reproducible from the seed. */
std::vector<std::vector<std::size_t>> sample_permutations(std::size_t k, std::size_t m, std::uint64_t seed);

/** @brief The coalitions a set of orderings visits (every prefix), sorted and unique. */
std::vector<std::uint32_t> permutation_coalitions(const std::vector<std::vector<std::size_t>>& perms);

/** @brief Shapley values estimated from orderings, with their Monte-Carlo standard errors (sd of the
 * marginal contributions over orderings / √m). Every ordering telescopes, so Σ_g φ_g = v(all) − v(∅). */
struct SampledShapley {
  std::vector<double> value;
  std::vector<double> mc_se;
};

/** @brief Permutation estimate (Castro, Gómez & Tejada 2009) over the given orderings. */
SampledShapley permutation_shapley(std::size_t k, const std::vector<std::vector<std::size_t>>& perms,
                                   const CoalitionValue& v);

/** @brief Main effects v({g}) − v(∅): what each group does alone, for the interaction row. */
std::vector<double> main_effects(std::size_t k, const CoalitionValue& v);

}  // namespace vicsim::experiments

#pragma once
/** @file Global sensitivity estimators: Morris elementary effects and Sobol indices (Saltelli 2010
 * first order, on outputs centred on their mean; Jansen 1999 total), with percentile-bootstrap confidence
 * intervals. Inputs are the design (design.hpp) and one output value per design point; NaN outputs are left
 * out. */
#include <cstddef>
#include <cstdint>
#include <vector>

#include "experiments/design.hpp"

namespace vicsim::experiments {

/** @brief A point estimate with a bootstrap confidence interval (NaN bounds without bootstrap). */
struct Estimate {
  double value = 0, low = 0, high = 0;
};

/** @brief Morris indices of one factor, in output units per unit-cube step (a factor's whole range). */
struct MorrisIndex {
  Estimate mu;              ///< mean elementary effect
  Estimate mu_star;         ///< mean absolute elementary effect (Campolongo et al. 2007)
  Estimate sigma;           ///< standard deviation of the elementary effects (n-1 denominator)
  std::size_t effects = 0;  ///< elementary effects used
};

/**
 * @brief Morris indices from r trajectories of k+1 points (design.hpp: morris_trajectories).
 * @param design the unit-cube points, trajectory after trajectory
 * @param y the output at each point (NaN: that step's effect is left out)
 * @param bootstrap resamples of the trajectories (0: no intervals)
 * @param confidence e.g. 0.95
 * @param seed bootstrap seed
 */
std::vector<MorrisIndex> morris_indices(const UnitPoints& design, const std::vector<double>& y, std::size_t k,
                                        std::size_t bootstrap, double confidence, std::uint64_t seed);

/** @brief Sobol indices of one factor. */
struct SobolIndex {
  Estimate first;  ///< S_i, first-order (Saltelli 2010, Table 2 (b))
  Estimate total;  ///< S_Ti, total (Jansen 1999; Saltelli 2010, Table 2 (f))
};

/** @brief Sobol indices and what they were estimated from. */
struct SobolResult {
  std::vector<SobolIndex> factors;
  double variance = 0;      ///< V(Y) over the A and B samples
  std::size_t samples = 0;  ///< base samples used (blocks without NaN)
};

/**
 * @brief Sobol indices from a Saltelli design (design.hpp: saltelli_points): y holds N blocks of k+2
 * outputs f(A_j), f(B_j), f(A_B^(1)_j) .. f(A_B^(k)_j). Blocks with a NaN are left out.
 * @param bootstrap resamples of the blocks (0: no intervals)
 */
SobolResult sobol_indices(const std::vector<double>& y, std::size_t k, std::size_t bootstrap,
                          double confidence, std::uint64_t seed);

/** @brief The q-quantile of xs (linear interpolation between order statistics, R type 7). */
double quantile_type7(std::vector<double> xs, double q);

}  // namespace vicsim::experiments

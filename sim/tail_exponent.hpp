#pragma once
/** @file Hill estimator of a power-law tail exponent, for firm sizes (Axtell 2001) and degrees. */
#include <vector>

namespace vicsim::sim {

/** @brief Hill (1975) estimate of alpha in Pr(X > x) ∝ x^-alpha from the largest `top_fraction`
 * of the positive values (at least 10 are used); NaN when there are too few values. */
double hill_tail_exponent(std::vector<double> values, double top_fraction = 0.1);

}  // namespace vicsim::sim

#pragma once
/** @file Turning a point of the unit cube into factor values: ranges scale linearly, levels are picked
 * by equal-width bins, distributions by their quantile function (Boost.Math). */
#include <cstddef>
#include <string>

#include "experiments/experiment.hpp"

namespace vicsim::experiments {

/** @brief One factor's value at one design point. */
struct FactorValue {
  double number = 0;     ///< the numeric value (for a non-numeric level: its index in `levels`)
  std::string set_text;  ///< the value as given to `--set path=VALUE` (JSON text)
  std::string csv_text;  ///< the value as written to results.csv (strings unquoted)
};

/** @brief Quantile levels used for unbounded distributions at the ends of the unit interval. */
inline constexpr double kTailQuantile = 0.001;

/** @brief The factor's value at unit coordinate u in [0, 1]. */
FactorValue factor_value(const FactorSpec& f, double u);

/** @brief The number of discrete levels a full factorial uses for this factor (0 if it has none). */
std::size_t factorial_levels(const FactorSpec& f);

}  // namespace vicsim::experiments

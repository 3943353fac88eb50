#pragma once
/** @file Paired comparison of two arms run with common random numbers: per KPI and tick, the arms'
 * means, the mean difference (B − A) with a 95% t confidence interval, Cohen's d_z and a p-value. */
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief One KPI at one tick. */
struct PairedRow {
  std::string kpi;
  double tick = 0;
  std::size_t n = 0;
  double mean_a = 0, mean_b = 0, diff = 0, ci_low = 0, ci_high = 0, sd_diff = 0, effect_size = 0, p_value = 1;
};

/** @brief Paired statistics of b[i] − a[i]. With n < 2 the interval, sd, effect size and p-value are NaN; a
 * zero-variance difference gives a zero-width interval and NaN (undefined) effect size and p-value. */
PairedRow paired_statistics(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace vicsim::reports

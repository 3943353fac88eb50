#pragma once
/** @file Plain-language sentences generated from the numbers of a comparison, e.g. "Compared with
 * traditional, platform raised the cross-regional tie share by 31 ± 4 points by year 10". */
#include <string>

namespace vicsim::reports {

/** @brief One KPI difference of a paired comparison at one tick (diff = mean_b − mean_a). */
struct KpiDifference {
  std::string kpi;
  double tick = 0, n = 0;
  double mean_a = 0, mean_b = 0, diff = 0, ci_low = 0, ci_high = 0, sd_diff = 0, effect_size = 0, p_value = 0;
};

/** @brief "by year 10" when the tick is a whole number of years (12 monthly ticks each), else "by month 30".
 */
std::string time_phrase(double tick);

/** @brief "31 ± 4": the estimate rounded to the decimal place of the first significant digit of the
 * half-width. */
std::string plus_minus(double estimate, double half_width);

/** @brief True if the 95% CI excludes zero. */
bool clear_difference(const KpiDifference& d);

/** @brief One sentence (plain text) describing the difference, with its CI and effect size. Shares are
 * given in percentage points, other KPIs in their unit and as a percentage of arm A. */
std::string describe_difference(const KpiDifference& d, const std::string& arm_a, const std::string& arm_b);

}  // namespace vicsim::reports

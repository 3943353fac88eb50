#include "reports/paired_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "reports/statistics.hpp"

namespace vicsim::reports {

PairedRow paired_statistics(const std::vector<double>& a, const std::vector<double>& b) {
  PairedRow r;
  r.n = std::min(a.size(), b.size());
  if (r.n == 0) return r;
  double sa = 0, sb = 0, sd = 0;
  for (std::size_t i = 0; i < r.n; ++i) {
    sa += a[i];
    sb += b[i];
    sd += b[i] - a[i];
  }
  const double n = static_cast<double>(r.n);
  r.mean_a = sa / n;
  r.mean_b = sb / n;
  r.diff = sd / n;
  double ss = 0;
  for (std::size_t i = 0; i < r.n; ++i) ss += (b[i] - a[i] - r.diff) * (b[i] - a[i] - r.diff);
  if (r.n < 2) {
    r.ci_low = r.ci_high = r.sd_diff = r.effect_size = r.p_value = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  r.sd_diff = std::sqrt(ss / (n - 1));
  const double se = r.sd_diff / std::sqrt(n);
  const double q = t_quantile(0.95, n - 1);
  r.ci_low = r.diff - q * se;
  r.ci_high = r.diff + q * se;
  if (se > 0) {
    r.effect_size = r.diff / r.sd_diff;
    r.p_value = t_two_sided_p(r.diff / se, n - 1);
  } else {
    // Identical differences in every pair: d_z and the t statistic divide by zero, so they are undefined
    // (written as NA), not ±inf and p = 0.
    r.effect_size = r.p_value = std::numeric_limits<double>::quiet_NaN();
  }
  return r;
}

}  // namespace vicsim::reports

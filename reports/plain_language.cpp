#include "reports/plain_language.hpp"

#include <cmath>

#include "reports/display_format.hpp"
#include "reports/kpi_catalog.hpp"

namespace vicsim::reports {

std::string time_phrase(double tick) {
  if (tick >= 12 && std::fmod(tick, 12.0) == 0) {
    const int years = static_cast<int>(tick / 12);
    return "by year " + std::to_string(years);
  }
  return "by month " + display_number(tick);
}

std::string plus_minus(double estimate, double half) {
  if (!std::isfinite(half) || half <= 0) return display_number(estimate);
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(half))));
  return display_fixed(estimate, decimals) + " ± " + display_fixed(half, decimals);
}

bool clear_difference(const KpiDifference& d) {
  return std::isfinite(d.ci_low) && std::isfinite(d.ci_high) && (d.ci_low > 0 || d.ci_high < 0);
}

std::string describe_difference(const KpiDifference& d, const std::string& arm_a, const std::string& arm_b) {
  const KpiInfo k = kpi_info(d.kpi);
  const bool share = k.kind == KpiKind::Share;
  const double scale = share ? 100.0 : 1.0;
  const double half = (d.ci_high - d.ci_low) / 2 * scale;
  const std::string when = time_phrase(d.tick);
  const std::string dz = std::isfinite(d.effect_size) ? "d_z = " + display_fixed(d.effect_size, 1) : "";
  auto level = [&](double v) { return share ? display_percent(v) : display_number(v); };
  const std::string lead = "Compared with " + arm_a + ", " + arm_b + " ";
  if (!clear_difference(d)) {
    return lead + "made no clear difference to the " + k.label + " " + when + " (" +
           (d.diff * scale >= 0 ? "+" : "") + plus_minus(d.diff * scale, half) + (share ? " points" : "") +
           "; the 95% CI includes zero).";
  }
  const std::string verb = d.diff > 0 ? "raised" : "lowered";
  std::string amount;
  if (share) {
    amount = plus_minus(std::fabs(d.diff) * 100, half) + " points";
  } else {
    // Large amounts read better with a shared suffix: "19.1 ± 0.1 M yuan per month".
    const double mag = std::fabs(d.diff);
    const double div = mag >= 1e9 ? 1e9 : mag >= 1e6 ? 1e6 : 1.0;
    const std::string suffix = div == 1e9 ? " bn" : div == 1e6 ? " M" : "";
    amount = plus_minus(mag / div, half / div) + suffix +
             (k.unit.empty() || k.kind == KpiKind::Index ? "" : " " + k.unit);
    if (d.mean_a != 0 && std::isfinite(d.mean_a))
      amount += " (" + display_fixed(std::fabs(d.diff / d.mean_a) * 100, 0) + "%)";
  }
  return lead + verb + " the " + k.label + " by " + amount + " " + when + ", from " + level(d.mean_a) +
         " to " + level(d.mean_b) + (dz.empty() ? "" : " (" + dz + ")") + ".";
}

}  // namespace vicsim::reports

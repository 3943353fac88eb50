#include "sim/resilience.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace vicsim::sim {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

ResilienceMeasures undefined() {
  ResilienceMeasures r;
  r.baseline = r.trough_change = r.loss_months = r.recovery_months = kNaN;
  return r;
}
}  // namespace

ResilienceMeasures resilience_against(const std::vector<double>& values, const std::vector<double>& baseline,
                                      std::int32_t start, std::int32_t duration, double tolerance) {
  const auto n = static_cast<std::int32_t>(std::min(values.size(), baseline.size()));
  if (start < 1 || start > n) return undefined();
  const auto x = [&](std::int32_t t) { return values[static_cast<std::size_t>(t - 1)]; };
  const auto b = [&](std::int32_t t) { return baseline[static_cast<std::size_t>(t - 1)]; };
  for (std::int32_t t = start; t <= n; ++t)
    if (!(b(t) > 0)) return undefined();
  ResilienceMeasures r;
  r.baseline = b(start);
  const auto gap = [&](std::int32_t t) { return (x(t) - b(t)) / b(t); };
  const std::int32_t trough_end = std::min(n, start + std::max(duration, 1) + 12);
  r.trough_tick = start;
  for (std::int32_t t = start; t <= trough_end; ++t)
    if (gap(t) < gap(r.trough_tick)) r.trough_tick = t;
  r.trough_change = gap(r.trough_tick);
  std::int32_t back = -1;
  if (r.trough_change >= -tolerance) {
    back = start;
  } else {
    for (std::int32_t t = r.trough_tick + 1; t <= n && back < 0; ++t)
      if (gap(t) >= -tolerance) back = t;
  }
  r.recovered = back >= 0;
  r.recovery_months = r.recovered ? static_cast<double>(back - start) : kNaN;
  const std::int32_t loss_end = r.recovered ? back : n + 1;
  for (std::int32_t t = start; t < loss_end; ++t) r.loss_months += std::max(0.0, -gap(t));
  return r;
}

ResilienceMeasures resilience_measures(const std::vector<double>& values, std::int32_t start,
                                       std::int32_t duration, std::int32_t window, double tolerance) {
  const auto n = static_cast<std::int32_t>(values.size());
  const std::int32_t first = std::max(1, start - window);
  if (start < 2 || start > n) return undefined();
  double sum = 0;
  for (std::int32_t t = first; t < start; ++t) sum += values[static_cast<std::size_t>(t - 1)];
  const std::vector<double> level(values.size(), sum / (start - first));
  return resilience_against(values, level, start, duration, tolerance);
}

}  // namespace vicsim::sim

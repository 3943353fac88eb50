#pragma once
/** @file Resilience of a KPI series to a shock (docs/ODD.md, "Shocks and resilience"): how deep it fell
 * against its pre-shock level, how much was lost, and how long it took to come back (Martin 2012's
 * resistance and recoverability, measured on one run). */
#include <cstdint>
#include <vector>

namespace vicsim::sim {

/** @brief Resilience measures against a baseline b_t; NaN where undefined (no baseline, or never
 * recovered). */
struct ResilienceMeasures {
  double baseline = 0;            ///< b_t at the shock's start
  double trough_change = 0;       ///< min over the trough window of (x_t − b_t) / b_t; ≤ 0 is a fall
  std::int32_t trough_tick = -1;  ///< tick of that lowest value
  double loss_months = 0;  ///< Σ max(0, b_t − x_t) / b_t from the shock start to recovery (or the end):
                           ///< the loss in months of baseline output
  double recovery_months = 0;  ///< months from the shock start to the first month after the trough with
                               ///< x_t ≥ (1 − tolerance)·b_t; 0 if it never fell below that; NaN if
                               ///< it never came back
  bool recovered = false;
};

/** @brief Measures `values` (value t−1 is tick t) against `baseline` (same indexing), for a shock starting
 * at tick `start` and lasting `duration` months; the trough is looked for until 12 months after its end.
 * With the same run's values without the shock as the baseline, the measures are causal. */
ResilienceMeasures resilience_against(const std::vector<double>& values, const std::vector<double>& baseline,
                                      std::int32_t start, std::int32_t duration, double tolerance = 0.01);

/** @brief resilience_against a constant baseline: the mean of the `window` months before `start`. */
ResilienceMeasures resilience_measures(const std::vector<double>& values, std::int32_t start,
                                       std::int32_t duration, std::int32_t window = 6,
                                       double tolerance = 0.01);

}  // namespace vicsim::sim

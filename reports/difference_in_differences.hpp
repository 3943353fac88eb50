#pragma once
/** @file Difference-in-differences on a unit × time panel (regions × ticks), collapsed to one before and
 * one after mean per unit (Bertrand, Duflo & Mullainathan 2004), with Welch's t-interval over units, so
 * units are the clusters and serial correlation within a unit cannot overstate precision. */
#include <cstddef>
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief One observation of the panel. */
struct PanelObservation {
  std::string unit;  ///< e.g. the region
  bool treated = false;
  double time = 0;  ///< e.g. the tick
  double value = 0;
};

/** @brief The estimate and its ingredients (NaN interval when a group has fewer than two units). */
struct DidEstimate {
  double estimate = 0, low = 0, high = 0, se = 0, df = 0;
  std::size_t treated_units = 0, control_units = 0;
  double treated_pre = 0, treated_post = 0, control_pre = 0, control_post = 0;  ///< group means of unit means
};

/** @brief Collapsed DiD with the treatment starting at `start` (pre: time < start; post: time >= start).
 * Units without observations on both sides, and NaN values, are left out. */
DidEstimate collapsed_did(const std::vector<PanelObservation>& panel, double start, double confidence = 0.95);

/** @brief Two-way fixed-effects DiD: y_ut = α_u + λ_t + β·D_ut + ε_ut with D_ut = 1 for a treated unit from
 * `start` on. The fixed effects are swept out by alternating demeaning (Gaure 2013), so unbalanced panels
 * (e.g. firms entering and leaving) work too; on a balanced panel β equals the collapsed estimate.
 * Standard error: cluster-robust by unit (CR1, factor G/(G−1), t with G−1 df; Cameron & Miller 2015) when
 * both groups have at least 2 clusters. With one treated cluster the cluster-robust SE is known to be far
 * too small (MacKinnon & Webb 2017), so the pooled-variance interval over units' before/after changes is
 * used instead (`cluster_robust` false). NaN bounds when neither exists. */
struct TwfeEstimate {
  double estimate = 0, se = 0, low = 0, high = 0, df = 0;
  std::size_t observations = 0, clusters = 0, treated_clusters = 0;
  bool cluster_robust = false;  ///< which standard error was used (see above)
};

/** @brief The TWFE DiD of the panel, clustered by `unit`. */
TwfeEstimate twfe_did(const std::vector<PanelObservation>& panel, double start, double confidence = 0.95);

/** @brief One coefficient of an event study (leads and lags): the treated − control gap in the change of
 * each unit's mean over the `width`-month bin starting `time` months after the start (negative: before)
 * from its mean over the bin just before the start (the reference, 0 by construction). */
struct EventStudyPoint {
  double time = 0, estimate = 0, low = 0, high = 0;
};

/** @brief The event-study path: bins of `width` months relative to `start` (bin k covers
 * [start + k·width, start + (k+1)·width)), reference bin −1. With one time-of-treatment and a balanced panel
 * these are the TWFE coefficients of lead/lag dummies; intervals are pooled-variance intervals over units
 * (statistics.hpp), which exist with a single treated unit. */
std::vector<EventStudyPoint> event_study(const std::vector<PanelObservation>& panel, double start,
                                         double width, double confidence = 0.95);

/** @brief A bin width for event_study: 12 months if the panel has 24 months before the start, else 6, 3 or
 * 1, so there are at least two pre-start bins whenever possible. */
double event_study_width(double months_before_start);

}  // namespace vicsim::reports

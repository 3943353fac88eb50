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

/** @brief One point of an event-study path: at `time`, the treated − control gap in each unit's change
 * from its own pre-period mean, with Welch's interval over units. */
struct EventStudyPoint {
  double time = 0, estimate = 0, low = 0, high = 0;
};

/** @brief The event-study path over every time in the panel. */
std::vector<EventStudyPoint> event_study(const std::vector<PanelObservation>& panel, double start,
                                         double confidence = 0.95);

}  // namespace vicsim::reports

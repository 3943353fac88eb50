#pragma once
/** @file PRIM, the Patient Rule Induction Method (Friedman & Fisher 1999), for scenario discovery
 * (Bryant & Lempert 2010): boxes in factor space where a condition on the outputs holds. */
#include <cstddef>
#include <vector>

namespace vicsim::experiments {

/** @brief PRIM settings (see DiscoverySpec). */
struct PrimOptions {
  double peel_alpha = 0.05;   ///< share of the box's points removed per peel
  double paste_alpha = 0.05;  ///< share of the box's points added per paste (0: no pasting)
  double min_mass = 0.05;     ///< peeling stops before the box holds fewer than this share of points
  double threshold = 0.8;     ///< choose the largest trajectory box with at least this density
  std::size_t max_boxes = 3;  ///< boxes found by covering (each on the points outside earlier boxes)
};

/** @brief A box and how good it is. */
struct PrimBox {
  std::vector<double> low, high;  ///< per factor: the box is low <= x <= high
  std::vector<bool> restricted;   ///< per factor: the box cuts the factor's data range
  double coverage = 0;            ///< share of all condition-true points inside the box
  double density = 0;      ///< share of the box's points (among those not in earlier boxes) that are true
  double mass = 0;         ///< share of all points inside the box (not in earlier boxes)
  std::size_t points = 0;  ///< points inside (not in earlier boxes)
  std::size_t true_points = 0;  ///< condition-true points among them
};

/** @brief The peeling trajectory of one box search, and the box chosen from it (after pasting). */
struct PrimSearch {
  std::vector<PrimBox> trajectory;
  std::size_t chosen = 0;  ///< index into trajectory of the box before pasting
  PrimBox box;             ///< the chosen box after pasting
};

/** @brief PRIM's result: boxes in the order found. */
struct PrimResult {
  std::size_t points = 0, true_points = 0;
  std::vector<PrimSearch> boxes;
};

/**
 * @brief Runs PRIM with covering.
 * @param x points × factors (numeric; non-numeric levels as their index)
 * @param y whether the condition holds at each point
 */
PrimResult prim(const std::vector<std::vector<double>>& x, const std::vector<bool>& y, const PrimOptions& o);

}  // namespace vicsim::experiments

#pragma once
/** @file Synthetic control (Abadie, Diamond & Hainmueller 2010): the treated units' mean path is matched,
 * before the start, by a convex combination of untreated (donor) units' paths; after the start the gap
 * between the two is the estimate. Weights solve min ‖y − Xw‖² s.t. w ≥ 0, Σw = 1 (the outcome-only
 * variant, Doudchenko & Imbens 2016) by accelerated projected gradient (FISTA, Beck & Teboulle 2009) with
 * the Euclidean projection onto the simplex (Duchi et al. 2008). Inference is by placebos in space: each
 * donor in turn is treated as if it had been treated (Abadie et al. 2010, §4). */
#include <cstddef>
#include <string>
#include <vector>

#include "reports/difference_in_differences.hpp"

namespace vicsim::reports {

/** @brief Weights w (w ≥ 0, Σw = 1) minimising ‖y − Σ_j w_j x_j‖², for donor columns x_j of the length of
 * y. Empty donors give an empty vector. Deterministic: a fixed iteration budget from uniform weights. */
std::vector<double> simplex_least_squares(const std::vector<std::vector<double>>& donors,
                                          const std::vector<double>& y);

/** @brief The estimate for one outcome. */
struct SyntheticControl {
  std::vector<std::string> donors;         ///< untreated units, sorted
  std::vector<double> weights;             ///< one per donor, ≥ 0, summing to 1
  std::vector<double> times;               ///< every time of the panel
  std::vector<double> treated, synthetic;  ///< treated units' mean and its synthetic counterpart per time
  double effect = 0;                       ///< mean of treated − synthetic over times ≥ start
  double pre_rmspe = 0;                    ///< root mean squared gap before the start (fit quality)
  double ratio = 0;                        ///< post-start RMSPE / pre-start RMSPE of the treated
  double placebo_p = 0;      ///< share of units (treated + placebos) with a ratio at least as large
  std::size_t placebos = 0;  ///< donors used as placebos
  bool valid = false;        ///< false if the panel is not balanced or has fewer than 2 donors
};

/** @brief Synthetic control on a balanced panel (each unit observed at the same times). */
SyntheticControl synthetic_control(const std::vector<PanelObservation>& panel, double start);

}  // namespace vicsim::reports

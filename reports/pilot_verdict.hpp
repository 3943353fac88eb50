#pragma once
/** @file The plain-language verdict of a pilot evaluation: what the pilot did (its effect against the
 * simulated counterfactual), what it cost per unit of that effect, and whether a field evaluation (which
 * sees only the observational panel) would have found it. */
#include <cstddef>
#include <string>
#include <vector>

#include "reports/kpi_catalog.hpp"

namespace vicsim::reports {

/** @brief How a field estimate compares with the true effect. */
enum class FieldFinding {
  Found,        ///< the truth is a clear effect; the estimate is clear, has its sign and a plausible size
  WrongSize,    ///< clear and of the right sign, but the truth lies outside the estimate's range
  Missed,       ///< the truth is a clear effect; the estimate cannot tell it from zero
  WrongSign,    ///< the estimate is clear but has the opposite sign
  Spurious,     ///< the truth is no clear effect; the estimate claims one
  CorrectNull,  ///< neither is clear
  Unavailable   ///< the estimator could not be computed
};

/** @brief Classifies a field estimate. `truth_clear`: the true effect's CI excludes zero (with a single
 * replication the point estimate's sign is taken as the truth, pass true if it is non-zero).
 * `field_clear`: the field estimator's CI excludes zero (or its placebo p-value is small).
 * `truth_in_range`: the truth lies inside the estimator's CI (for an estimator without one: within a
 * factor of 2 of the estimate). `available` false gives Unavailable. */
FieldFinding classify_field_estimate(double truth, bool truth_clear, double estimate, bool field_clear,
                                     bool truth_in_range, bool available = true);

/** @brief True if estimate/truth lies in [0.5, 2]: the size check for estimators without a CI. */
bool within_factor_two(double estimate, double truth);

/** @brief A short phrase: "would have found it", "would have missed it", ... */
std::string finding_phrase(FieldFinding f);

/** @brief True for KPIs whose regional values add up (counts, yuan per month): their effect is priced per
 * unit of the total over the pilot regions. */
bool additive(const KpiInfo& k);

/** @brief The effect a cost is divided by: the total over treated regions for counts and money (extra
 * workers in the pilot regions), the treated regions' mean in points for shares, else their mean. */
double cost_denominator(const KpiInfo& k, double treated_mean, double treated_total);

/** @brief Yuan per unit of the true effect, or NaN unless the effect is clear (CI excludes zero) and an
 * improvement by the KPI's direction, and spending is positive. */
double cost_per_unit(const KpiInfo& k, double extra_spend, double denominator, bool truth_clear);

/** @brief What the verdict needs of one outcome. */
struct VerdictOutcome {
  std::string outcome;
  double truth = 0;          ///< true effect on the treated regions (mean, KPI units)
  bool truth_clear = false;  ///< its 95% CI excludes zero
  double cost = 0;           ///< yuan per cost_unit, NaN if not shown
  FieldFinding did = FieldFinding::Unavailable;
  double did_estimate = 0;  ///< same units as truth
  FieldFinding synthetic = FieldFinding::Unavailable;
  double synthetic_estimate = 0;
};

/** @brief Sentences (plain text): what the pilot did, its cost per unit, whether the field estimators would
 * have found it. `replications` < 2 adds that the truth is one pair without an interval. */
std::vector<std::string> pilot_verdict(const std::string& pilot_name, double extra_spend,
                                       std::size_t replications, const std::vector<VerdictOutcome>& outcomes);

}  // namespace vicsim::reports

#pragma once
/** @file The pilot's effect against the simulation's own counterfactual: the same scenario and seed run
 * without the pilot (common random numbers), compared region by region, over replications (seed + r). An
 * evaluator with observational data has only the field estimators (difference-in-differences, synthetic
 * control); the model can show what those estimates should have found. */
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "reports/region_panel.hpp"
#include "reports/statistics.hpp"

namespace vicsim::reports {

/** @brief One outcome in one replication: mean over the months from the pilot's start of (with pilot −
 * without), averaged over the treated regions, summed over them, and averaged over the control regions
 * (spill-overs). */
struct PilotEffect {
  std::string outcome;
  double treated = 0, treated_total = 0, control = 0;
  std::size_t treated_regions = 0, control_regions = 0;
};

/** @brief Effects on every regions.csv outcome except inputs (infrastructure), plus the derived counts
 * `adopters` (adoption_share × firms) and `cloud_adopters`. `with` and `without` come from the same scenario
 * and seed, so their rows align (throws std::invalid_argument if they do not). */
std::vector<PilotEffect> pilot_effects(const std::vector<RegionPanelRow>& with,
                                       const std::vector<RegionPanelRow>& without, std::int32_t start);

/** @brief One with/without pair: its seed, the extra public spending of the run with the pilot (yuan, its
 * policy_spend_cumulative minus the twin's at the last month) and the effects. */
struct PilotReplication {
  std::uint64_t seed = 0;
  double extra_spend = 0;
  std::vector<PilotEffect> effects;
};

/** @brief pilot_effect.csv, one row per replication × outcome: scenario, seed, replication, outcome, start,
 * treated_effect, treated_total, control_effect, treated_regions, control_regions, extra_spend. */
void write_pilot_effect_csv(std::ostream& out, const std::string& scenario, std::int32_t start,
                            const std::vector<PilotReplication>& replications);

/** @brief One outcome over the replications: means with 95% t intervals (paired by seed, so this is the
 * paired t interval of with − without; NaN bounds with a single replication). */
struct PilotEffectSummary {
  std::string outcome;
  MeanInterval treated, treated_total, control, extra_spend;
  std::size_t replications = 0, treated_regions = 0, control_regions = 0;
};

/** @brief Summaries in the outcomes' first-seen order. */
std::vector<PilotEffectSummary> summarise_pilot_effects(const std::vector<PilotReplication>& replications);

}  // namespace vicsim::reports

#pragma once
/** @file The pilot's effect against the simulation's own counterfactual: the same scenario and seed run
 * without the pilot (common random numbers), compared region by region. An evaluator with observational
 * data has only the difference-in-differences; the model can show what that estimate should have found. */
#include <ostream>
#include <string>
#include <vector>

#include "reports/region_panel.hpp"

namespace vicsim::reports {

/** @brief One outcome: mean over the months from the pilot's start of (with pilot − without), averaged
 * over the treated regions, and over the control regions (spill-overs). */
struct PilotEffect {
  std::string outcome;
  double treated = 0, control = 0;
  std::size_t treated_regions = 0, control_regions = 0;
};

/** @brief Effects on every regions.csv outcome; `with` and `without` come from the same scenario and seed,
 * so their rows align (throws std::invalid_argument if they do not). */
std::vector<PilotEffect> pilot_effects(const std::vector<RegionPanelRow>& with,
                                       const std::vector<RegionPanelRow>& without, std::int32_t start);

/** @brief pilot_effect.csv: scenario, seed, outcome, start, treated_effect, control_effect, regions. */
void write_pilot_effect_csv(std::ostream& out, const RunLabel& label, std::int32_t start,
                            const std::vector<PilotEffect>& effects);

}  // namespace vicsim::reports

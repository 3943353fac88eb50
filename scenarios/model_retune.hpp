#pragma once
/** @file Applies a changed scenario to a running model (live parameter changes, e.g. classroom sliders). */
#include "agents/cluster_model.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief Copies `s`'s mechanism parameters and the regions' static data (infrastructure, costs,
 * barriers, endowments) into a running model built from a scenario with the same regions and industries.
 * Firms, ties and the clock are untouched; the change takes effect from the next tick. */
void retune_model(agents::ClusterModel& model, const Scenario& s);

}  // namespace vicsim::scenarios

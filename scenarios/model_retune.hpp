#pragma once
/** @file Applies a changed scenario to a running model (live parameter changes, e.g. classroom sliders). */
#include "agents/cluster_model.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief Applies to a running model only the settings in which `after` differs from `before` (the scenario
 * the model was last built or retuned with), from the next tick on. Tunable settings: mechanism parameters
 * (key by key), each region's infrastructure level, each platform's entry and transaction fee, each policy's
 * budget, subsidy shares and fee cap. Everything else keeps its evolved value: fees the platforms have
 * learned, infrastructure a policy has rolled out, firms, ties, members, spending and the clock. Both
 * scenarios must have the same regions, platforms and policies; throws std::invalid_argument otherwise. */
void retune_model(agents::ClusterModel& model, const Scenario& before, const Scenario& after);

}  // namespace vicsim::scenarios

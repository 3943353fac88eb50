#pragma once
/** @file Applies a changed scenario to a running model (live parameter changes, e.g. classroom sliders). */
#include "agents/cluster_model.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief Copies `s`'s tunable settings into a running model built from a scenario with the same regions,
 * industries, platforms and policies: mechanism parameters, each region's infrastructure level, each
 * platform's entry and transaction fees, and each policy's budget, subsidy shares and fee cap. Firms,
 * ties, platform and policy state (members, spending) and the clock are untouched; the change takes effect
 * from the next tick. Throws std::invalid_argument if the lists differ in length. */
void retune_model(agents::ClusterModel& model, const Scenario& s);

}  // namespace vicsim::scenarios

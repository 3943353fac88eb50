#pragma once
/** @file Turns a validated scenario into a world and a model (the spec/runtime split). */
#include <optional>

#include "agents/cluster_model.hpp"
#include "scenarios/diagnostics.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::scenarios {

/** @brief Regions and industries as the model's static data (names resolved to indices). */
sim::World build_world(const Scenario& s);

/** @brief Policies with names resolved to indices. */
std::vector<agents::Policy> build_policies(const Scenario& s);

/** @brief Shocks with names resolved to indices. */
std::vector<agents::Shock> build_shocks(const Scenario& s);

/** @brief Reports unknown names and choices in platforms, policies and shocks (with did-you-mean). */
void check_digital_specs(const Scenario& s, const std::string& file, Diagnostics& diag);

/** @brief The index of `stage` in `ind`: a stage name, or its 0-based index written as digits; nothing if
 * neither. */
std::optional<std::size_t> stage_index(const IndustrySpec& ind, const std::string& stage);

/** @brief The model's parameters: the scenario's mechanisms with its firm register resolved to indices. */
agents::ModelParams model_params(const Scenario& s);

/** @brief Builds the world and the model: firms, initial ties and prices. `compact_exited_firms` false keeps
 * exited firms' slots (same results, more memory; see agents::ClusterModel). */
agents::ClusterModel build_model(const Scenario& s, unsigned threads = 1, bool compact_exited_firms = true);

/** @brief Reports a cycle among cross-industry inputs (the value chain must be acyclic). */
void check_value_chain_acyclic(const Scenario& s, const std::string& file, Diagnostics& diag);

}  // namespace vicsim::scenarios

#pragma once
/** @file Generates the key reference of docs/scenario-format.md from the describe() declarations. */
#include <string>

namespace vicsim::scenarios {

/** @brief A Markdown table of every scenario key: path, type, unit, default, range, description. */
std::string scenario_key_reference();

/** @brief A Markdown table of the mechanism registry (agents/mechanism_registry.hpp): each mechanism's group,
 * the switch that turns it off, its parameters, phases, load and output columns. */
std::string mechanism_reference();

}  // namespace vicsim::scenarios

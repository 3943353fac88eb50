#pragma once
/** @file Tie turnover: trust learning, hazard-based decay, filling empty input slots and switching
 * to better suppliers (docs/ODD.md, "Ties"). */
#include "agents/model_context.hpp"
#include "sim/rng.hpp"

namespace vicsim::agents {

/** @brief Moves each tie's trust toward its fill rate, then dissolves ties with hazard h(trust). */
void update_and_decay_ties(ModelContext& c);

/** @brief Each firm fills input slots below the target tie count and occasionally tests a switch. */
void search_suppliers(ModelContext& c);

/** @brief Fills every empty slot of firm f (used for the initial network and for entrants). */
void fill_input_slots(ModelContext& c, sim::FirmIndex f, sim::Stream stream);

}  // namespace vicsim::agents

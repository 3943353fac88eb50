#pragma once
/** @file Tie turnover: trust learning, hazard-based decay, filling empty input slots and switching
 * to better suppliers (docs/ODD.md, "Ties"). */
#include "agents/model_context.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/rng.hpp"

namespace vicsim::agents {

/** @brief Monthly dissolution hazard of tie t (docs/ODD.md 7.7, 7.101) at the rates h (tie_hazard_rates of
 * the month's parameters): tie_hazard with the trusted end at `supply_established` for a supply tie
 * (steady_tie_trust, the trust an established tie with an average supplier reaches) and at trust 1 for a
 * collaboration tie (its trust grows toward 1). */
double dissolution_hazard(const TieHazardRates& h, const sim::Tie& t, double supply_established);

/** @brief Moves each tie's trust toward its fill rate, then dissolves ties with hazard h(trust). */
void update_and_decay_ties(ModelContext& c);

/** @brief Each firm fills input slots below the target tie count and occasionally tests a switch. */
void search_suppliers(ModelContext& c);

/** @brief Fills every empty slot of firm f (used for the initial network and for entrants). */
void fill_input_slots(ModelContext& c, sim::FirmIndex f, sim::Stream stream);

}  // namespace vicsim::agents

#pragma once
/** @file Paid in-plant digital services (docs/ODD.md 7.102): equipment-data collection, a
 * production-management system and shop-floor apps that a firm buys through a platform it belongs to,
 * priced per connected device. Once bought, their effect phases in over months and acts inside the buyer's
 * plant only: fewer production days on everything it ships, fewer shop-floor record hours in its
 * management overhead, and fewer own defects through the drift of its hidden defect rate (7.30). They never
 * change the terms of a tie or of a channel: a buyer's customers on any channel see its shorter production
 * days. */
#include <cstddef>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Whether platform p sells in-plant services to its members: the mechanism is on, p is alive and
 * offers knowledge and app sharing (industrial apps are that service's app class, 7.66). */
bool offers_in_plant(const ModelContext& c, std::size_t p);

/** @brief Monthly price of the in-plant services to one firm (yuan): fee_per_device · devices_per_member
 * (the devices whose data the service collects, 7.91). */
double in_plant_price(const ModelContext& c);

/** @brief What firm i pays this month for in-plant services (yuan; 0 without a valid purchase: none
 * bought, the platform gone or no longer offering them, or i no longer a member). */
double in_plant_fee(const ModelContext& c, sim::FirmIndex i);

/** @brief Phased-in share of the full effect firm i enjoys this month, in [0, 1] (0 without a valid
 * purchase). */
double in_plant_effect(const ModelContext& c, sim::FirmIndex i);

/** @brief Production days supplier s saves on everything it ships this month (days):
 * `trade.production_days · days_cut · effect_s`; its production lead time is `production_days` minus this. */
double production_days_saved(const ModelContext& c, sim::FirmIndex s);

/** @brief Multiplier on the non-coordination part (1 − s) of firm i's overhead factor (7.34):
 * `1 − shop_floor_share · paperwork_cut · effect_i`, in (0, 1]. */
double shop_floor_factor(const ModelContext& c, sim::FirmIndex i);

/** @brief Shift of firm i's drift target for its logit defect rate (logits, ≥ 0, subtracted): at full
 * effect the target rate falls by `defect_cut` at the mean defect rate, `effect_i · (logit δ̄ − logit(δ̄ ·
 * (1 − defect_cut)))`. */
double defect_logit_cut(const ModelContext& c, sim::FirmIndex i);

/** @brief What firm s expects to gain a month at full effect from its shorter production days (yuan,
 * docs/ODD.md 7.107): its customers split each input over their suppliers by landed cost (weights ∝
 * landed cost^−ε, trade.cpp propagate_orders), and a day less lowers its landed cost to each of them by
 * `price · lead_time_cost_per_day`. Summed over its supply out-ties, the orders its share gains between no
 * system and full effect (`production_days · days_cut` days less) at this month's order totals, capped by
 * the capacity it would have spare without the system, times its contribution margin per unit
 * (`contribution_margin · price`). 0 for a firm without supply ties or margin. */
double in_plant_days_value(const ModelContext& c, sim::FirmIndex s);

/** @brief Firm i's expected monthly saving at full effect (yuan): the shop-floor record hours of its
 * overhead, `land_cost · (1 − s) · shop_floor_share · paperwork_cut · employees`, plus the own rework saved,
 * `defect_cut · δ_i · (input cost + labour + overhead)` of last month, plus the margin on the orders its
 * customers move to it for its shorter production days (`in_plant_days_value`). */
double in_plant_saving(const ModelContext& c, sim::FirmIndex i);

/** @brief Share of one part of the saving that is realised at level `level` (docs/ODD.md 7.106): after k
 * months of buying (level `1 − q^k`, q = 1 − 1/ramp_months) a mechanism that follows its target with
 * persistence ρ has moved `x_k = Σ_{j=1..k} (1 − ρ) ρ^{k−j} (1 − q^j)` of the way. ρ = `belief_memory` for
 * the shop-floor records (the overhead factor, 7.34), `reliability_persistence` for the own rework (the
 * defect drift, 7.30); ρ = 0 gives the level itself. In [0, 1]. */
double in_plant_realised_share(double level, double ramp_months, double persistence);

/** @brief Share of firm i's full saving a purchase delivers over its decision horizon, discounted
 * (docs/ODD.md 7.106, 7.107): `Σ_k β^k S_k / (S · Σ_k β^k)` for k = 1 … H, where S_k is the saving realised
 * k months on for a firm that buys every month from level `level` on (level path `1 − (1 − level) q^k`,
 * records and rework through their lags, `in_plant_realised_share`, the customers' orders at the level
 * itself) and S the saving at full effect; H = `in_plant.service_life_months` (the system's service life,
 * 7.107), β = 1 / (1 + `interest_per_year` / 12) (its borrowing rate, accrued monthly as on loans, 7.28).
 * In [0, 1). */
double in_plant_ramp_factor(const ModelContext& c, sim::FirmIndex i, double level);

/** @brief What firm i's own in-plant purchase earned it this month as the firm accounts for it (yuan): the
 * cost saving realised at its level (records and rework, each through its lag) minus the price (0 without a
 * valid purchase). The customers' orders are not in it (docs/ODD.md 7.107).
 * Its own investment, taken out of the margin it judges its platform by (docs/ODD.md 7.35, 7.106). */
double in_plant_own_return(const ModelContext& c, sim::FirmIndex i);

/** @brief Share of alive firms holding a valid in-plant purchase at the end of the month, bought in this
 * month's decision for next month, whatever its price (timeseries.csv `in_plant_share`). */
double in_plant_share(const ModelContext& c);

/** @brief Each alive firm buys in-plant services for next month when its expected saving, weighed by the
 * ramp it would go through (`in_plant_ramp_factor` from its current level, 0 for a new system), exceeds the
 * price, from the platform it already buys from if that is still valid, else from the first member platform
 * that offers them (7.102, 7.106); and phases the effect in (`level += (1 − level) / ramp_months`) or, when
 * it stops, loses it (`level = 0`). */
void buy_in_plant_services(ModelContext& c);

}  // namespace vicsim::agents

#pragma once
/** @file Production, orders and trade within one tick (docs/ODD.md, "Trade"). */
#include <algorithm>
#include <cmath>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Sets unit costs and cost-plus prices, then the capacity-weighted mean price of each type. */
void set_prices(ModelContext& c);

/** @brief Final demand to final-stage firms, then orders down the value chain through ties or the
 * spot market, in customers-first order; sets each firm's orders and output. */
void propagate_orders(ModelContext& c);

/** @brief Deliveries, purchase and transaction costs, lead times, revenue, profit and reputation. */
void settle_accounts(ModelContext& c);

/** @brief Share of a firm's own orders it could fill this tick (1 with no orders). */
inline double fill_rate(const sim::Firms& f, sim::FirmIndex i) { return f.fill[i]; }

/** @brief Firm i's monthly labour and land-and-overhead cost (yuan): (labour + land · overhead factor) ·
 * employees, the workforce part of its fixed cost (docs/ODD.md 7.2, 7.34). */
inline double workforce_cost(const ModelContext& c, sim::FirmIndex i) {
  const sim::Firms& f = c.world.firms;
  const auto& r = c.world.regions[sim::idx(f.region[i])];
  return (r.labour_cost.yuan + r.land_cost.yuan * f.overhead_factor[i]) * f.employees[i];
}

/** @brief Firm i's contribution margin per yuan of sales: 1 − input unit cost / price, floored at 0 (0 at no
 * price). Inputs are the cost that varies with sales; staff and land are paid whatever the month's sales. */
inline double contribution_margin(const sim::Firms& f, sim::FirmIndex i) {
  return f.price[i] > 0.0 ? std::fmax(0.0, 1.0 - f.input_unit_cost[i] / f.price[i]) : 0.0;
}

/** @brief A final buyer's demand weight of firm i: capacity · (price / pbar)^−ε · (1 + reputation weight ·
 * (reputation − 0.5)), floored at 0 (7.3). */
double demand_weight(const ModelContext& c, sim::FirmIndex i, double pbar);

/** @brief Spreads `units` of demand over the firms of one type by capacity, relative price and reputation. */
void allocate_demand(ModelContext& c, std::size_t type_key, double units);

}  // namespace vicsim::agents

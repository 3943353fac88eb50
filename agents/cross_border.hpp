#pragma once
/** @file Export demand from the rest of the world and the platforms' cross-border matchmaking service
 * (docs/ODD.md 7.78–7.80). Foreign buyers order the cluster's final goods only from firms they can find
 * and trust: a firm reaches them by its own channels (trade fairs, agents: weak), or through a platform
 * whose cross-border matchmaking lists it with the delivery record the platform's ratings and member
 * telemetry reveal (rating_weight, 7.31), for a monthly fee the firm pays only when the expected margin on
 * the extra exports covers it. The rest of the world pays with the `exports` flow. */
#include <cstdint>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief The platform whose cross-border service firm i could use: alive, service on, i a member, the
 * highest rating weight (lowest index on ties); -1 if none. */
std::int32_t cross_border_candidate(const ModelContext& c, sim::FirmIndex i);

/** @brief Foreign buyers' reach of a firm listed by platform p (share 0–1): offline reach r_off plus
 * (1 − r_off) · rating_weight(p); r_off when p < 0. */
double export_reach(const ModelContext& c, std::int32_t p);

/** @brief The rest of the world's orders of final goods this month (7.78, 7.85): per final-stage firm
 * a · E_k · w_i / Σ_j w_j · reach_i units, with E_k = export_potential · D_k (units/month), w_i the
 * households' demand weight (trade.hpp: demand_weight) and a = min(1, row_budget / Σ_k E_k · p̄_k) the
 * share of the potential the rest of the world's budget buys; each firm first decides whether to pay for
 * its candidate platform's cross-border service. If the orders at the firms' own prices exceed the budget
 * they are scaled down to it. Adds to `orders`; fills ModelContext::export_units, platform_export_units
 * and cross_border_platform. Returns the orders' value (yuan, ≤ row_budget). */
double allocate_exports(ModelContext& c);

/** @brief The world income paid to the rest of the world this month (7.95): W_t = ε/(1 − ε) · B_t ·
 * ((1 + g_w)/(1 + g_d))^(t/12), with ε = world_income_share, B_t = base_final_spending (the scenario's final
 * demand at this month's prices, grown at g_d = market.demand_growth_per_year), g_w =
 * world_income_growth_per_year; 0 before month 1 (yuan/month). Spent like the rest of its budget. */
double world_income(const ModelContext& c);

/** @brief Units the rest of the world ordered from firm i this month (0 for firms that entered since). */
double export_units(const ModelContext& c, sim::FirmIndex i);

/** @brief Firm i's cross-border service fee this month (yuan; 0 if it did not subscribe). */
double cross_border_fee(const ModelContext& c, sim::FirmIndex i);

/** @brief timeseries.csv `export_share`: exports ÷ all final sales of the month (share). */
double export_share(const ModelContext& c);

/** @brief timeseries.csv `platform_export_share`: platform members' final sales matched through a
 * platform's cross-border service ÷ members' final sales (share), the globalization indicator (7.26). */
double platform_export_share(const ModelContext& c);

/** @brief timeseries.csv `cross_border_subscriber_share`: share of alive final-stage platform members
 * paying for a cross-border service this month. */
double cross_border_subscriber_share(const ModelContext& c);

}  // namespace vicsim::agents

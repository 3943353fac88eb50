#pragma once
/** @file Households' spending (docs/ODD.md 7.69–7.71): with `households.consumption` "income_wealth" (the
 * default), final demand follows households' disposable income and deposits (Godley & Lavoie 2007, eq. 3.7
 * with the expected income of eq. 3.20), owners receive dividends and the rest of the world spends its import
 * receipts on the cluster's final goods, so the money circuit closes; households buy a share of their
 * consumption abroad (7.85). With "exogenous"
 * nothing here acts and final demand is the scenario's. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief True when households' spending follows income and wealth (households.consumption). */
bool income_wealth_consumption(const ModelParams& p);

/** @brief What the scenario's final demand this month costs at this month's prices: Σ over industries of
 * final_demand (units, with growth, without shocks) × the final type's capacity-weighted mean price (yuan).
 */
double base_final_spending(const ModelContext& c);

/** @brief At the start of month 1, after the warm-up: re-opens the ledger with the rest of the world's
 * deposits at 0 (the warm-up's import receipts are not month 1's export budget) and, under income_wealth,
 * households' deposits at their stationary stock α3 · base spending, α3 = (1 − α1)/α2, at this month's
 * prices (an opening position, like firms' initial cash). */
void open_month_one_deposits(ModelContext& c);

/** @brief Phase "household consumption", after prices and before orders. Sets ModelContext::row_budget,
 * what the rest of the world may spend on the cluster's goods this month: its deposits at the end of last
 * month, at least 0 (every closure). Under income_wealth: households consume C = max(0, α1 · YD₋₁ + α2 ·
 * V₋₁), pay μ · C for foreign goods (flow consumer_imports, households → rest of world, μ =
 * import_propensity) and plan to spend household_spending = (1 − μ) · C on the cluster's final goods; then
 * spend_foreign_remainder(c, 0). YD₋₁ is every payment households received last month except liquidations
 * (capital, not income), V₋₁ their deposits at the end of last month. Without a last month (no household
 * income yet) the scale stays 1 and household_spending −1. (7.69, 7.70, 7.85) */
void plan_consumption(ModelContext& c);

/** @brief Under income_wealth, once foreign buyers' orders worth `ordered` yuan are placed (7.78): the
 * rest of the world spends the rest of its budget, R = max(0, row_budget − ordered), on final goods in the
 * households' mix, so consumption_scale = (household_spending + R) / base_final_spending and export_share =
 * R / (household_spending + R). No-op when household_spending < 0 (the scenario's demand applies). */
void spend_foreign_remainder(ModelContext& c, double ordered);

/** @brief Phase "dividends", after the platform accounts (income_wealth only): each alive firm and
 * platform pays dividend_share × its positive profit of the month to households, at most its cash net
 * of loans (no dividend paid from credit). */
void pay_dividends(ModelContext& c);

}  // namespace vicsim::agents

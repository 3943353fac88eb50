#pragma once
/** @file Households' spending (docs/ODD.md 7.69–7.71): with `households.consumption` "income_wealth" (the
 * default), final demand follows households' disposable income and deposits (Godley & Lavoie 2007, eq. 3.7
 * with the expected income of eq. 3.20), owners receive dividends and the rest of the world spends its import
 * receipts on the cluster's final goods, so the money circuit closes. With "exogenous"
 * nothing here acts and final demand is the scenario's. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief True when households' spending follows income and wealth (households.consumption). */
bool income_wealth_consumption(const ModelParams& p);

/** @brief What the scenario's final demand this month costs at this month's prices: Σ over industries of
 * final_demand (units, with growth, without shocks) × the final type's capacity-weighted mean price (yuan).
 */
double base_final_spending(const ModelContext& c);

/** @brief Under income_wealth, at the start of month 1 (after the warm-up, which runs with the scenario's
 * demand): re-opens the ledger with households' deposits at their stationary stock α3 · base spending,
 * α3 = (1 − α1)/α2, at this month's prices (an opening position, like firms' initial cash). No-op with
 * exogenous consumption. */
void open_household_deposits(ModelContext& c);

/** @brief Phase "household consumption", after prices and before orders: sets ModelContext::
 * consumption_scale = (C + X) / base_final_spending with C = max(0, α1 · YD₋₁ + α2 · V₋₁) and X the
 * rest of the world's import receipts of last month, and export_share = X / (C + X). YD₋₁ is every
 * payment households received last month except liquidations (capital, not income), V₋₁ their deposits
 * at the end of last month. Without a last month (no household income yet) the scale stays 1. */
void plan_consumption(ModelContext& c);

/** @brief Phase "dividends", after the platform accounts (income_wealth only): each alive firm and
 * platform pays dividend_share × its positive profit of the month to households, at most its cash net
 * of loans (no dividend paid from credit). */
void pay_dividends(ModelContext& c);

}  // namespace vicsim::agents

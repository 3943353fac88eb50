#pragma once
/** @file The sectors' stocks measured from the model state, and the monthly close of the stock-flow
 * ledger (docs/ODD.md 7.28). */
#include <array>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief End-of-month stocks: firms' and platforms' cash, loans and input stocks from their own state,
 * government deposits as minus what policies have spent, the lender's loans as what firms and platforms
 * owe. Households' and the lender's deposits are carried by the ledger. Summed serially in index order. */
std::array<sim::SectorStocks, sim::kSectors> measure_stocks(const ModelContext& c);

/** @brief Checks the month's identities and starts the next month's flows; throws sim::StockFlowViolation
 * on the first identity off by more than Ledger::kTolerance (relative). */
void close_accounts(ModelContext& c);

}  // namespace vicsim::agents

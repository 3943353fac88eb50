#pragma once
/** @file The lender (docs/ODD.md 7.28): overdrafts become loans with interest and a repayment schedule;
 * loans of firms that exit and platforms that fail are written off. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Monthly, for every alive firm and platform in index order: pays interest on its loan, repays
 * an instalment (loan / repayment_months) from positive cash, and turns negative cash into new credit. */
void settle_credit(ModelContext& c);

/** @brief Closes the accounts of firms that exited this tick: their cash goes to households (owners),
 * their loans are written off by the lender, their input stocks are scrapped. */
void close_exited_firms(ModelContext& c);

/** @brief Closes a failed platform's accounts: negative cash is lent, then the loan is written off;
 * positive cash goes to households (owners). */
void close_failed_platform(ModelContext& c, sim::Platform& pl);

}  // namespace vicsim::agents

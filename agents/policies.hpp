#pragma once
/** @file The government: applies the policies in force each tick and accounts their spending
 * (docs/ODD.md, "Policies"). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief True if firm f is in the policy's target group. */
bool targets(const ModelContext& c, const Policy& p, sim::FirmIndex f);

/** @brief Start of a tick: infrastructure roll-outs, voucher shares, platform launches, the 1+N
 * mandate and supervision rules. */
void begin_policies(ModelContext& c);

/** @brief After firms and platforms have acted: pays vouchers and platform subsidies within budget. */
void account_policies(ModelContext& c);

/** @brief Share of a founder's launch cost of `launch_cost` yuan that active platform-cultivation policies
 * with no target platform would co-fund for a platform hosted in `host` serving `industry` (-1: any): what
 * cofund_launch would pay, the policy's share capped by its remaining budget, over the cost; 0 when none
 * applies (7.50). */
double launch_cofund_share(const ModelContext& c, sim::RegionId host, std::int32_t industry,
                           double launch_cost);

/** @brief Pays that co-funding of `launch_cost` yuan from the policies' budgets to the platform sector
 * (ledger: government → platforms, subsidy) and returns the yuan granted. */
double cofund_launch(ModelContext& c, sim::RegionId host, std::int32_t industry, double launch_cost);

/** @brief Monthly cloud cost of firm f before subsidies (yuan). */
double cloud_cost(const ModelContext& c, sim::FirmIndex f);

}  // namespace vicsim::agents

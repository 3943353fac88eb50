#pragma once
/** @file Platforms as agents: launch, membership bookkeeping and 1+N reach, accounts, fee learning
 * (Heinrich & Gräbner 2019), capacity investment and failure (docs/ODD.md, "Platform strategy"). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Launches due platforms, connects platforms to the middle platform, and refreshes member
 * counts, reach sets and the member pools by type. Call at the start of a tick and after joins. */
void update_platform_roster(ModelContext& c);

/** @brief Monthly accounts, quarterly fee moves, capacity investment and failure. Subsidies must
 * have been added to the platforms' cash already. */
void settle_platforms(ModelContext& c);

/** @brief Operating cost of platform p this month (yuan). */
sim::Money platform_operating_cost(const ModelContext& c, const sim::Platform& p);

}  // namespace vicsim::agents

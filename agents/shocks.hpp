#pragma once
/** @file Applies the shocks in force: demand multipliers and regional capacity losses. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Sets this tick's demand multipliers and firms' disrupted capacity share. */
void apply_shocks(ModelContext& c);

}  // namespace vicsim::agents

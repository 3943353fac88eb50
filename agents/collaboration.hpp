#pragma once
/** @file Horizontal collaboration ties formed by triadic closure among firms that share a supplier or
 * a customer, accepted with the distance-decaying spillover weight (docs/ODD.md, "Collaboration"). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Number of collaboration ties of firm f. */
std::uint32_t collaborators(const sim::World& w, sim::FirmIndex f);

/** @brief One month of collaboration-tie formation. */
void form_collaborations(ModelContext& c);

}  // namespace vicsim::agents

#pragma once
/** @file Platform capacity investment: a platform whose members' service time approaches the
 * window adds to whichever resource binds: data-centre compute, its uplink, or edge gateways that
 * shrink the telemetry its members send over their regions' access links. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Which resource a platform's service time is mostly spent on. */
enum class BindingResource { None, Compute, Uplink, Access };

/** @brief The binding resource of a platform from last tick's SimGrid loads (None if not overloaded). */
BindingResource binding_resource(const PlatformEconomyParams& e, const sim::Platform& p);

/** @brief Adds capacity to the binding resource if the platform has cash; pays for it from cash. */
void invest_in_capacity(ModelContext& c, sim::Platform& p);

}  // namespace vicsim::agents

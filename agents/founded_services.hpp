#pragma once
/** @file The services a founded platform offers: those its level provides (docs/ODD.md 7.51), less any the
 * scenario switches off for founded platforms (`mechanisms.founding.services`, 7.50). Declared platforms
 * list their own services (`platforms[k].services`). */
#include "agents/digital_params.hpp"
#include "sim/platform.hpp"

namespace vicsim::agents {

/** @brief The services a platform founded at `level` offers, where `allowed` holds the scenario's switches.
 */
sim::PlatformServices founded_services(sim::PlatformLevel level, const FoundedServiceSwitches& allowed);

/** @brief Whether a platform founded at some level offers `service` when every switch is on: the founding
 * switches exist only for these (a switch for a service no level offers would do nothing). */
bool some_level_offers(bool sim::PlatformServices::*service);

}  // namespace vicsim::agents

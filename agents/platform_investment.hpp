#pragma once
/** @file Platform capacity investment: a platform whose members' service time approaches the
 * window adds to whichever resource binds: data-centre compute or its uplink (shared by all its routes), or
 * edge gateways in the regions whose access links its members' traffic overloads, which shrink the telemetry
 * its members there send (docs/ODD.md 7.21, 7.92). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Which resource a platform's service time is mostly spent on. */
enum class BindingResource { None, Compute, Uplink };

/** @brief The platform-wide binding resource (Compute or Uplink) from last tick's SimGrid loads, None if
 * neither binds. Access links are judged region by region (access_binds). */
BindingResource binding_resource(const PlatformEconomyParams& e, const sim::Platform& p);

/** @brief Whether the access link of a route binds: the platform-wide resources do not, and the route's
 * transfer time plus the platform's compute time exceeds `invest_above_load` of the window while the uplink
 * explains less than half of the transfer. `route_transfer_load` is the route's slowest kind / window. */
bool access_binds(const PlatformEconomyParams& e, const sim::Platform& p, double route_transfer_load);

/** @brief Share (0–1) of telemetry platform p's edge gateways filter in region r (0 where it has none). */
double region_edge_share(const sim::Platform& p, std::size_t r);

/** @brief Platform p's member-weighted mean edge share over the regions of the last resolved tick (0 with no
 * members): what its edge gateways cost per member (7.92). */
double member_edge_share(const ModelContext& c, std::size_t p);

/** @brief Adds capacity to the binding resource of platform `p` if it has cash: compute or uplink (paid from
 * cash, booked as investment), else edge gateways in every region where access binds (their running cost is
 * in the operating cost, per member at the region's edge share). */
void invest_in_capacity(ModelContext& c, std::size_t p);

}  // namespace vicsim::agents

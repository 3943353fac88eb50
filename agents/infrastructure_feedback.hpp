#pragma once
/** @file The coupling between the firm model and the SimGrid layer: infrastructure levels become
 * link parameters, members' activity becomes traffic and compute, and completion times come back as
 * platform congestion and service latency (docs/ODD.md, "Infrastructure"). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Access bandwidth (bytes/s) of a region at infrastructure level L in [0,1]. */
double access_bandwidth_Bps(const InfrastructureParams& p, double level);
/** @brief Access latency (s) at level L. */
double access_latency_s(const InfrastructureParams& p, double level);

/** @brief Pushes changed infrastructure levels and platform capacities to SimGrid. */
void push_infrastructure(ModelContext& c);

/** @brief Submits this tick's aggregated traffic and compute and sets each platform's congestion,
 * service latency and compute load from the completion times. */
void resolve_service_times(ModelContext& c);

}  // namespace vicsim::agents

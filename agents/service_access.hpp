#pragma once
/** @file The platform services one firm can use this tick (computed in platform_services.cpp). */
#include <cstdint>

namespace vicsim::agents {

/** @brief Availability in [0,1] of each service to one firm: the best over its platforms, scaled down
 * when a platform is overloaded (1 / congestion). */
struct ServiceAccess {
  double matchmaking = 0, dispatch = 0, forecasting = 0, knowledge = 0, finance = 0, logistics = 0;
  std::int32_t dispatch_platform = -1;     ///< platform that dispatches this firm's overflow
  std::int32_t marketplace_platform = -1;  ///< platform whose marketplace sources this firm's shortfalls
};

}  // namespace vicsim::agents

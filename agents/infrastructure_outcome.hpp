#pragma once
/** @file What the SimGrid layer delivered this tick, per route (region → platform data centre) and per
 * platform: the inputs of order handling time, forecast freshness, dispatch coordination and telemetry
 * delivery (docs/ODD.md 7.45–7.48). Filled by resolve_service_times, read by trade and adoption. */
#include <array>
#include <cstddef>
#include <vector>

namespace vicsim::agents {

/** @brief The information flows routed through SimGrid, each a flow of its own per route. */
enum class TrafficKind : std::size_t { Orders, Forecast, Dispatch, Telemetry, Design };
/** @brief Number of traffic kinds. */
inline constexpr std::size_t kTrafficKinds = 5;
/** @brief Column-friendly names of the traffic kinds, in TrafficKind order. */
inline constexpr std::array<const char*, kTrafficKinds> kTrafficKindNames = {"orders", "forecast", "dispatch",
                                                                             "telemetry", "design"};

/** @brief One route's service this tick. Defaults are an unloaded network. */
struct RouteService {
  double load = 0.0;    ///< time to clear one window's traffic and compute / window (≥ 1: overloaded)
  double wait_s = 0.0;  ///< mean backlog wait of a message sent in the busy hours (s)
  std::array<double, kTrafficKinds> kind_s{};      ///< completion time of each kind's window traffic (s)
  std::array<double, kTrafficKinds> kind_bytes{};  ///< bytes of each kind sent on the route in the window
  double compute_s = 0.0;  ///< completion time of the platform's compute jobs in the window (s; per platform)
  double telemetry_delivered = 1.0;  ///< share of device telemetry delivered (0–1)
  double forecast_freshness = 1.0;   ///< predictive value of C2M data at its age (0–1)
  double dispatch_in_time = 1.0;     ///< share of dispatch coordination done within the window
  double members = 0.0;              ///< the platform's members in the region (firms)
};

/** @brief Per-route and per-platform outcomes of the last resolved tick. */
struct InfrastructureOutcome {
  std::size_t platforms = 0;
  std::vector<RouteService> route;  ///< [region · platforms + platform]
  /// [platform] mean handling time of one order over the platform's supply ties (days), by the order-handling
  /// rule (agents/order_handling.cpp: handling_days) at this tick's routes
  std::vector<double> order_handling_days;
  std::vector<std::array<double, kTrafficKinds>> traffic_bytes;  ///< [platform] bytes by kind per window
  /// [region] least backlog wait over the region's routes that carry traffic (s; 0 if none does), what an
  /// e-mail order waits behind on the shared access link (agents/order_handling.cpp); set once with the
  /// routes instead of per tie
  std::vector<double> least_wait_s;

  /** @brief Route (r, p), or an unloaded route when nothing was resolved for it. */
  const RouteService& at(std::size_t r, std::size_t p) const {
    static const RouteService unloaded{};
    const std::size_t k = r * platforms + p;
    return p < platforms && k < route.size() ? route[k] : unloaded;
  }
};

}  // namespace vicsim::agents

#pragma once
/** @file Per-platform metrics each tick: the platform × month panel behind platforms.csv (fee, members,
 * trade, accounts and infrastructure load of every platform). */
#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief One platform at the end of one tick. Flows are this tick's (as in TickMetrics). */
struct PlatformMetrics {
  double alive = 0;                    ///< 1 if launched and not failed, else 0
  double interconnected = 0;           ///< 1 if connected to the 1+N middle platform, else 0
  double members = 0;                  ///< alive firms whose membership bit for this platform is set
  double entry_fee_yuan = 0;           ///< one-off fee to join, yuan
  double transaction_fee = 0;          ///< fee members pay: min(posted fee, supervision cap), share of trade
  double posted_transaction_fee = 0;   ///< the platform's own fee before any supervision cap, share of trade
  double gmv_yuan = 0;                 ///< platform-mediated trade, yuan per month
  double cross_platform_gmv_yuan = 0;  ///< trade with members reached through interconnection, yuan per month
  double dispatched_units = 0;         ///< units dispatched to idle members, units per month
  double revenue_yuan = 0;             ///< fees collected, yuan per month
  double cost_yuan = 0;                ///< operating cost, yuan per month
  double cash_yuan = 0;                ///< cash at the end of the tick, yuan
  double compute_gflops = 0;           ///< data-centre compute capacity, Gflop/s
  double uplink_gbps = 0;              ///< data-centre uplink capacity, Gbit/s
  double edge_share = 0;               ///< share of telemetry filtered at the edge (0–1)
  double compute_load = 0;             ///< compute demand / capacity in the service window
  double uplink_load = 0;              ///< bytes to move / (uplink bandwidth · window)
  double congestion = 0;               ///< service time / window, at least 1; above 1 is overloaded
  double service_latency_ms = 0;       ///< time to serve one window of members' traffic and compute, ms
  double telemetry_delivered = 0;      ///< share of members' device telemetry delivered (0–1)
  // founding and hierarchy (docs/ODD.md 7.50–7.51)
  double founded_tick = -1;    ///< tick the platform was founded endogenously, -1 if declared by the scenario
  double exit_tick = -1;       ///< tick it failed and exited, -1 while it has not
  double losses_yuan = 0;      ///< at exit: owners' capital not recovered plus the loan written off, yuan
  double data_value_yuan = 0;  ///< surface: smoothed GMV of its lines, yuan per month
  double app_stock = 0;        ///< apps hosted: declared at launch, a line adds vertical apps from usage
  double app_subscribers = 0;  ///< member firms subscribed to its shared apps this month (7.66)
  double parent = -1;          ///< index of the parent platform (point→line, line→surface), -1: none
  // traffic by kind, congestion and losses (docs/ODD.md 7.45–7.48), shared logistics (7.60)
  double traffic_orders_mbps = 0;          ///< busy-hour order traffic, Mbit/s
  double traffic_forecast_mbps = 0;        ///< busy-hour C2M forecast data, Mbit/s
  double traffic_dispatch_mbps = 0;        ///< busy-hour dispatch coordination, Mbit/s
  double traffic_telemetry_mbps = 0;       ///< busy-hour device telemetry after edge filtering, Mbit/s
  double traffic_design_mbps = 0;          ///< busy-hour design-data exchange, Mbit/s
  double congestion_worst = 0;             ///< highest load of a route with members, at least 1
  double congestion_traffic_weighted = 0;  ///< traffic-weighted mean route load, at least 1
  double telemetry_lost_mbps = 0;          ///< busy-hour telemetry dropped by overloaded routes, Mbit/s
  double logistics_pooled_yuan = 0;  ///< value shipped through its pooled logistics lanes, yuan per month
  double logistics_cost_yuan = 0;    ///< handling cost of those shipments, yuan per month
};

/** @brief A column of platforms.csv: name, unit (as in docs/outputs.md) and member. */
struct PlatformColumn {
  std::string_view name;
  std::string_view unit;
  double PlatformMetrics::*member;
};

/** @brief The metrics' columns in output order. */
const std::vector<PlatformColumn>& platform_columns();

/** @brief Metrics of every platform of `w`, in platform order; `fee_cap` is the supervision cap on
 * transaction fees this tick (1 when none). */
std::vector<PlatformMetrics> platform_metrics(const World& w, double fee_cap);

}  // namespace vicsim::sim

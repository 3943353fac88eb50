#include "sim/platform_metrics.hpp"

#include <algorithm>

#include "sim/interconnection.hpp"

namespace vicsim::sim {

const std::vector<PlatformColumn>& platform_columns() {
  static const std::vector<PlatformColumn> cols = {
      {"alive", "0/1", &PlatformMetrics::alive},
      {"interconnected", "0/1", &PlatformMetrics::interconnected},
      {"members", "count", &PlatformMetrics::members},
      {"entry_fee_yuan", "yuan", &PlatformMetrics::entry_fee_yuan},
      {"transaction_fee", "share", &PlatformMetrics::transaction_fee},
      {"posted_transaction_fee", "share", &PlatformMetrics::posted_transaction_fee},
      {"gmv_yuan", "yuan/month", &PlatformMetrics::gmv_yuan},
      {"cross_platform_gmv_yuan", "yuan/month", &PlatformMetrics::cross_platform_gmv_yuan},
      {"dispatched_units", "units/month", &PlatformMetrics::dispatched_units},
      {"revenue_yuan", "yuan/month", &PlatformMetrics::revenue_yuan},
      {"cost_yuan", "yuan/month", &PlatformMetrics::cost_yuan},
      {"cash_yuan", "yuan", &PlatformMetrics::cash_yuan},
      {"compute_gflops", "Gflop/s", &PlatformMetrics::compute_gflops},
      {"uplink_gbps", "Gbit/s", &PlatformMetrics::uplink_gbps},
      {"edge_share", "share", &PlatformMetrics::edge_share},
      {"compute_load", "ratio", &PlatformMetrics::compute_load},
      {"uplink_load", "ratio", &PlatformMetrics::uplink_load},
      {"congestion", "ratio", &PlatformMetrics::congestion},
      {"service_latency_ms", "ms", &PlatformMetrics::service_latency_ms},
      {"telemetry_delivered", "share", &PlatformMetrics::telemetry_delivered},
      {"founded_tick", "tick", &PlatformMetrics::founded_tick},
      {"exit_tick", "tick", &PlatformMetrics::exit_tick},
      {"losses_yuan", "yuan", &PlatformMetrics::losses_yuan},
      {"data_value_yuan", "yuan/month", &PlatformMetrics::data_value_yuan},
      {"app_stock", "apps", &PlatformMetrics::app_stock},
      {"app_subscribers", "firms", &PlatformMetrics::app_subscribers},
      {"traffic_orders_mbps", "Mbit/s", &PlatformMetrics::traffic_orders_mbps},
      {"traffic_forecast_mbps", "Mbit/s", &PlatformMetrics::traffic_forecast_mbps},
      {"traffic_dispatch_mbps", "Mbit/s", &PlatformMetrics::traffic_dispatch_mbps},
      {"traffic_telemetry_mbps", "Mbit/s", &PlatformMetrics::traffic_telemetry_mbps},
      {"traffic_design_mbps", "Mbit/s", &PlatformMetrics::traffic_design_mbps},
      {"congestion_worst", "ratio", &PlatformMetrics::congestion_worst},
      {"congestion_traffic_weighted", "ratio", &PlatformMetrics::congestion_traffic_weighted},
      {"telemetry_lost_mbps", "Mbit/s", &PlatformMetrics::telemetry_lost_mbps},
      {"logistics_pooled_yuan", "yuan/month", &PlatformMetrics::logistics_pooled_yuan},
      {"logistics_cost_yuan", "yuan/month", &PlatformMetrics::logistics_cost_yuan},
  };
  return cols;
}

std::vector<PlatformMetrics> platform_metrics(const World& w, double fee_cap) {
  const std::size_t P = w.platforms.size();
  std::vector<PlatformMetrics> out(P);
  // Members are counted from the firms' membership bits at the end of the tick, as timeseries.csv counts
  // them; Platform::members was counted before the month's exits and entries.
  const Firms& f = w.firms;
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i] || !f.platforms[i]) continue;
    for (std::size_t p = 0; p < P; ++p) out[p].members += f.member_of(i, p);
  }
  const std::uint32_t connected = connected_platforms(w.platforms);
  for (std::size_t p = 0; p < P; ++p) {
    const Platform& pl = w.platforms[p];
    PlatformMetrics& m = out[p];
    m.alive = pl.alive;
    m.interconnected = static_cast<double>((connected >> p) & 1u);
    m.entry_fee_yuan = pl.entry_fee.yuan;
    m.transaction_fee = std::min(pl.transaction_fee, fee_cap);
    m.posted_transaction_fee = pl.transaction_fee;
    m.gmv_yuan = pl.gmv;
    m.cross_platform_gmv_yuan = pl.cross_platform_gmv;
    m.dispatched_units = pl.dispatched_units;
    m.revenue_yuan = pl.revenue.yuan;
    m.cost_yuan = pl.cost.yuan;
    m.cash_yuan = pl.cash.yuan;
    m.compute_gflops = pl.compute_gflops;
    m.uplink_gbps = pl.uplink_gbps;
    m.edge_share = pl.edge_share;
    m.compute_load = pl.compute_load;
    m.uplink_load = pl.uplink_load;
    m.congestion = pl.congestion;
    m.service_latency_ms = 1000.0 * pl.service_latency_s;
    m.telemetry_delivered = pl.telemetry_delivered;
    m.founded_tick = pl.founded_tick;
    m.exit_tick = pl.failed_tick;
    m.losses_yuan = pl.losses.yuan;
    m.data_value_yuan = pl.data_value;
    m.app_stock = pl.app_stock;
    m.app_subscribers = pl.app_subscribers;
    m.parent = pl.parent;
    constexpr double kMbit = 8.0 / 1e6;
    m.traffic_orders_mbps = kMbit * pl.traffic_Bps[0];
    m.traffic_forecast_mbps = kMbit * pl.traffic_Bps[1];
    m.traffic_dispatch_mbps = kMbit * pl.traffic_Bps[2];
    m.traffic_telemetry_mbps = kMbit * pl.traffic_Bps[3];
    m.traffic_design_mbps = kMbit * pl.traffic_Bps[4];
    m.congestion_worst = pl.congestion_worst;
    m.congestion_traffic_weighted = pl.congestion_traffic;
    m.telemetry_lost_mbps = kMbit * pl.telemetry_lost_Bps;
    m.logistics_pooled_yuan = pl.pooled_value;
    m.logistics_cost_yuan = pl.logistics_cost.yuan;
  }
  return out;
}

}  // namespace vicsim::sim

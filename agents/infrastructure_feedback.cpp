#include "agents/infrastructure_feedback.hpp"

#include <algorithm>
#include <cmath>

namespace vicsim::agents {

double access_bandwidth_Bps(const InfrastructureParams& p, double level) {
  const double mbps = p.bandwidth_min_mbps * std::pow(p.bandwidth_max_mbps / p.bandwidth_min_mbps, level);
  return mbps * 1e6 / 8.0;
}

double access_latency_s(const InfrastructureParams& p, double level) {
  return (p.latency_max_ms - (p.latency_max_ms - p.latency_min_ms) * level) / 1000.0;
}

void push_infrastructure(ModelContext& c) {
  if (!c.infrastructure) return;
  const auto& ip = c.params.infrastructure;
  const sim::World& w = c.world;
  for (std::size_t r = 0; r < w.regions.size(); ++r) {
    const double level = w.regions[r].infrastructure;
    if (c.pushed_infrastructure[r] == level) continue;
    c.infrastructure->set_access(r, access_bandwidth_Bps(ip, level), access_latency_s(ip, level));
    c.pushed_infrastructure[r] = level;
  }
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    const auto& pl = w.platforms[p];
    if (c.pushed_gflops[p] == pl.compute_gflops && c.pushed_uplink[p] == pl.uplink_gbps) continue;
    if (c.pushed_gflops[p] < 0.0)  // first push: the distance latencies never change afterwards
      for (std::size_t r = 0; r < w.regions.size(); ++r)
        c.infrastructure->set_backbone_latency(
            r, p, w.distance_km[r][sim::idx(pl.host_region)] / ip.fibre_km_per_ms / 1000.0);
    c.infrastructure->set_datacentre(p, pl.uplink_gbps * 1e9 / 8.0, 0.0005,
                                     std::max(1e6, pl.compute_gflops * 1e9));
    c.pushed_gflops[p] = pl.compute_gflops;
    c.pushed_uplink[p] = pl.uplink_gbps;
  }
}

void resolve_service_times(ModelContext& c) {
  sim::World& w = c.world;
  const std::size_t P = w.platforms.size(), R = w.regions.size();
  for (auto& pl : w.platforms) {
    pl.congestion = 1.0;
    pl.service_latency_s = 0.0;
    pl.compute_load = 0.0;
    pl.uplink_load = 0.0;
    pl.network_load = 0.0;
  }
  if (!c.infrastructure || P == 0) return;
  const auto& ip = c.params.infrastructure;
  const sim::Firms& fs = w.firms;
  sim::InfrastructureDemand d;
  d.bytes.assign(R, std::vector<double>(P, 0.0));
  d.flops.assign(P, 0.0);
  std::vector<std::vector<double>> members(R, std::vector<double>(P, 0.0));
  std::size_t middle = P;
  for (std::size_t p = 0; p < P; ++p)
    if (w.platforms[p].alive && w.platforms[p].level == sim::PlatformLevel::Middle) middle = p;
  for (auto i : c.directory.alive()) {
    std::uint32_t m = fs.platforms[i];
    const std::size_t r = sim::idx(fs.region[i]);
    for (std::size_t p = 0; m; ++p, m >>= 1) {
      if (!(m & 1u)) continue;
      const auto& pl = w.platforms[p];
      members[r][p] += 1;
      // Edge gateways clean and aggregate device telemetry before upload (source text 1, DMEGC case).
      d.bytes[r][p] += ip.window_s * (ip.bytes_per_member +
                                      ip.bytes_per_employee * (1.0 - pl.edge_share) * fs.employees[i]);
      double gflop = ip.gflop_per_member;
      if (pl.services.forecasting && c.is_final_stage(i)) gflop += ip.gflop_forecast;
      d.flops[p] += ip.window_s * gflop * 1e9;
      if (pl.interconnected && middle < P)
        d.flops[middle] += ip.window_s * c.params.interconnection.sync_gflop * 1e9;
    }
  }
  const auto t = c.infrastructure->resolve(d);
  for (std::size_t p = 0; p < P; ++p) {
    auto& pl = w.platforms[p];
    if (!pl.alive) continue;
    double n = 0, lat = 0, transfer = 0, bytes = 0;
    for (std::size_t r = 0; r < R; ++r) {
      n += members[r][p];
      lat += members[r][p] * (t.transfer_s[r][p] + t.compute_s[p]);
      transfer += members[r][p] * t.transfer_s[r][p];
      bytes += d.bytes[r][p];
    }
    pl.compute_load = t.compute_s[p] / ip.window_s;
    pl.uplink_load = bytes / (pl.uplink_gbps * 1e9 / 8.0 * ip.window_s);
    pl.network_load = n > 0 ? transfer / n / ip.window_s : 0.0;
    pl.service_latency_s = n > 0 ? lat / n : t.compute_s[p];
    // Serving one window's traffic and compute takes longer than the window: the platform is
    // overloaded and its services slow down in proportion.
    pl.congestion = std::max(1.0, pl.service_latency_s / ip.window_s);
  }
}

}  // namespace vicsim::agents

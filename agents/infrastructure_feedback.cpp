#include "agents/infrastructure_feedback.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

#include "agents/order_handling.hpp"
#include "agents/platform_investment.hpp"
#include "agents/supplier_beliefs.hpp"

namespace vicsim::agents {

namespace {
constexpr double kSecondsPerDay = 86400.0;
constexpr double kSecondsPerHour = 3600.0;
constexpr auto kOrders = static_cast<std::size_t>(TrafficKind::Orders);
constexpr auto kForecast = static_cast<std::size_t>(TrafficKind::Forecast);
constexpr auto kDispatch = static_cast<std::size_t>(TrafficKind::Dispatch);
constexpr auto kTelemetry = static_cast<std::size_t>(TrafficKind::Telemetry);
constexpr auto kDesign = static_cast<std::size_t>(TrafficKind::Design);
}  // namespace

double access_bandwidth_Bps(const InfrastructureParams& p, double level) {
  const double mbps = p.bandwidth_min_mbps * std::pow(p.bandwidth_max_mbps / p.bandwidth_min_mbps, level);
  return mbps * 1e6 / 8.0;
}

double access_latency_s(const InfrastructureParams& p, double level) {
  return (p.latency_max_ms - (p.latency_max_ms - p.latency_min_ms) * level) / 1000.0;
}

double backlog_wait_s(double load, double busy_hours) {
  return std::max(0.0, load - 1.0) * busy_hours * kSecondsPerHour / 2.0;
}

double forecast_freshness(double age_days, double coherence_days) {
  return std::exp(-std::max(0.0, age_days) / coherence_days);
}

double dispatch_in_time(const InfrastructureParams& p, double load, double message_s) {
  const double window = p.dispatch_window_hours * kSecondsPerHour;
  if (message_s >= window) return 0.0;
  if (load <= 1.0) return 1.0;
  // A request sent t seconds into the busy hours waits (ρ − 1)·t behind the backlog.
  return std::min(1.0, (window - message_s) / ((load - 1.0) * p.busy_hours_per_day * kSecondsPerHour));
}

double telemetry_delivered(double load) { return load > 1.0 ? 1.0 / load : 1.0; }

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
    // Distance latencies change only with the host region: a platform founded into an empty slot (7.50)
    // gets its own host's, not those of the slot's placeholder region.
    if (const auto host = static_cast<std::int32_t>(sim::idx(pl.host_region)); c.pushed_host[p] != host) {
      for (std::size_t r = 0; r < w.regions.size(); ++r)
        c.infrastructure->set_backbone_latency(
            r, p, w.distance_km[r][static_cast<std::size_t>(host)] / ip.fibre_km_per_ms / 1000.0);
      c.pushed_host[p] = host;
    }
    if (c.pushed_gflops[p] == pl.compute_gflops && c.pushed_uplink[p] == pl.uplink_gbps) continue;
    c.infrastructure->set_datacentre(p, pl.uplink_gbps * 1e9 / 8.0, 0.0005,
                                     std::max(1e6, pl.compute_gflops * 1e9));
    c.pushed_gflops[p] = pl.compute_gflops;
    c.pushed_uplink[p] = pl.uplink_gbps;
  }
}

namespace {

/** Messaging rounds of the orders of platform supply ties, by (supplier region, buyer region, platform): the
 * number of ties and the sum of their rounds n(B) (7.83), in fixed point so that the sum does not depend on
 * the order the ties are visited in (sim/tie_compaction.hpp). */
struct OrderRounds {
  static constexpr double kScale = 4294967296.0;  // 2^32 per round
  std::size_t R = 0, P = 0;
  std::vector<std::uint64_t> ties, rounds;  ///< [(rs · R + rb) · P + p]
  std::size_t at(std::size_t rs, std::size_t rb, std::size_t p) const { return (rs * R + rb) * P + p; }
  double mean_rounds(std::size_t k) const {
    return static_cast<double>(rounds[k]) / kScale / static_cast<double>(ties[k]);
  }
};

/** Rounds of every platform supply tie's order, from the buyer's belief with the platform's ratings as they
 * stand after last tick (the same belief lead time reads, 7.83). */
OrderRounds count_order_rounds(const ModelContext& c) {
  const sim::World& w = c.world;
  const sim::Firms& fs = w.firms;
  OrderRounds o;
  o.R = w.regions.size();
  o.P = w.platforms.size();
  o.ties.assign(o.R * o.R * o.P, 0);
  o.rounds.assign(o.R * o.R * o.P, 0);
  const auto& g = w.network;
  for (std::size_t b = 0; b < boost::num_vertices(g); ++b) {
    if (!fs.alive[b]) continue;
    for (auto [e, end] = boost::in_edges(b, g); e != end; ++e) {
      const sim::Tie& tie = g[*e];
      if (!tie.is_supply() || tie.channel != sim::TieChannel::Platform || tie.platform >= o.P) continue;
      const auto s = boost::source(*e, g);
      if (!fs.alive[s]) continue;
      const double n = order_rounds(c.params.trade, c.params.information, tie_belief(c, tie));
      const std::size_t k = o.at(sim::idx(fs.region[s]), sim::idx(fs.region[b]), tie.platform);
      o.ties[k] += 1;
      o.rounds[k] += static_cast<std::uint64_t>(std::llround(n * OrderRounds::kScale));
    }
  }
  return o;
}

/** Bytes of each kind every route carries in one window of the busy hours (7.45, 7.91). */
void add_traffic(const ModelContext& c, const OrderRounds& o, sim::InfrastructureDemand& d,
                 std::vector<std::vector<double>>& members) {
  const sim::World& w = c.world;
  const sim::Firms& fs = w.firms;
  const auto& ip = c.params.infrastructure;
  const std::size_t P = w.platforms.size(), R = w.regions.size();
  const double busy_s = ip.busy_hours_per_day * kSecondsPerHour;
  const double per_day = ip.window_s / busy_s;  // share of a day's data sent in one window
  std::size_t middle = P;
  for (std::size_t p = 0; p < P; ++p)
    if (w.platforms[p].alive && w.platforms[p].level == sim::PlatformLevel::Middle) middle = p;
  for (auto i : c.directory.alive()) {
    std::uint32_t m = fs.platforms[i];
    const std::size_t r = sim::idx(fs.region[i]);
    // A device reports to one platform: the seeds count devices per firm (7.45), so a member of k platforms
    // sends each of them 1/k of its telemetry, not all of it k times.
    const double homes = std::max(1, std::popcount(m));
    for (std::size_t p = 0; m; ++p, m >>= 1) {
      if (!(m & 1u)) continue;
      const auto& pl = w.platforms[p];
      members[r][p] += 1;
      // The seed counts devices per firm served (Feixiang, 7.91). Edge gateways the platform runs in the
      // region clean and aggregate device telemetry before upload (source text 1, DMEGC case; 7.92).
      d.kind_bytes[kTelemetry][r][p] += ip.window_s * ip.devices_per_member * ip.telemetry_Bps_per_device *
                                        (1.0 - region_edge_share(pl, r)) / homes;
      d.kind_bytes[kDesign][r][p] += ip.design_bytes_per_day * per_day;
      // Shared apps (7.66): subscribers' app sessions travel with the design data.
      if (fs.app_platform[i] == static_cast<std::int32_t>(p) && c.params.apps.enabled)
        d.kind_bytes[kDesign][r][p] += c.params.apps.bytes_per_day * per_day;
      if (pl.services.forecasting && c.is_final_stage(i))
        d.kind_bytes[kForecast][r][p] += ip.forecast_bytes_per_day * per_day;
      if (pl.services.dispatch) d.kind_bytes[kDispatch][r][p] += ip.dispatch_bytes_per_day * per_day;
      double gflop = ip.gflop_per_member;
      if (pl.services.forecasting && c.is_final_stage(i)) gflop += ip.gflop_forecast;
      d.flops[p] += ip.window_s * gflop * 1e9;
      if (pl.interconnected && middle < P)
        d.flops[middle] += ip.window_s * c.params.interconnection.sync_gflop * 1e9;
    }
  }
  // Orders: every round of a platform tie's order (7.83) is a request and its reply, and every message
  // crosses the buyer's and the supplier's access link.
  const double bytes_per_round =
      ip.orders_per_tie_month * 2.0 * ip.order_bytes / (ip.working_days_per_month * busy_s) * ip.window_s;
  for (std::size_t rs = 0; rs < R; ++rs)
    for (std::size_t rb = 0; rb < R; ++rb)
      for (std::size_t p = 0; p < P; ++p) {
        const std::size_t k = o.at(rs, rb, p);
        if (o.ties[k] == 0) continue;
        const double bytes = bytes_per_round * static_cast<double>(o.rounds[k]) / OrderRounds::kScale;
        d.kind_bytes[kOrders][rs][p] += bytes;
        d.kind_bytes[kOrders][rb][p] += bytes;
      }
}

}  // namespace

void resolve_service_times(ModelContext& c) {
  sim::World& w = c.world;
  const std::size_t P = w.platforms.size(), R = w.regions.size();
  const bool layer = c.infrastructure && P > 0;
  // Before the reset below: an order's rounds follow the buyer's belief with the ratings as last tick's
  // congestion and telemetry left them, the belief trade reads.
  const OrderRounds rounds = layer ? count_order_rounds(c) : OrderRounds{};
  for (auto& pl : w.platforms) {
    pl.congestion = 1.0;
    pl.telemetry_delivered = 1.0;
    pl.service_latency_s = 0.0;
    pl.compute_load = 0.0;
    pl.uplink_load = 0.0;
    pl.network_load = 0.0;
    pl.congestion_worst = pl.congestion_traffic = 1.0;
    pl.telemetry_lost_Bps = 0.0;
    for (auto& b : pl.traffic_Bps) b = 0.0;
  }
  for (auto& region : w.regions) region.access_load = 0.0;
  c.infra = InfrastructureOutcome{};
  if (!layer) return;
  const auto& ip = c.params.infrastructure;
  sim::InfrastructureDemand d;
  d.kind_bytes.assign(kTrafficKinds, std::vector<std::vector<double>>(R, std::vector<double>(P, 0.0)));
  d.flops.assign(P, 0.0);
  std::vector<std::vector<double>> members(R, std::vector<double>(P, 0.0));
  add_traffic(c, rounds, d, members);
  const auto t = c.infrastructure->resolve(d);

  InfrastructureOutcome& out = c.infra;
  out.platforms = P;
  out.route.assign(R * P, RouteService{});
  out.order_handling_days.assign(P, 0.0);
  out.traffic_bytes.assign(P, {});
  for (std::size_t r = 0; r < R; ++r)
    for (std::size_t p = 0; p < P; ++p) {
      RouteService& s = out.route[r * P + p];
      double clear = t.compute_s[p];
      s.compute_s = t.compute_s[p];
      for (std::size_t k = 0; k < kTrafficKinds; ++k) {
        s.kind_s[k] = t.kind_transfer_s[k][r][p];
        s.kind_bytes[k] = d.kind_bytes[k][r][p];
        clear = std::max(clear, s.kind_s[k]);
        out.traffic_bytes[p][k] += d.kind_bytes[k][r][p];
      }
      // FIFO access links (no QoS): every message queues behind the backlog of the whole route.
      s.load = clear / ip.window_s;
      s.wait_s = backlog_wait_s(s.load, ip.busy_hours_per_day);
      s.telemetry_delivered = telemetry_delivered(s.load);
      s.forecast_freshness =
          forecast_freshness((s.kind_s[kForecast] + s.wait_s) / kSecondsPerDay, ip.forecast_coherence_days);
      s.dispatch_in_time = dispatch_in_time(ip, s.load, s.kind_s[kDispatch]);
      s.members = members[r][p];
      // Where the load binds: regions.csv reports each region's worst route that carries members' traffic.
      if (members[r][p] > 0 && w.platforms[p].alive)
        w.regions[r].access_load = std::max(w.regions[r].access_load, s.load);
    }
  // What every route of a region shares is its access link: the least backlog among the routes that carry
  // traffic. A route with nothing on it (an unlaunched or empty slot, a platform with no members here) says
  // nothing about the link and would make the least wait 0.
  out.least_wait_s.assign(R, 0.0);
  for (std::size_t r = 0; r < R; ++r) {
    double wait = std::numeric_limits<double>::infinity();
    for (std::size_t q = 0; q < P; ++q) {
      double bytes = 0.0;
      for (std::size_t k = 0; k < kTrafficKinds; ++k) bytes += d.kind_bytes[k][r][q];
      if (bytes > 0.0) wait = std::min(wait, out.at(r, q).wait_s);
    }
    out.least_wait_s[r] = std::isinf(wait) ? 0.0 : wait;
  }
  for (std::size_t p = 0; p < P; ++p) {
    auto& pl = w.platforms[p];
    if (!pl.alive) continue;
    double n = 0, lat = 0, transfer = 0, bytes = 0, load = 0, tel = 0, tel_ok = 0;
    double worst = 1.0, weighted = 0.0;
    for (std::size_t r = 0; r < R; ++r) {
      const RouteService& s = out.route[r * P + p];
      const double clear = s.load * ip.window_s;
      double route_bytes = 0.0;
      for (std::size_t k = 0; k < kTrafficKinds; ++k) route_bytes += d.kind_bytes[k][r][p];
      if (members[r][p] > 0) worst = std::max(worst, s.load);
      weighted += route_bytes * std::max(1.0, s.load);
      n += members[r][p];
      lat += members[r][p] * clear;
      transfer += members[r][p] * *std::max_element(s.kind_s.begin(), s.kind_s.end());
      load += members[r][p] * std::max(1.0, s.load);
      for (std::size_t k = 0; k < kTrafficKinds; ++k) bytes += d.kind_bytes[k][r][p];
      tel += d.kind_bytes[kTelemetry][r][p];
      tel_ok += d.kind_bytes[kTelemetry][r][p] * s.telemetry_delivered;
    }
    pl.compute_load = t.compute_s[p] / ip.window_s;
    pl.uplink_load = bytes / (pl.uplink_gbps * 1e9 / 8.0 * ip.window_s);
    pl.network_load = n > 0 ? transfer / n / ip.window_s : 0.0;
    pl.service_latency_s = n > 0 ? lat / n : t.compute_s[p];
    // Serving one window's traffic and compute takes longer than the window: the platform is
    // overloaded and its services slow down in proportion.
    pl.congestion = n > 0 ? load / n : std::max(1.0, pl.compute_load);
    pl.telemetry_delivered = tel > 0.0 ? tel_ok / tel : 1.0;
    pl.telemetry_lost_Bps = (tel - tel_ok) / ip.window_s;
    pl.congestion_worst = worst;
    pl.congestion_traffic = bytes > 0.0 ? weighted / bytes : 1.0;
    for (std::size_t k = 0; k < kTrafficKinds; ++k) pl.traffic_Bps[k] = out.traffic_bytes[p][k] / ip.window_s;
    pl.edge_share = member_edge_share(c, p);  // what its edge gateways cost (platform_strategy.cpp)
    // One order's handling over the platform's supply ties, by the rule lead time reads (7.83): linear in the
    // rounds, so a cell's mean rounds give its ties' mean handling exactly.
    double ties = 0.0, handling = 0.0;
    for (std::size_t rs = 0; rs < R; ++rs)
      for (std::size_t rb = 0; rb < R; ++rb) {
        const std::size_t k = rounds.at(rs, rb, p);
        if (rounds.ties[k] == 0) continue;
        const auto count = static_cast<double>(rounds.ties[k]);
        ties += count;
        handling +=
            count * handling_days(c.params.trade, rounds.mean_rounds(k), order_message_s(c, rs, rb, p));
      }
    out.order_handling_days[p] = ties > 0.0 ? handling / ties : 0.0;
  }
}

namespace {
/** The best value of a route outcome over f's alive platforms that offer the service, in f's region;
 * 1 (an unloaded route) if none does. */
double best_route(const ModelContext& c, sim::FirmIndex f, bool sim::PlatformServices::*service,
                  double RouteService::*value) {
  double best = 0.0;
  bool any = false;
  std::uint32_t m = c.world.firms.platforms[f];
  const std::size_t r = sim::idx(c.world.firms.region[f]);
  for (std::size_t p = 0; m; ++p, m >>= 1)
    if ((m & 1u) && c.world.platforms[p].alive && c.world.platforms[p].services.*service) {
      best = std::max(best, c.infra.at(r, p).*value);
      any = true;
    }
  return any ? best : 1.0;
}
}  // namespace

double member_forecast_freshness(const ModelContext& c, sim::FirmIndex f) {
  return best_route(c, f, &sim::PlatformServices::forecasting, &RouteService::forecast_freshness);
}

double member_dispatch_in_time(const ModelContext& c, sim::FirmIndex f, std::size_t p) {
  return c.infra.at(sim::idx(c.world.firms.region[f]), p).dispatch_in_time;
}

double member_telemetry_delivered(const ModelContext& c, sim::FirmIndex f) {
  return best_route(c, f, &sim::PlatformServices::knowledge, &RouteService::telemetry_delivered);
}

}  // namespace vicsim::agents

#include "sim/tick_metrics.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include "sim/concentration.hpp"
#include "sim/industry.hpp"

namespace vicsim::sim {

const std::vector<Column>& columns() {
  static const std::vector<Column> cols{{
      {"tick", "month", &TickMetrics::tick},
      {"firms", "count", &TickMetrics::firms},
      {"entries", "count", &TickMetrics::entries},
      {"exits", "count", &TickMetrics::exits},
      {"relocations", "count", &TickMetrics::relocations},
      {"sme_share", "share", &TickMetrics::sme_share},
      {"employees", "workers", &TickMetrics::employees},
      {"output", "yuan/month", &TickMetrics::output},
      {"real_output", "yuan/month", &TickMetrics::real_output},
      {"value_added", "yuan/month", &TickMetrics::value_added},
      {"profit", "yuan/month", &TickMetrics::profit},
      {"productivity_mean", "units/worker/month", &TickMetrics::productivity_mean},
      {"productivity_sd", "units/worker/month", &TickMetrics::productivity_sd},
      {"innovations", "count", &TickMetrics::innovations},
      {"imitations", "count", &TickMetrics::imitations},
      {"innovation_share", "share", &TickMetrics::innovation_share},
      {"ties", "count", &TickMetrics::ties},
      {"ties_formed", "count", &TickMetrics::ties_formed},
      {"ties_dissolved", "count", &TickMetrics::ties_dissolved},
      {"local_tie_share", "share", &TickMetrics::local_tie_share},
      {"cross_region_tie_share", "share", &TickMetrics::cross_region_tie_share},
      {"cross_industry_tie_share", "share", &TickMetrics::cross_industry_tie_share},
      {"density", "ratio", &TickMetrics::density},
      {"mean_degree", "ties/firm", &TickMetrics::mean_degree},
      {"clustering", "ratio", &TickMetrics::clustering},
      {"clustering_se", "ratio", &TickMetrics::clustering_se},
      {"giant_component_share", "share", &TickMetrics::giant_component_share},
      {"components", "count", &TickMetrics::components},
      {"eg_index", "gamma", &TickMetrics::eg_index},
      {"top_region_share", "share", &TickMetrics::top_region_share},
      {"transaction_cost_per_unit", "yuan/unit", &TickMetrics::transaction_cost_per_unit},
      {"transaction_cost_share", "share", &TickMetrics::transaction_cost_share},
      {"lead_time_days", "days", &TickMetrics::lead_time_days},
      {"capacity_utilisation", "share", &TickMetrics::capacity_utilisation},
      {"spot_share", "share", &TickMetrics::spot_share},
      {"chain_completeness", "share", &TickMetrics::chain_completeness},
      {"supply_trust", "0-1", &TickMetrics::supply_trust},
      {"stage", "0-3", &TickMetrics::stage},
      {"cloud_adoption_share", "share", &TickMetrics::cloud_adoption_share},
      {"sme_adoption_share", "share", &TickMetrics::sme_adoption_share},
      {"large_adoption_share", "share", &TickMetrics::large_adoption_share},
      {"digital_divide_gap", "share", &TickMetrics::digital_divide_gap},
      {"platform_member_share", "share", &TickMetrics::platform_member_share},
      {"sme_participation", "share", &TickMetrics::sme_participation},
      {"multihoming_share", "share", &TickMetrics::multihoming_share},
      {"platforms_alive", "count", &TickMetrics::platforms_alive},
      {"platform_hhi", "0-1", &TickMetrics::platform_hhi},
      {"platform_tie_share", "share", &TickMetrics::platform_tie_share},
      {"platform_cross_region", "share", &TickMetrics::platform_cross_region},
      {"member_collaboration", "share", &TickMetrics::member_collaboration},
      {"chain_coverage", "share", &TickMetrics::chain_coverage},
      {"platform_gmv", "yuan/month", &TickMetrics::platform_gmv},
      {"cross_platform_share", "share", &TickMetrics::cross_platform_share},
      {"dispatched_units", "units/month", &TickMetrics::dispatched_units},
      {"interconnected_share", "share", &TickMetrics::interconnected_share},
      {"mutual_share", "share", &TickMetrics::mutual_share},
      {"service_latency_ms", "ms", &TickMetrics::service_latency_ms},
      {"max_congestion", "ratio", &TickMetrics::max_congestion},
      {"quality", "share", &TickMetrics::quality},
      {"management_efficiency", "yuan/yuan", &TickMetrics::management_efficiency},
      {"unit_total_cost", "yuan/yuan", &TickMetrics::unit_total_cost},
      {"policy_spend", "yuan/month", &TickMetrics::policy_spend},
      {"policy_spend_cumulative", "yuan", &TickMetrics::policy_spend_cumulative},
      {"platform_path_stage", "0-3", &TickMetrics::platform_path_stage},
      {"ecosystem_stage", "0-3", &TickMetrics::ecosystem_stage},
  }};
  return cols;
}

namespace {

void compute_platform_metrics(const MetricsInput& in, TickMetrics& m) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  const std::size_t P = w.platforms.size();
  double n = 0, sme = 0, large = 0, cloud = 0, sme_cloud = 0, large_cloud = 0, members = 0, sme_members = 0,
         multi = 0, out_w = 0, quality = 0, overhead = 0, revenue = 0, total_cost = 0;
  std::vector<double> per_platform(P, 0.0);
  std::vector<std::vector<std::uint8_t>> type_has(w.industries.size());
  for (std::size_t i = 0; i < w.industries.size(); ++i) type_has[i].assign(w.industries[i].stages.size(), 0);
  for (FirmIndex i = 0; i < f.size(); ++i) {
    if (!f.alive[i]) continue;
    const bool is_sme = f.employees[i] < in.sme_threshold;
    n += 1;
    (is_sme ? sme : large) += 1;
    cloud += f.on_cloud[i];
    (is_sme ? sme_cloud : large_cloud) += f.on_cloud[i];
    const int k = std::popcount(f.platforms[i]);
    if (k > 0) {
      members += 1;
      sme_members += is_sme;
      type_has[idx(f.industry[i])][f.stage[i]] = 1;
    }
    multi += k >= 2;
    for (std::size_t p = 0; p < P; ++p) per_platform[p] += f.member_of(i, p);
    const double value = f.revenue[i].yuan;
    out_w += value;
    quality += value * (1.0 - f.defect_rate[i]);
    overhead += w.regions[idx(f.region[i])].land_cost.yuan * f.overhead_factor[i] * f.employees[i];
    revenue += value;
    total_cost += f.total_cost[i].yuan;
  }
  if (n > 0) {
    m.cloud_adoption_share = cloud / n;
    m.platform_member_share = members / n;
  }
  m.sme_adoption_share = sme > 0 ? sme_cloud / sme : 0.0;
  m.large_adoption_share = large > 0 ? large_cloud / large : 0.0;
  m.digital_divide_gap = m.large_adoption_share - m.sme_adoption_share;
  m.sme_participation = sme > 0 ? sme_members / sme : 0.0;
  m.multihoming_share = members > 0 ? multi / members : 0.0;
  m.quality = out_w > 0 ? quality / out_w : 0.0;
  m.management_efficiency = overhead > 0 ? revenue / overhead : 0.0;
  m.unit_total_cost = revenue > 0 ? total_cost / revenue : 0.0;
  double types = 0, covered = 0;
  for (const auto& v : type_has)
    for (auto b : v) {
      types += 1;
      covered += b;
    }
  m.chain_coverage = types > 0 ? covered / types : 0.0;

  double memberships = 0, alive = 0, connected = 0, n_platforms = 0, mutual = 0, lat = 0, lat_w = 0;
  for (double x : per_platform) memberships += x;
  for (std::size_t p = 0; p < P; ++p) {
    const Platform& pl = w.platforms[p];
    if (!pl.alive) continue;
    alive += 1;
    if (memberships > 0) m.platform_hhi += (per_platform[p] / memberships) * (per_platform[p] / memberships);
    m.max_congestion = std::max(m.max_congestion, pl.congestion);
    lat += pl.service_latency_s * pl.members;
    lat_w += pl.members;
    if (pl.level == PlatformLevel::Middle) continue;
    n_platforms += 1;
    if (pl.interconnected) {
      connected += 1;
      if (pl.gmv > 0 && pl.cross_platform_gmv >= 0.05 * pl.gmv) mutual += 1;
    }
  }
  m.platforms_alive = alive;
  m.interconnected_share = n_platforms > 0 ? connected / n_platforms : 0.0;
  m.mutual_share = connected > 0 ? mutual / connected : 0.0;
  m.service_latency_ms = lat_w > 0 ? 1000.0 * lat / lat_w : 0.0;
  m.platform_gmv = in.stats.platform_gmv;
  m.cross_platform_share =
      in.stats.platform_gmv > 0 ? in.stats.cross_platform_gmv / in.stats.platform_gmv : 0.0;
  m.dispatched_units = in.stats.dispatched_units;
  m.policy_spend = in.stats.policy_spend;
  m.real_output = in.stats.real_output;

  double ties = 0, pties = 0, pcross = 0, brokered = 0;
  std::vector<std::uint8_t> collab(f.size(), 0);
  for (auto [e, end] = boost::edges(w.network); e != end; ++e) {
    const auto s = boost::source(*e, w.network), t = boost::target(*e, w.network);
    if (!f.alive[s] || !f.alive[t]) continue;
    ties += 1;
    const Tie& tie = w.network[*e];
    if (tie.channel != TieChannel::Platform) continue;
    pties += 1;
    // Reach counts ties the platform brokered, not local ties it took over when both partners joined.
    if (tie.brokered) {
      brokered += 1;
      pcross += f.region[s] != f.region[t];
    }
    if (!tie.is_supply()) collab[s] = collab[t] = 1;
  }
  m.platform_tie_share = ties > 0 ? pties / ties : 0.0;
  m.platform_cross_region = brokered > 0 ? pcross / brokered : 0.0;
  double mc = 0;
  for (FirmIndex i = 0; i < f.size(); ++i) mc += f.alive[i] && f.platforms[i] && collab[i];
  m.member_collaboration = members > 0 ? mc / members : 0.0;
}

}  // namespace

TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net) {
  const World& w = *in.world;
  const Firms& f = w.firms;
  TickMetrics m;
  m.tick = w.tick;
  m.entries = in.stats.entries;
  m.exits = in.stats.exits;
  m.relocations = in.stats.relocations;
  m.innovations = in.stats.innovations;
  m.imitations = in.stats.imitations;
  m.ties_formed = in.stats.ties_formed;
  m.ties_dissolved = in.stats.ties_dissolved;

  double sme = 0, cap = 0, a_sum = 0, a_sq = 0, gained = 0, bought = 0, tc = 0, purchases = 0, lead = 0,
         spot = 0;
  double slots = 0, filled = 0;
  std::vector<std::vector<std::size_t>> n_slots(w.industries.size());
  for (std::size_t i = 0; i < w.industries.size(); ++i)
    for (std::size_t s = 0; s < w.industries[i].stages.size(); ++s)
      n_slots[i].push_back(input_needs(w.industries, i, s).size());
  std::vector<std::uint8_t> slot_has_tie;
  for (FirmIndex i = 0; i < f.size(); ++i) {
    // Flows count every firm that traded this tick, including those that exited at its end.
    const bool traded = f.alive[i] || f.exit_tick[i] == w.tick;
    if (!traded) continue;
    m.output += f.revenue[i].yuan;
    m.value_added += f.revenue[i].yuan - f.input_cost[i].yuan;
    m.profit += f.profit[i].yuan;
    cap += f.capacity(i);
    bought += f.inputs_bought[i];
    tc += f.transaction_cost[i].yuan;
    purchases += f.input_cost[i].yuan;
    lead += f.lead_time_days[i] * f.inputs_bought[i];
    spot += f.spot_units[i];
    if (!f.alive[i]) continue;
    m.firms += 1;
    m.employees += f.employees[i];
    if (f.employees[i] < in.sme_threshold) sme += 1;
    a_sum += f.productivity[i];
    a_sq += f.productivity[i] * f.productivity[i];
    if (f.last_gain_tick[i] >= 0 && w.tick - f.last_gain_tick[i] < 12) gained += 1;
    const std::size_t ns = n_slots[idx(f.industry[i])][f.stage[i]];
    slot_has_tie.assign(ns, 0);
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
      if (w.network[*e].is_supply()) slot_has_tie[w.network[*e].input_slot] = 1;
    slots += static_cast<double>(ns);
    for (auto b : slot_has_tie) filled += b;
  }
  double total_output_units = 0;
  for (FirmIndex i = 0; i < f.size(); ++i)
    if (f.alive[i] || f.exit_tick[i] == w.tick) total_output_units += f.output[i];
  if (m.firms > 0) {
    m.sme_share = sme / m.firms;
    m.productivity_mean = a_sum / m.firms;
    m.productivity_sd = std::sqrt(std::fmax(0.0, a_sq / m.firms - m.productivity_mean * m.productivity_mean));
    m.innovation_share = gained / m.firms;
  }
  m.capacity_utilisation = cap > 0 ? total_output_units / cap : 0.0;
  m.transaction_cost_per_unit = bought > 0 ? tc / bought : 0.0;
  m.transaction_cost_share = purchases > 0 ? tc / purchases : 0.0;
  m.lead_time_days = bought > 0 ? lead / bought : 0.0;
  m.spot_share = bought > 0 ? spot / bought : 0.0;
  m.chain_completeness = slots > 0 ? filled / slots : 0.0;

  double local = 0, cross_ind = 0, ties = 0, supply = 0, trust = 0;
  for (auto [e, end] = boost::edges(w.network); e != end; ++e) {
    const auto s = boost::source(*e, w.network), t = boost::target(*e, w.network);
    if (!f.alive[s] || !f.alive[t]) continue;
    ties += 1;
    if (w.network[*e].is_supply()) {
      supply += 1;
      trust += w.network[*e].trust;
    }
    if (f.region[s] == f.region[t]) local += 1;
    if (f.industry[s] != f.industry[t]) cross_ind += 1;
  }
  m.ties = ties;
  m.supply_trust = supply > 0 ? trust / supply : 0.0;
  if (ties > 0) {
    m.local_tie_share = local / ties;
    m.cross_region_tie_share = 1.0 - m.local_tie_share;
    m.cross_industry_tie_share = cross_ind / ties;
  }
  m.density = net.density;
  m.mean_degree = net.mean_degree;
  m.clustering = net.average_clustering;
  m.clustering_se = net.clustering_se;
  m.giant_component_share = net.giant_component_share;
  m.components = net.components;
  compute_platform_metrics(in, m);
  m.eg_index = mean_ellison_glaeser(w);
  m.top_region_share = top_region_share(w);
  return m;
}

StageIndicators stage_indicators(const TickMetrics& m) {
  return {m.eg_index,   m.chain_completeness, m.local_tie_share,      m.supply_trust,
          m.clustering, m.innovation_share,   m.giant_component_share};
}

PlatformIndicators platform_indicators(const TickMetrics& m) {
  PlatformIndicators x;
  x.member_share = m.platform_member_share;
  x.chain_coverage = m.chain_coverage;
  x.platform_tie_share = m.platform_tie_share;
  x.member_collaboration = m.member_collaboration;
  x.cross_region_tie_share = m.cross_region_tie_share;
  x.platform_cross_region = m.platform_cross_region;
  x.interconnected_share = m.interconnected_share;
  x.cross_platform_share = m.cross_platform_share;
  x.mutual_share = m.mutual_share;
  return x;
}

}  // namespace vicsim::sim

#include "sim/tick_metrics.hpp"

#include <cmath>

#include "sim/concentration.hpp"
#include "sim/industry.hpp"

namespace vicsim::sim {

const std::array<Column, 36>& columns() {
  static const std::array<Column, 36> cols{{
      {"tick", "month", &TickMetrics::tick},
      {"firms", "count", &TickMetrics::firms},
      {"entries", "count", &TickMetrics::entries},
      {"exits", "count", &TickMetrics::exits},
      {"relocations", "count", &TickMetrics::relocations},
      {"sme_share", "share", &TickMetrics::sme_share},
      {"employees", "workers", &TickMetrics::employees},
      {"output", "yuan/month", &TickMetrics::output},
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
  }};
  return cols;
}

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
  m.giant_component_share = net.giant_component_share;
  m.components = net.components;
  m.eg_index = mean_ellison_glaeser(w);
  m.top_region_share = top_region_share(w);
  return m;
}

StageIndicators stage_indicators(const TickMetrics& m) {
  return {m.eg_index,   m.chain_completeness, m.local_tie_share,      m.supply_trust,
          m.clustering, m.innovation_share,   m.giant_component_share};
}

}  // namespace vicsim::sim

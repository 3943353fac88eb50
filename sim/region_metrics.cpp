#include "sim/region_metrics.hpp"

namespace vicsim::sim {

const std::vector<RegionColumn>& region_columns() {
  static const std::vector<RegionColumn> cols = {
      {"firms", &RegionMetrics::firms},
      {"employees", &RegionMetrics::employees},
      {"output", &RegionMetrics::output},
      {"adoption_share", &RegionMetrics::adoption_share},
      {"sme_adoption_share", &RegionMetrics::sme_adoption_share},
      {"cloud_adoption_share", &RegionMetrics::cloud_adoption_share},
      {"cross_region_tie_share", &RegionMetrics::cross_region_tie_share},
      {"productivity_mean", &RegionMetrics::productivity_mean},
      {"lead_time_days", &RegionMetrics::lead_time_days},
      {"transaction_cost_per_unit", &RegionMetrics::transaction_cost_per_unit},
      {"infrastructure", &RegionMetrics::infrastructure},
      {"wage_bill", &RegionMetrics::wage_bill},
      {"profit", &RegionMetrics::profit},
      {"output_per_worker", &RegionMetrics::output_per_worker},
      {"access_load", &RegionMetrics::access_load},
  };
  return cols;
}

std::vector<RegionMetrics> region_metrics(const World& w, double sme_threshold) {
  const Firms& f = w.firms;
  const std::size_t R = w.regions.size();
  std::vector<RegionMetrics> out(R);
  std::vector<double> sme(R, 0), sme_members(R, 0), bought(R, 0), lead(R, 0), tc(R, 0), ties(R, 0),
      cross(R, 0);
  for (FirmIndex i = 0; i < f.size(); ++i) {
    const bool traded = f.alive[i] || f.exit_tick[i] == w.tick;
    if (!traded) continue;
    const std::size_t r = idx(f.region[i]);
    RegionMetrics& m = out[r];
    m.output += f.revenue[i].yuan;
    m.profit += f.profit[i].yuan;
    m.wage_bill += w.regions[r].labour_cost.yuan * f.employees[i];
    bought[r] += f.inputs_bought[i];
    lead[r] += f.lead_time_days[i] * f.inputs_bought[i];
    tc[r] += f.transaction_cost[i].yuan;
    if (!f.alive[i]) continue;
    m.firms += 1;
    m.employees += f.employees[i];
    m.productivity_mean += f.productivity[i];
    m.adoption_share += f.platforms[i] != 0;
    m.cloud_adoption_share += f.on_cloud[i];
    if (f.employees[i] < sme_threshold) {
      sme[r] += 1;
      sme_members[r] += f.platforms[i] != 0;
    }
  }
  // A cross-region tie counts once for each of its two regions. Ties are read from each source's out-edge
  // vector (no tie properties needed), not from Boost's global edge list, which chases one list node per tie.
  for (FirmIndex s = 0; s < f.size(); ++s) {
    if (!f.alive[s]) continue;
    const std::size_t rs = idx(f.region[s]);
    for (auto [e, end] = boost::out_edges(s, w.network); e != end; ++e) {
      const auto t = boost::target(*e, w.network);
      if (!f.alive[t]) continue;
      const std::size_t rt = idx(f.region[t]);
      ties[rs] += 1;
      if (rs == rt) continue;
      ties[rt] += 1;
      cross[rs] += 1;
      cross[rt] += 1;
    }
  }
  for (std::size_t r = 0; r < R; ++r) {
    RegionMetrics& m = out[r];
    m.infrastructure = w.regions[r].infrastructure;
    m.access_load = w.regions[r].access_load;
    m.lead_time_days = bought[r] > 0 ? lead[r] / bought[r] : 0.0;
    m.transaction_cost_per_unit = bought[r] > 0 ? tc[r] / bought[r] : 0.0;
    m.cross_region_tie_share = ties[r] > 0 ? cross[r] / ties[r] : 0.0;
    m.sme_adoption_share = sme[r] > 0 ? sme_members[r] / sme[r] : 0.0;
    m.output_per_worker = m.employees > 0 ? m.output / m.employees : 0.0;
    if (m.firms > 0) {
      m.productivity_mean /= m.firms;
      m.adoption_share /= m.firms;
      m.cloud_adoption_share /= m.firms;
    }
  }
  return out;
}

}  // namespace vicsim::sim

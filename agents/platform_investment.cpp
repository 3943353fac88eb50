#include "agents/platform_investment.hpp"

#include <algorithm>

namespace vicsim::agents {

BindingResource binding_resource(const PlatformEconomyParams& e, const sim::Platform& p) {
  if (p.compute_load > e.invest_above_load) return BindingResource::Compute;
  if (!e.network_investment || p.compute_load + p.network_load <= e.invest_above_load)
    return BindingResource::None;
  if (p.compute_load >= p.network_load) return BindingResource::Compute;
  // The uplink is shared by all of the platform's traffic; what it cannot explain is the access links,
  // which are judged where they bind, region by region (access_binds).
  return p.uplink_load >= 0.5 * p.network_load ? BindingResource::Uplink : BindingResource::None;
}

bool access_binds(const PlatformEconomyParams& e, const sim::Platform& p, double route_transfer_load) {
  return e.network_investment && p.compute_load <= e.invest_above_load &&
         p.compute_load < route_transfer_load && p.uplink_load < 0.5 * route_transfer_load &&
         p.compute_load + route_transfer_load > e.invest_above_load;
}

double region_edge_share(const sim::Platform& p, std::size_t r) {
  return r < p.edge_region.size() ? p.edge_region[r] : 0.0;
}

double member_edge_share(const ModelContext& c, std::size_t p) {
  double members = 0.0, filtered = 0.0;
  for (std::size_t r = 0; r < c.world.regions.size(); ++r) {
    const double m = c.infra.at(r, p).members;
    members += m;
    filtered += m * region_edge_share(c.world.platforms[p], r);
  }
  return members > 0.0 ? filtered / members : 0.0;
}

void invest_in_capacity(ModelContext& c, std::size_t pi) {
  const auto& e = c.params.platform_economy;
  sim::Platform& p = c.world.platforms[pi];
  if ((p.cash - p.loan).yuan <= 0.0) return;  // invests only from its own money
  switch (binding_resource(e, p)) {
    case BindingResource::Compute: {
      const double added = p.compute_gflops * e.invest_step;
      p.compute_gflops += added;
      p.cash -= sim::Money{added * e.cost_per_gflops * 12.0};  // a year of capacity cost up front
      c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Investment,
                   added * e.cost_per_gflops * 12.0);
      return;
    }
    case BindingResource::Uplink: {
      const double added = p.uplink_gbps * e.invest_step;
      p.uplink_gbps += added;
      p.cash -= sim::Money{added * e.cost_per_gbps * 12.0};
      c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Investment,
                   added * e.cost_per_gbps * 12.0);
      return;
    }
    case BindingResource::None:
      break;
  }
  // A platform cannot upgrade a region's public access network, but its edge gateways can clean and aggregate
  // telemetry before upload (DMEGC case), where its members' traffic overloads the access link. Their running
  // cost is in the operating cost (edge_share, the member-weighted mean of the regions' shares).
  const std::size_t R = c.world.regions.size();
  for (std::size_t r = 0; r < R; ++r) {
    const RouteService& s = c.infra.at(r, pi);
    if (s.members <= 0.0) continue;
    const double transfer =
        *std::max_element(s.kind_s.begin(), s.kind_s.end()) / c.params.infrastructure.window_s;
    if (access_binds(e, p, transfer)) {
      p.edge_region.resize(R, 0.0);
      p.edge_region[r] += e.invest_step * (e.edge_max - p.edge_region[r]);
    }
  }
  p.edge_share = member_edge_share(c, pi);
}

}  // namespace vicsim::agents

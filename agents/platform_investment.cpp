#include "agents/platform_investment.hpp"

namespace vicsim::agents {

BindingResource binding_resource(const PlatformEconomyParams& e, const sim::Platform& p) {
  if (p.compute_load > e.invest_above_load) return BindingResource::Compute;
  if (!e.network_investment || p.compute_load + p.network_load <= e.invest_above_load)
    return BindingResource::None;
  if (p.compute_load >= p.network_load) return BindingResource::Compute;
  // The uplink is shared by all of the platform's traffic; what it cannot explain is the access links.
  return p.uplink_load >= 0.5 * p.network_load ? BindingResource::Uplink : BindingResource::Access;
}

void invest_in_capacity(ModelContext& c, sim::Platform& p) {
  const auto& e = c.params.platform_economy;
  if ((p.cash - p.loan).yuan <= 0.0) return;  // invests only from its own money
  switch (binding_resource(e, p)) {
    case BindingResource::Compute: {
      const double added = p.compute_gflops * e.invest_step;
      p.compute_gflops += added;
      p.cash -= sim::Money{added * e.cost_per_gflops * 12.0};  // a year of capacity cost up front
      c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Investment,
                   added * e.cost_per_gflops * 12.0);
      break;
    }
    case BindingResource::Uplink: {
      const double added = p.uplink_gbps * e.invest_step;
      p.uplink_gbps += added;
      p.cash -= sim::Money{added * e.cost_per_gbps * 12.0};
      c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::Investment,
                   added * e.cost_per_gbps * 12.0);
      break;
    }
    case BindingResource::Access:
      // A platform cannot upgrade a region's public access network, but its edge gateways can clean
      // and aggregate telemetry before upload (DMEGC case); the running cost is in the operating cost.
      p.edge_share += e.invest_step * (e.edge_max - p.edge_share);
      break;
    case BindingResource::None:
      break;
  }
}

}  // namespace vicsim::agents

#include "agents/shocks.hpp"

namespace vicsim::agents {

void apply_shocks(ModelContext& c) {
  sim::World& w = c.world;
  c.demand_multiplier.assign(w.industries.size(), 1.0);
  auto& region_loss = c.region_disruption;
  region_loss.assign(w.regions.size(), 0.0);
  for (const auto& s : c.shocks) {
    if (!s.active(w.tick)) continue;
    if (s.kind == Shock::Kind::Demand) {
      for (std::size_t i = 0; i < w.industries.size(); ++i)
        if (s.industry < 0 || static_cast<std::size_t>(s.industry) == i)
          c.demand_multiplier[i] *= 1.0 - s.magnitude;
    } else if (static_cast<std::size_t>(s.region) < w.regions.size()) {
      auto& loss = region_loss[static_cast<std::size_t>(s.region)];
      loss = 1.0 - (1.0 - loss) * (1.0 - s.magnitude);
    }
  }
  for (auto i : c.directory.alive()) w.firms.disruption[i] = region_loss[sim::idx(w.firms.region[i])];
}

}  // namespace vicsim::agents

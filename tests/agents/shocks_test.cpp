// Shocks: a demand slump scales final demand and a regional disruption removes capacity, each only
// while it lasts (docs/ODD.md 7.25).
#include "agents/shocks.hpp"

#include "agents/cluster_model.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("shocks: each shock acts only in its months and only where it is aimed", "[agents]") {
  // shock_resilience: Dongguan loses 40% of capacity in months 60–65; final demand −20% in 84–87.
  agents::ClusterModel model = scenarios::build_model(test::load("shock_resilience.json"));
  const auto& w = model.world();
  const auto& c = model.context();
  auto disruption_in = [&](bool dongguan) {
    double lo = 1.0, hi = 0.0;
    for (sim::FirmIndex i = 0; i < w.firms.size(); ++i)
      if (w.firms.alive[i] && (w.regions[sim::idx(w.firms.region[i])].name == "Dongguan") == dongguan) {
        lo = std::min(lo, w.firms.disruption[i]);
        hi = std::max(hi, w.firms.disruption[i]);
      }
    return std::pair{lo, hi};
  };
  for (int t = 1; t <= 90; ++t) {
    model.step();
    const int tick = w.tick;
    const bool disrupted = tick >= 60 && tick <= 65, slump = tick >= 84 && tick <= 87;
    INFO("month " << tick);
    const auto [dg_lo, dg_hi] = disruption_in(true);
    const auto [other_lo, other_hi] = disruption_in(false);
    CHECK(dg_lo == Approx(disrupted ? 0.4 : 0.0));
    CHECK(dg_hi == Approx(disrupted ? 0.4 : 0.0));
    CHECK(other_hi == 0.0);
    for (double m : c.demand_multiplier) CHECK(m == Approx(slump ? 0.8 : 1.0));
  }
}

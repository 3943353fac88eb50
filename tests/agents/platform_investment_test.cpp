// Platform capacity investment: a growing platform adds to the resource that binds (issue 3 §4).
#include "agents/platform_investment.hpp"

#include <algorithm>

#include "test_support.hpp"

using namespace vicsim;

namespace {

/** Worst platform congestion over the last `months` ticks of a run. */
double late_congestion(const std::vector<sim::TickMetrics>& s, std::size_t months) {
  double worst = 0;
  for (std::size_t t = s.size() - months; t < s.size(); ++t) worst = std::max(worst, s[t].max_congestion);
  return worst;
}

}  // namespace

TEST_CASE("platform_investment: the binding resource is the one the service time is spent on", "[agents]") {
  agents::PlatformEconomyParams e;  // invest above 0.8 of a window
  sim::Platform p;
  CHECK(agents::binding_resource(e, p) == agents::BindingResource::None);
  p.compute_load = 0.9;
  CHECK(agents::binding_resource(e, p) == agents::BindingResource::Compute);
  p.compute_load = 0.2;
  p.network_load = 0.7;  // 0.9 in all, mostly transfer
  p.uplink_load = 0.6;
  CHECK(agents::binding_resource(e, p) == agents::BindingResource::Uplink);
  p.uplink_load = 0.1;  // the transfer time is spent on the regions' access links, judged region by region
  CHECK(agents::binding_resource(e, p) == agents::BindingResource::None);
  CHECK(agents::access_binds(e, p, 0.7));
  CHECK_FALSE(agents::access_binds(e, p, 0.5));  // 0.2 + 0.5 < 0.8
  e.network_investment = false;
  CHECK_FALSE(agents::access_binds(e, p, 0.7));
}

TEST_CASE(
    "platform_investment: edge gateways go where the members' traffic congests, not where the mean does",
    "[agents]") {
  // One platform, three regions: region 0's few members overload its access link (transfer 1.5 windows),
  // regions 1 and 2's many members are unloaded. The member-weighted mean transfer load is (1·1.5 + 2·10·0.1)
  // / 21 = 0.17, below invest_above_load: the old mean-load rule invested nowhere (docs/ODD.md 7.92).
  agents::ModelContext c;
  constexpr auto kTelemetry = static_cast<std::size_t>(agents::TrafficKind::Telemetry);
  c.world.regions.resize(3);
  c.world.platforms.resize(1);
  sim::Platform& p = c.world.platforms[0];
  p.alive = true;
  p.cash = sim::Money{1e6};
  p.compute_load = 0.05;
  p.uplink_load = 0.1;
  c.infra.platforms = 1;
  c.infra.route.assign(3, agents::RouteService{});
  const double window = c.params.infrastructure.window_s;
  const double transfer[3] = {1.5, 0.1, 0.1}, members[3] = {1, 10, 10};
  double n = 0, weighted = 0;
  for (std::size_t r = 0; r < 3; ++r) {
    c.infra.route[r].kind_s[kTelemetry] = transfer[r] * window;
    c.infra.route[r].load = transfer[r];
    c.infra.route[r].members = members[r];
    n += members[r];
    weighted += members[r] * transfer[r];
  }
  p.network_load = weighted / n;  // as resolve_service_times sets it
  REQUIRE(p.network_load + p.compute_load < c.params.platform_economy.invest_above_load);
  agents::invest_in_capacity(c, 0);
  const double step = c.params.platform_economy.invest_step * c.params.platform_economy.edge_max;
  CHECK(agents::region_edge_share(p, 0) == Approx(step));
  CHECK(agents::region_edge_share(p, 1) == 0.0);
  CHECK(agents::region_edge_share(p, 2) == 0.0);
  CHECK(p.edge_share == Approx(step / 21.0));  // what the gateways cost: member-weighted
  // Without cash nothing is installed; without network investment neither.
  p.cash = sim::Money{0.0};
  agents::invest_in_capacity(c, 0);
  CHECK(agents::region_edge_share(p, 0) == Approx(step));
  p.cash = sim::Money{1e6};
  c.params.platform_economy.network_investment = false;
  agents::invest_in_capacity(c, 0);
  CHECK(agents::region_edge_share(p, 0) == Approx(step));
}

TEST_CASE("platform_investment: growing platforms stay uncongested only with network investment",
          "[agents][!mayfail]") {
  // The bundled run: access links of the weak regions should bind as membership grows. 1.31 was measured
  // 2026-11-22. [!mayfail] since 2026-12-01: with the stock-flow accounts (issue 12: fewer, paid-for
  // dispatches, imports) late congestion without investment is 1.125 without the warm-up and about 1.05 with
  // the default 24-month warm-up (issue 18), too little traffic to test the investment rule. The bound is not
  // lowered. Issue 14 calibrated the traffic to the seeds' device counts (docs/ODD.md 7.45): still 1.05
  // without investment, 1.00 with it (2026-12-01), since the 2,000-firm world's telemetry stays below the
  // bundled access bandwidth (7.49). docs/ODD.md section 10 row 45. Emerges again since 2026-12-02
  // (7.91, 7.92): at the seed's 250 devices per member and with edge gateways where a region's access binds,
  // [!mayfail] removed.
  // [!mayfail] again since 2026-12-02 (in-plant services, docs/ODD.md 7.102 and section 8): members pay the
  // in-plant price and membership is lower, 0.426 of firms at month 120 against 0.443 with
  // mechanisms.in_plant.enabled=false, so late congestion without investment is 1.176 (1.219 with the service
  // off). The bound is not lowered. On the merged model with the survival change (7.101): 1.160; with the
  // lag-aware in-plant decision and stayer-based case figures (7.106, session-12 merge): 1.177.
  const auto with = test::run(test::load("platform_led.json")).series;
  const auto without =
      test::run(test::load("platform_led.json", {"mechanisms.platform_economy.network_investment=false"}))
          .series;
  INFO("late congestion with " << late_congestion(with, 24) << ", without " << late_congestion(without, 24));
  // Overloaded: service takes at least 20% longer than the window (1.31 measured 2026-11-22).
  CHECK(late_congestion(without, 24) > 1.2);
  CHECK(late_congestion(with, 24) < 1.05);

  // A thin uplink: the data centre's own bandwidth binds, and the platform buys more of it.
  auto thin = test::load("platform_led.json", {"mechanisms.infrastructure.uplink_gbps=0.2"});
  auto r = test::run(thin);
  double uplink = 0;
  for (const auto& p : r.model->world().platforms) uplink = std::max(uplink, p.uplink_gbps);
  thin.mechanisms.platform_economy.network_investment = false;
  const auto stuck = test::run(thin).series;
  INFO("thin uplink: late congestion with " << late_congestion(r.series, 24) << ", without "
                                            << late_congestion(stuck, 24) << "; largest uplink " << uplink);
  CHECK(uplink > 0.2 * 2);
  CHECK(late_congestion(r.series, 24) < 1.05);
  CHECK(late_congestion(stuck, 24) > 1.5);
}

// Platform fee learning: Roth–Erev propensities judged against a profit aspiration (docs/ODD.md 7.21).
#include "agents/platform_strategy.hpp"

#include <array>

#include "agents/cluster_model.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
/** Platforms that cannot cover their costs: the 400-firm platform-led world after 24 months, when members
 * trade on its platforms, from which month their fixed cost is 20 M yuan a month, so every alive platform
 * loses money and fails after 3 months of losses with negative cash, within the next 12 months. */
agents::ClusterModel failing_platforms_model() {
  agents::ClusterModel model = scenarios::build_model(
      test::load("platform_led.json", {"mechanisms.population.count=400", "ticks=36"}));
  for (int t = 0; t < 24; ++t) model.step();
  auto& e = model.mutable_context().params.platform_economy;
  e.fixed_cost = 20e6;
  e.fail_loss_months = 3;
  return model;
}

/** The platform-led world at month 12, its platforms with fresh learners and loads that trigger no
 * investment. */
agents::ClusterModel fresh_learners() {
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=12"}));
  for (int t = 0; t < 12; ++t) model.step();
  agents::ModelContext& c = model.mutable_context();
  for (auto& pl : c.world.platforms) {
    pl.compute_load = pl.uplink_load = pl.network_load = 0.0;
    pl.fee_propensity[0] = pl.fee_propensity[1] = pl.fee_propensity[2] = 1.0;
    pl.has_aspiration = false;
    pl.last_quarter_profit = 0.0;
  }
  return model;
}

/** Settles `months` months in which platform 0 earns `profit` a month; returns its propensities. */
std::array<double, 3> settle(agents::ModelContext& c, int months, double profit, int action) {
  sim::Platform& pl = c.world.platforms[0];
  for (int m = 0; m < months; ++m) {
    c.world.tick += 1;
    pl.revenue = sim::Money{profit + 1e6};
    pl.cost = sim::Money{1e6};
    pl.last_fee_action = action;  // judge the same move every quarter
    agents::settle_platforms(c);
  }
  return {pl.fee_propensity[0], pl.fee_propensity[1], pl.fee_propensity[2]};
}

}  // namespace

TEST_CASE("platform_strategy: a quarter the platform was not alive for in full is not judged", "[agents]") {
  // docs/ODD.md 7.21: a platform launched within a quarter would otherwise set its aspiration from one or
  // two months' profit and judge its next full quarter against it.
  agents::ClusterModel model = fresh_learners();
  agents::ModelContext& c = model.mutable_context();
  c.world.tick = 12;
  sim::Platform& pl = c.world.platforms[0];
  pl.launch_tick = 14;  // launched in the last month of the quarter that ends at 15
  const double fee = pl.transaction_fee;
  auto q = settle(c, 3, -2e6, 2);
  CHECK_FALSE(pl.has_aspiration);
  CHECK(pl.last_quarter_profit == 0.0);
  CHECK(pl.transaction_fee == fee);
  CHECK(q[0] == 1.0);
  CHECK(q[2] == 1.0);
  // Its first full quarter sets the aspiration (ρ = 0), so a steady loss reinforces no move after it.
  q = settle(c, 6, -2e6, 2);
  CHECK(pl.has_aspiration);
  CHECK(pl.fee_aspiration == Approx(-6e6));
  CHECK(q[2] == Approx(q[0]));
}

TEST_CASE("platform_strategy: a learned fee never rises above fee_ceiling, and a fee above it is pulled down",
          "[agents]") {
  // docs/ODD.md 7.21 step 4: fee ← clamp(fee · f_a, 0, min(fee_ceiling, fee_cap)).
  agents::ClusterModel model = fresh_learners();
  agents::ModelContext& c = model.mutable_context();
  c.world.tick = 12;
  c.params.platform_economy.fee_ceiling = 0.03;
  sim::Platform& pl = c.world.platforms[0];
  pl.transaction_fee = 0.05;
  pl.fee_propensity[0] = pl.fee_propensity[1] = 0.01;  // "raise" all but certain
  pl.fee_propensity[2] = 100.0;
  settle(c, 3, 5e6, 2);
  CHECK(pl.transaction_fee == Approx(0.03));
  for (int quarter = 0; quarter < 8; ++quarter) {
    settle(c, 3, 5e6, 2);
    CHECK(pl.transaction_fee <= 0.03);
  }
  CHECK(pl.transaction_fee == Approx(0.03));
}

TEST_CASE("platform_strategy: a steady profit reinforces no fee move", "[agents]") {
  // Judged by the level of profit, every move of a profitable platform would be reinforced and the
  // fee would lock in toward 0 or the cap; judged against the aspiration, a steady profit is neutral.
  agents::ClusterModel model = fresh_learners();
  agents::ModelContext& c = model.mutable_context();
  c.world.tick = 12;
  const auto q = settle(c, 36, 5e6, 2);  // a year of "raise" at a steady 5 million a month
  CHECK(q[2] == Approx(q[0]));
  CHECK(q[2] == Approx(q[1]));
}

TEST_CASE("platform_strategy: a move that beats the aspiration is reinforced, one that falls short is not",
          "[agents]") {
  agents::ClusterModel model = fresh_learners();
  agents::ModelContext& c = model.mutable_context();
  c.world.tick = 12;
  settle(c, 3, 5e6, 1);           // the first quarter sets the aspiration
  auto q = settle(c, 3, 8e6, 2);  // a raise, then a better quarter
  CHECK(q[2] > q[0]);
  CHECK(q[2] > q[1]);
  const double raised = q[2];
  q = settle(c, 3, 1e6, 2);  // another raise, then a much worse quarter
  CHECK(q[2] < raised);
  CHECK(q[2] >= 0.01);  // propensities stay positive
  CHECK(c.world.platforms[0].fee_aspiration < 8e6 * 3);
}

TEST_CASE(
    "platform_strategy: a failing platform exits and its losses are the ledger's liquidation and write-off",
    "[agents]") {
  // Platforms that cannot cover their costs: a huge fixed cost, little launch capital, failure after 3 loss
  // months (docs/ODD.md 7.21, 7.50). Their recorded losses must equal what the accounts book: the owners'
  // capital less what households get back at liquidation, plus the loans the lender writes off.
  agents::ClusterModel model = failing_platforms_model();
  using sim::FlowKind, sim::Sector;
  const auto at = [](Sector s) { return static_cast<std::size_t>(s); };
  double liquidated = 0, written_off = 0;
  for (int t = 0; t < 12; ++t) {
    model.step();
    const auto& f = model.context().ledger.flows();
    liquidated +=
        f[at(Sector::Platforms)][at(Sector::Households)][static_cast<std::size_t>(FlowKind::Liquidation)];
    written_off += f[at(Sector::Lender)][at(Sector::Platforms)][static_cast<std::size_t>(FlowKind::WriteOff)];
  }
  double losses = 0, equity = 0;
  int failed = 0;
  for (const auto& pl : model.world().platforms) {
    if (pl.failed_tick < 0) continue;
    ++failed;
    INFO(pl.name << " failed at " << pl.failed_tick << " with losses " << pl.losses.yuan);
    CHECK_FALSE(pl.alive);
    CHECK(pl.losses.yuan > 0.0);
    CHECK(pl.cash.yuan == 0.0);
    CHECK(pl.loan.yuan == 0.0);
    losses += pl.losses.yuan;
    equity += pl.equity_in.yuan;
  }
  REQUIRE(failed > 0);
  CHECK(written_off > 0.0);
  CHECK(losses == Approx(equity - liquidated + written_off).epsilon(1e-9));
}

TEST_CASE("platform_strategy: a platform that fails carries no tie from that month on", "[agents]") {
  // docs/ODD.md 7.19, 7.21: when a platform fails its ties go offline at once, so next month's order traffic
  // (7.45), order handling and GMV no longer pass through a platform whose books are closed.
  agents::ClusterModel model = failing_platforms_model();
  int failures_checked = 0;
  std::size_t ties_before = 0;
  for (int t = 0; t < 12; ++t) {
    // Ties on each platform before this month's failures.
    const auto& g0 = model.world().network;
    std::vector<std::size_t> on(model.world().platforms.size(), 0);
    for (std::size_t v = 0; v < boost::num_vertices(g0); ++v)
      for (auto [e, end] = boost::in_edges(v, g0); e != end; ++e)
        if (g0[*e].channel == sim::TieChannel::Platform && g0[*e].platform < on.size()) ++on[g0[*e].platform];
    model.step();
    const auto& w = model.world();
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      if (w.platforms[p].failed_tick != w.tick) continue;
      ++failures_checked;
      ties_before += on[p];
      std::size_t left = 0;
      for (std::size_t v = 0; v < boost::num_vertices(w.network); ++v)
        for (auto [e, end] = boost::in_edges(v, w.network); e != end; ++e)
          left += w.network[*e].channel == sim::TieChannel::Platform && w.network[*e].platform == p;
      INFO(w.platforms[p].name << " failed at " << w.tick);
      CHECK(left == 0);
    }
  }
  REQUIRE(failures_checked > 0);
  CHECK(ties_before > 0);  // the failing platforms did carry ties
}

TEST_CASE("platform_strategy: a failed platform's members lose it, and its services, in the month it fails",
          "[agents]") {
  // docs/ODD.md 7.21: learning, supplier search and collaboration later in the failure month read the
  // roster and service access, which are refreshed in the failure step, not at next month's roster.
  agents::ClusterModel model = failing_platforms_model();
  int failures_checked = 0;
  std::size_t members_before = 0;
  for (int t = 0; t < 12; ++t) {
    std::vector<std::size_t> members(model.world().platforms.size(), 0);
    for (std::size_t p = 0; p < members.size(); ++p) members[p] = model.world().platforms[p].members;
    model.step();
    const auto& w = model.world();
    const auto& c = model.context();
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      if (w.platforms[p].failed_tick != w.tick) continue;
      ++failures_checked;
      members_before += members[p];
      INFO(w.platforms[p].name << " failed at " << w.tick);
      CHECK(w.platforms[p].members == 0);
      for (auto i : c.directory.alive()) {
        CHECK_FALSE(w.firms.member_of(i, p));
        CHECK(c.services_of(i).dispatch_platform != static_cast<std::int32_t>(p));
        CHECK(c.services_of(i).marketplace_platform != static_cast<std::int32_t>(p));
      }
      for (auto i : c.alive_members) CHECK_FALSE(w.firms.member_of(i, p));
    }
  }
  REQUIRE(failures_checked > 0);
  CHECK(members_before > 0);  // the failing platforms had members
}

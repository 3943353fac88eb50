// Platform fee learning: Roth–Erev propensities judged against a profit aspiration (docs/ODD.md 7.21).
#include "agents/platform_strategy.hpp"

#include <array>

#include "agents/cluster_model.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

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

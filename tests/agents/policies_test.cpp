// Government policies: spending per month within start, end and budget; infrastructure roll-outs
// (docs/ODD.md 7.24).
#include "agents/policies.hpp"

#include "agents/cluster_model.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("policies: vouchers pay only while in force and stop when the budget is used up", "[agents]") {
  // classroom_vouchers: 60% of SMEs' cloud cost from month 12 to 60; a budget small enough to bind.
  const double budget = 1.0e6;
  auto r = test::run(test::load("classroom_vouchers.json", {"policies[0].budget=" + std::to_string(budget)}));
  double cumulative = 0.0;
  int paying = 0, last_paid = -1;
  for (const auto& m : r.series) {
    const int tick = static_cast<int>(m.tick);
    if (tick < 12 || tick > 60) CHECK(m.policy_spend == 0.0);
    CHECK(m.policy_spend >= 0.0);
    cumulative += m.policy_spend;
    CHECK(m.policy_spend_cumulative == Approx(cumulative));
    if (m.policy_spend > 0.0) {
      ++paying;
      last_paid = tick;
    }
  }
  INFO("paid in " << paying << " months, last at " << last_paid << ", in all " << cumulative);
  CHECK(cumulative <= budget * (1.0 + 1e-12));
  CHECK(cumulative > 0.99 * budget);  // the budget binds
  CHECK(last_paid < 60);              // ... before the policy's end
  REQUIRE(r.model->policies().size() == 1);
  CHECK(r.model->policies()[0].spent.yuan == Approx(cumulative));

  // With the bundled budget the same policy pays in every month it is in force.
  auto full = test::run(test::load("classroom_vouchers.json"));
  for (const auto& m : full.series)
    if (m.tick >= 12 && m.tick <= 60) CHECK(m.policy_spend > 0.0);
}

TEST_CASE("policies: an infrastructure roll-out raises only its regions, by its gain, at its cost",
          "[agents]") {
  // infrastructure_5g: Qingdao, Wuhan and Chengdu +0.4 over 6 months from month 36, 2e8 yuan per level.
  const auto before = test::run(test::load("infrastructure_5g.json", {"ticks=35"}));
  const auto after = test::run(test::load("infrastructure_5g.json", {"ticks=48"}));
  const auto& r0 = before.model->world().regions;
  const auto& r1 = after.model->world().regions;
  for (std::size_t k = 0; k < r1.size(); ++k) {
    const bool targeted = r1[k].name == "Qingdao" || r1[k].name == "Wuhan" || r1[k].name == "Chengdu";
    INFO(r1[k].name << ": " << r0[k].infrastructure << " → " << r1[k].infrastructure);
    CHECK(r1[k].infrastructure == Approx(r0[k].infrastructure + (targeted ? 0.4 : 0.0)));
  }
  CHECK(after.series.back().policy_spend_cumulative == Approx(3 * 0.4 * 2.0e8));
  // At no cost the same roll-out builds in full and spends nothing (was 0/0: a NaN level).
  const auto free =
      test::run(test::load("infrastructure_5g.json",
                           {"ticks=48", "mechanisms.population.count=300", "policies[0].cost_per_level=0"}));
  for (std::size_t k = 0; k < r1.size(); ++k) {
    INFO(r1[k].name);
    CHECK(free.model->world().regions[k].infrastructure == Approx(r1[k].infrastructure));
  }
  CHECK(free.series.back().policy_spend_cumulative == 0.0);
}

TEST_CASE("policies: a founder counts on the co-funding the budget left can pay, not the full share",
          "[agents]") {
  // docs/ODD.md 7.50: the founder's hurdle uses what cofund_launch would grant, the policy's share capped by
  // its remaining budget (§10 row 83 (e)).
  auto model =
      scenarios::build_model(test::load("platform_cultivation.json", {"mechanisms.population.count=300"}));
  auto& c = model.mutable_context();
  REQUIRE(!c.policies.empty());
  auto& p = c.policies[0];
  c.world.tick = p.start;
  const double cost = 3.0e7, share = p.platform_subsidy_share;
  const sim::RegionId host{0};
  CHECK(agents::launch_cofund_share(c, host, -1, cost) == Approx(share));
  p.spent = p.budget - sim::Money{0.1 * share * cost};  // a tenth of the share is left
  CHECK(agents::launch_cofund_share(c, host, -1, cost) == Approx(0.1 * share));
  // ... and that is what the launch is paid.
  CHECK(agents::cofund_launch(c, host, -1, cost) == Approx(0.1 * share * cost));
  CHECK(agents::launch_cofund_share(c, host, -1, cost) == 0.0);  // nothing left
}

namespace {

/** classroom_vouchers (60% of SMEs' cloud cost) alone, and with a second voucher programme `extra` declared
 * before (`first`) or after it; 600 firms, 18 months. Subsidies must agree firm by firm to `tolerance`. */
struct VoucherPair {
  test::RunResult alone, both;
  double paid_alone = 0.0;  ///< every firm's subsidies in the one-programme run (yuan)
};
VoucherPair run_voucher_pair(double extra_share, bool first, double tolerance) {
  const auto one = test::load("classroom_vouchers.json", {"ticks=18", "mechanisms.population.count=600"});
  REQUIRE(one.policies.size() == 1);
  REQUIRE(one.policies[0].subsidy_share == Approx(0.6));
  auto two = one;
  auto extra = one.policies[0];
  extra.name = "SME cloud vouchers, second programme";
  extra.subsidy_share = extra_share;
  two.policies.insert(first ? two.policies.begin() : two.policies.end(), extra);
  VoucherPair r{test::run(one), test::run(two)};
  const auto& fa = r.alone.model->context().world.firms;
  const auto& fb = r.both.model->context().world.firms;
  REQUIRE(fa.size() == fb.size());
  // Firm by firm the two runs pay the same: the programmes together pay the largest share, 60%.
  for (sim::FirmIndex i = 0; i < fa.size(); ++i) {
    CHECK(fb.subsidy[i].yuan == Approx(fa.subsidy[i].yuan).epsilon(tolerance));
    r.paid_alone += fa.subsidy[i].yuan;
  }
  REQUIRE(r.paid_alone > 0.0);
  return r;
}

}  // namespace

TEST_CASE("policies: overlapping vouchers together pay the largest share of a firm's cloud cost, not the sum",
          "[agents]") {
  // classroom_vouchers twice over: two programmes at 60% for the same SMEs. Readiness counts 60% (7.16);
  // so is the money: the second tops the first up to its own share, which is already paid.
  const auto r = run_voucher_pair(0.6, false, 0.0);  // the same run, byte for byte
  CHECK(r.both.model->policies()[0].spent.yuan == r.alone.model->policies()[0].spent.yuan);
  CHECK(r.both.model->policies()[1].spent.yuan == 0.0);
}

TEST_CASE("policies: a larger voucher share tops up a smaller one to its own share", "[agents]") {
  // A 30% programme declared first and the 60% one: the first pays 30% of each targeted firm's cloud cost,
  // the second the other 30% (7.24).
  const auto r = run_voucher_pair(0.3, true, 1e-9);  // 0.3c + (0.6c - 0.3c): last bits
  const double first = r.both.model->policies()[0].spent.yuan,
               second = r.both.model->policies()[1].spent.yuan;
  CHECK(first + second == Approx(r.paid_alone).epsilon(1e-9));
  CHECK(first == Approx(second).epsilon(1e-9));  // 30% each
}

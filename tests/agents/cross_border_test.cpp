// Export demand and platforms' cross-border matchmaking (docs/ODD.md 7.78–7.80).
#include "agents/cross_border.hpp"

#include <cmath>

#include "agents/household_consumption.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/trade.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {
// Foreign demand is on by default since 7.85 (its orders capped by the rest of the world's budget); these
// tests set the documented full-reach potential explicitly.
const std::string kDemand = "mechanisms.cross_border.export_potential=0.5";

double flow(const agents::ModelContext& c, sim::Sector a, sim::Sector b, sim::FlowKind k) {
  return c.ledger
      .flows()[static_cast<std::size_t>(a)][static_cast<std::size_t>(b)][static_cast<std::size_t>(k)];
}
}  // namespace

TEST_CASE("cross_border: a platform raises foreign buyers' reach only through the record its ratings reveal",
          "[agents]") {
  auto r =
      test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13", kDemand}));
  auto& c = r.model->mutable_context();
  const double off = c.params.cross_border.offline_reach;
  CHECK(agents::export_reach(c, -1) == off);
  bool some = false;
  for (std::size_t p = 0; p < c.world.platforms.size(); ++p) {
    if (!c.world.platforms[p].alive) continue;
    const double w = agents::rating_weight(c, p);
    CHECK(agents::export_reach(c, static_cast<std::int32_t>(p)) == Approx(off + (1.0 - off) * w));
    some = some || w > 0.0;
  }
  CHECK(some);
  // Ratings that reveal nothing leave a listed member where it is offline: no advantage by assumption.
  c.params.information.rating_visibility = 0.0;
  for (std::size_t p = 0; p < c.world.platforms.size(); ++p)
    if (c.world.platforms[p].alive) CHECK(agents::export_reach(c, static_cast<std::int32_t>(p)) == off);
}

TEST_CASE("cross_border: members subscribe when the margin on the added exports covers the fee", "[agents]") {
  auto r =
      test::run(test::load("platform_led.json", {"mechanisms.population.count=600", "ticks=13", kDemand}));
  auto& c = r.model->mutable_context();
  auto& f = c.world.firms;
  for (auto i : c.directory.alive()) f.orders[i] = 0.0;
  agents::allocate_exports(c);
  std::size_t subscribers = 0, members = 0;
  for (auto i : c.directory.alive()) {
    if (!c.is_final_stage(i)) {
      CHECK(agents::export_units(c, i) == 0.0);
      continue;
    }
    CHECK(f.orders[i] == Approx(agents::export_units(c, i)));
    const std::int32_t p = agents::cross_border_candidate(c, i);
    if (p < 0) continue;
    ++members;
    if (agents::cross_border_fee(c, i) > 0.0) {
      ++subscribers;
      CHECK(c.cross_border_platform[i] == p);
      // Its exports are the offline ones scaled by reach_listed / reach_off; the platform's part is the rest.
      const double listed = agents::export_reach(c, p), off = agents::export_reach(c, -1);
      CHECK(c.platform_export_units[i] == Approx(agents::export_units(c, i) * (listed - off) / listed));
    } else {
      CHECK(c.platform_export_units[i] == 0.0);
    }
  }
  INFO(subscribers << " of " << members << " final-stage members subscribe");
  CHECK(members > 0);
  CHECK(subscribers > 0);
  // At a fee no margin covers, nobody subscribes and every export is an offline one.
  c.params.cross_border.fee_per_month = 1e12;
  agents::allocate_exports(c);
  for (auto i : c.directory.alive()) {
    CHECK(agents::cross_border_fee(c, i) == 0.0);
    CHECK(c.platform_export_units[i] == 0.0);
  }
  // Without foreign demand there is nothing to order.
  c.params.cross_border.export_potential = 0.0;
  agents::allocate_exports(c);
  for (auto i : c.directory.alive()) CHECK(agents::export_units(c, i) == 0.0);
}

TEST_CASE("cross_border: the rest of the world pays for exports, members pay the fee to their platform",
          "[agents]") {
  using sim::FlowKind;
  using sim::Sector;
  const std::vector<std::string> base = {"mechanisms.population.count=600", "ticks=24", kDemand};
  auto on = test::run(test::load("platform_led.json", base));
  auto sets = base;
  sets.push_back("platforms[*].services.cross_border=false");
  auto off = test::run(test::load("platform_led.json", sets));
  const auto& c_on = on.model->context();
  const auto& c_off = off.model->context();
  // The month's fees: one per subscriber, booked firms → platforms.
  double fees = 0.0;
  for (sim::FirmIndex i = 0; i < c_on.world.firms.size(); ++i) fees += agents::cross_border_fee(c_on, i);
  CHECK(fees > 0.0);
  CHECK(flow(c_on, Sector::Firms, Sector::Platforms, FlowKind::CrossBorderFee) == Approx(fees));
  CHECK(flow(c_off, Sector::Firms, Sector::Platforms, FlowKind::CrossBorderFee) == 0.0);
  CHECK(flow(c_on, Sector::RestOfWorld, Sector::Firms, FlowKind::Exports) > 0.0);
  CHECK(flow(c_off, Sector::RestOfWorld, Sector::Firms, FlowKind::Exports) > 0.0);  // offline reach
  CHECK(on.series.back().platform_export_share > 0.0);
  CHECK(off.series.back().platform_export_share == 0.0);
  // The level of exports is the rest of the world's budget (7.85), not the listing: the platform changes
  // whom foreign buyers buy from. The export *shares* of the two runs differ (0.086 with the service, 0.056
  // without at month 24) because their budgets differ: the budget is last month's imports, and the spot
  // inputs no cluster firm makes (0.9-4.4e7 yuan a month in this 600-firm world) depend on which types
  // exist, which entry and exit change differently in the two runs (7.96). What the listing cannot change
  // is the share of the budget spent: in both runs foreign buyers spend it all but what stock-outs leave.
  CHECK(on.series.back().export_share > 0.0);
  const auto spent = [&](const agents::ModelContext& c) {
    return flow(c, Sector::RestOfWorld, Sector::Firms, FlowKind::Exports) / c.row_budget;
  };
  INFO("exports / budget at month 24: with the service " << spent(c_on) << ", without " << spent(c_off));
  CHECK(spent(c_on) <= 1.0 + 1e-9);
  CHECK(spent(c_off) <= 1.0 + 1e-9);
  CHECK(std::fabs(spent(c_on) - spent(c_off)) < 0.05 * spent(c_off));
  // Without export demand no firm gets foreign buyers' orders; the budget is spent in the households' mix.
  sets = base;
  sets.push_back("mechanisms.cross_border.export_potential=0");
  auto none = test::run(test::load("platform_led.json", sets));
  for (sim::FirmIndex i = 0; i < none.model->context().world.firms.size(); ++i)
    CHECK(agents::export_units(none.model->context(), i) == 0.0);
  CHECK(none.series.back().export_share > 0.0);
  CHECK(none.series.back().platform_export_share == 0.0);
}

TEST_CASE("cross_border: world income enters the rest of the world from outside the model and is spent",
          "[agents]") {
  using sim::FlowKind;
  using sim::Sector;
  const std::vector<std::string> base = {"mechanisms.population.count=600", "ticks=13"};
  auto with_income = base;
  with_income.push_back("mechanisms.cross_border.world_income_share=0.117");
  auto on = test::run(test::load("platform_led.json", with_income));
  auto off = test::run(test::load("platform_led.json", base));
  const auto& c_on = on.model->context();
  const auto& c_off = off.model->context();
  // This month's income, W = eps/(1 - eps) * B * ((1 + g_w)/(1 + g_d))^(t/12), booked world -> rest of world.
  const double w = agents::world_income(c_on);
  const auto& cb = c_on.params.cross_border;
  CHECK(w == Approx(0.117 / (1.0 - 0.117) * agents::base_final_spending(c_on) *
                    std::pow((1.0 + cb.world_income_growth_per_year) /
                                 (1.0 + c_on.params.market.demand_growth_per_year),
                             13.0 / 12.0)));
  CHECK(w > 0.0);
  CHECK(flow(c_on, Sector::World, Sector::RestOfWorld, FlowKind::WorldIncome) == Approx(w));
  CHECK(c_on.row_budget >= w);
  // The world's deposits are minus the income paid so far: at least 13 months of it, nothing else.
  CHECK(c_on.ledger.world_deposits() < -12.0 * 0.5 * w);
  // Off by default: no flow, no world deposits.
  CHECK(agents::world_income(c_off) == 0.0);
  CHECK(c_off.ledger.world_deposits() == 0.0);
  // Foreign buyers spend it: the export share rises by about the income's share.
  INFO("export share with world income " << on.series.back().export_share << ", without "
                                         << off.series.back().export_share);
  CHECK(on.series.back().export_share > off.series.back().export_share + 0.05);
}

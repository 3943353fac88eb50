// The stock-flow identities hold every tick of every bundled scenario, and a leak stops the run
// (docs/ODD.md 7.28). The check runs inside ClusterModel::step, so every test that steps a model has it on.
#include "agents/accounts.hpp"

#include "agents/cluster_model.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("accounts: every bundled scenario keeps its accounts every tick", "[agents]") {
  const char* names[] = {"traditional.json",        "platform_led.json",     "one_plus_n.json",
                         "pilot_program.json",      "shock_resilience.json", "infrastructure_5g.json",
                         "classroom_platform.json", "classroom_small.json",  "classroom_vouchers.json"};
  for (const char* name : names) {
    INFO(name);
    const auto s = test::load(name, {"ticks=36"});
    agents::ClusterModel model = scenarios::build_model(s);
    double credit = 0.0, households = 0.0;
    for (int t = 0; t < s.ticks; ++t) {
      const auto firms = static_cast<std::size_t>(sim::Sector::Firms);
      const double finished_before = model.context().ledger.stocks()[firms].finished_units;
      REQUIRE_NOTHROW(model.step());  // step() throws sim::StockFlowViolation on any failed identity
      const auto& L = model.context().ledger;
      CHECK(L.tick() == t + 1);
      const auto& g = L.closed_goods();
      const double d_finished = L.stocks()[firms].finished_units - finished_before;
      CHECK(g.production + g.imports == Approx(g.deliveries + g.losses + d_finished).epsilon(1e-9));
      credit += L.flows()[static_cast<std::size_t>(sim::Sector::Lender)][static_cast<std::size_t>(
          sim::Sector::Firms)][static_cast<std::size_t>(sim::FlowKind::Loan)];
      households = L.household_deposits();
    }
    // Stocks measured from the state agree with what the ledger closed.
    const auto now = agents::measure_stocks(model.context());
    const auto& closed = model.context().ledger.stocks();
    for (std::size_t k = 0; k < sim::kSectors; ++k) CHECK(now[k].loans == closed[k].loans);
    CHECK(households == closed[static_cast<std::size_t>(sim::Sector::Households)].deposits);
    CHECK(credit >= 0.0);
  }
}

TEST_CASE("accounts: cash that appears without a payment stops the next tick with the sector named",
          "[agents]") {
  agents::ClusterModel model = scenarios::build_model(test::small());
  for (int t = 0; t < 3; ++t) model.step();
  auto& c = model.mutable_context();
  c.world.firms.cash[c.directory.alive().front()] += sim::Money{1.0e6};  // a leak
  try {
    model.step();
    FAIL("the leak was not detected");
  } catch (const sim::StockFlowViolation& e) {
    CHECK(e.violation.tick == 4);
    CHECK(e.violation.sector == "firms");
    CHECK(e.violation.gap == Approx(1.0e6));
  }
}

TEST_CASE("accounts: a policy that spends without paying anyone is caught at the government", "[agents]") {
  agents::ClusterModel model = scenarios::build_model(test::load("pilot_program.json", {"ticks=36"}));
  model.step();
  model.mutable_context().policies.front().spent += sim::Money{5.0e4};
  CHECK_THROWS_AS(model.step(), sim::StockFlowViolation);
}

// Goods conservation in trade (docs/ODD.md 7.3, 7.20, 7.28): Leontief output, a spot market that sells
// only what was made, and dispatch produced once, paid by the sender and counted once in GMV.
#include "agents/trade.hpp"

#include "agents/cluster_model.hpp"
#include "scenarios/world_builder.hpp"
#include "sim/parallel_for.hpp"
#include "sim/tie_compaction.hpp"
#include "test_support.hpp"
#include "tie_checks.hpp"

using namespace vicsim;

TEST_CASE("trade: no firm produces more than its capacity or its inputs allow (Leontief)", "[agents]") {
  // Demand far above capacity: inputs run short everywhere.
  agents::ClusterModel model = scenarios::build_model(
      test::small({"mechanisms.market.demand_growth_per_year=1", "mechanisms.trade.imports=false"}));
  sim::InputSlotValues stock_before;
  std::vector<double> capacity_before;
  double lost = 0.0;
  for (int t = 0; t < 24; ++t) {
    const auto& f = model.context().world.firms;
    stock_before = f.input_stock;
    capacity_before.assign(f.size(), 0.0);
    for (sim::FirmIndex i = 0; i < f.size(); ++i) capacity_before[i] = f.capacity(i);
    model.step();
    const auto& c = model.context();
    for (auto i : c.directory.alive()) {
      if (f.entry_tick[i] == c.world.tick) continue;
      CHECK(f.output[i] <= capacity_before[i] * (1.0 + 1e-12) + 1e-9);
      const auto& needs = c.needs[c.type_key(i)];
      double before = 0.0, after = 0.0, per_unit = 0.0;
      for (std::size_t s = 0; s < needs.size(); ++s) {
        before += i < stock_before.size() ? stock_before[i][s] : 0.0;
        after += f.input_stock[i][s];
        per_unit += needs[s].per_unit;
      }
      // Leontief: inputs used are at most what was in stock plus what arrived; the rest is carried.
      CHECK(f.output[i] * per_unit <= (before + f.inputs_bought[i]) * (1.0 + 1e-12) + 1e-9);
      CHECK(after == Approx(before + f.inputs_bought[i] - f.output[i] * per_unit).margin(1e-6));
      CHECK(c.output_scale[i] <= 1.0);
      lost += f.lost_units[i];
    }
  }
  CHECK(lost > 0.0);  // stock-outs are lost sales, visible as a shortfall
}

TEST_CASE("trade: the spot market sells only what its sellers made", "[agents]") {
  agents::ClusterModel model = scenarios::build_model(
      test::small({"mechanisms.market.demand_growth_per_year=1", "mechanisms.trade.imports=false"}));
  bool rationed = false;
  for (int t = 0; t < 24; ++t) {
    model.step();
    const auto& c = model.context();
    const auto& f = c.world.firms;
    std::vector<double> sold(c.directory.n_types(), 0.0), bought(c.directory.n_types(), 0.0);
    for (sim::FirmIndex i = 0; i < f.size(); ++i) {
      if (f.entry_tick[i] == c.world.tick || !(f.alive[i] || f.exit_tick[i] == c.world.tick)) continue;
      sold[c.type_key(i)] += f.spot_sold[i];
      // Spot value is bought at the supplier type's mean price, so units per type follow from slots.
      const auto& needs = c.needs[c.type_key(i)];
      if (needs.size() == 1)
        bought[c.directory.type_key(needs[0].industry, needs[0].stage)] += f.spot_bought[i];
    }
    for (std::size_t u = 0; u < sold.size(); ++u) {
      CHECK(bought[u] <= sold[u] * (1.0 + 1e-9) + 1e-6);
      rationed = rationed || c.spot_ratio[u] < 1.0 - 1e-9;
    }
  }
  CHECK(rationed);
}

TEST_CASE("trade: with imports on, spot requests the cluster cannot make come from the rest of the world",
          "[agents]") {
  agents::ClusterModel model =
      scenarios::build_model(test::small({"mechanisms.market.demand_growth_per_year=1"}));
  double imported = 0.0, paid = 0.0, exported = 0.0, bought_abroad = 0.0;
  // The warm-up (7.1a) already imported; count this test's 24 months only.
  const double before = model.context().ledger.rest_of_world_deposits();
  for (int t = 0; t < 24; ++t) {
    model.step();
    const auto& L = model.context().ledger;
    imported += L.closed_goods().imports;
    paid += L.flows()[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(
        sim::Sector::RestOfWorld)][static_cast<std::size_t>(sim::FlowKind::Imports)];
    // Households buy a share of their consumption abroad (7.85).
    bought_abroad += L.flows()[static_cast<std::size_t>(sim::Sector::Households)][static_cast<std::size_t>(
        sim::Sector::RestOfWorld)][static_cast<std::size_t>(sim::FlowKind::ConsumerImports)];
    // Under income_wealth consumption (the default) the rest of the world spends its receipts (7.70).
    for (std::size_t b = 0; b < sim::kSectors; ++b)
      exported += L.flows()[static_cast<std::size_t>(sim::Sector::RestOfWorld)][b]
                           [static_cast<std::size_t>(sim::FlowKind::Exports)];
    for (double r : model.context().spot_ratio) CHECK((r == 1.0 || r == 0.0));
  }
  CHECK(imported > 0.0);
  CHECK(paid > 0.0);
  CHECK(exported > 0.0);
  CHECK(model.context().ledger.rest_of_world_deposits() - before == Approx(paid + bought_abroad - exported));
}

TEST_CASE("trade: dispatched units are made once by receivers, paid by senders, counted once in GMV",
          "[agents]") {
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=48"}));
  double moved = 0.0;
  for (int t = 0; t < 48; ++t) {
    model.step();
    const auto& c = model.context();
    const auto& f = c.world.firms;
    double in = 0.0, out = 0.0, paid_in = 0.0, paid_out = 0.0, fees = 0.0, gmv = 0.0;
    std::size_t both = 0;  // a firm with overflow of its own takes none of others' (7.20)
    for (sim::FirmIndex i = 0; i < f.size(); ++i) {
      if (f.entry_tick[i] == c.world.tick || !(f.alive[i] || f.exit_tick[i] == c.world.tick)) continue;
      both += f.dispatched_in[i] > 0.0 && f.dispatched_out[i] > 0.0;
      in += f.dispatched_in[i];
      out += f.dispatched_out[i];
      paid_in += f.transfer_in[i].yuan;
      paid_out += f.transfer_out[i].yuan;
    }
    for (const auto& pl : c.world.platforms) gmv += pl.gmv;
    fees = c.ledger.flows()[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(
        sim::Sector::Platforms)][static_cast<std::size_t>(sim::FlowKind::DispatchFee)];
    CHECK(in == Approx(out).epsilon(1e-9));                   // every unit handed over was made
    CHECK(paid_out == Approx(paid_in + fees).epsilon(1e-9));  // senders pay receivers and the platform
    CHECK(c.stats.dispatched_units == Approx(in).epsilon(1e-9).margin(1e-9));
    CHECK(gmv == Approx(c.stats.platform_gmv).epsilon(1e-9));
    INFO("month " << c.world.tick);
    CHECK(both == 0);
    moved += in;
  }
  CHECK(moved > 0.0);
}

TEST_CASE("trade: standard finished goods over-produced are carried, serve next month's orders first and age",
          "[agents]") {
  // No personalised demand: every unit of forecast over-shoot is a standard good that can be carried.
  agents::ClusterModel model = scenarios::build_model(
      test::small({"mechanisms.services.c2m_share=0", "mechanisms.services.forecast_error_sd=0.3"}));
  const double omega = model.context().params.trade.obsolescence_per_month;
  bool carried = false, served = false;
  for (int t = 0; t < 12; ++t) {
    const std::vector<double> before = model.context().world.firms.finished_stock;
    model.step();
    const auto& c = model.context();
    const auto& f = c.world.firms;
    for (auto i : c.directory.alive()) {
      if (f.entry_tick[i] == c.world.tick) continue;
      const double k0 = i < before.size() ? before[i] : 0.0;
      // Orders are served from stock first, up to the orders.
      CHECK(f.from_stock[i] == Approx(std::fmin(k0, f.orders[i])).margin(1e-9));
      // What is left of the old stock plus this month's unsold units is carried, less obsolescence.
      const double carry = k0 - f.from_stock[i] + f.unsold[i];
      CHECK(f.finished_stock[i] == Approx((1.0 - omega) * carry).margin(1e-6));
      CHECK(f.scrapped[i] == Approx(omega * carry).margin(1e-6));
      if (!c.is_final_stage(i)) CHECK(f.finished_stock[i] == 0.0);
      carried = carried || f.finished_stock[i] > 0.0;
      served = served || f.from_stock[i] > 0.0;
    }
  }
  CHECK(carried);
  CHECK(served);
}

TEST_CASE("trade: personalised over-production is scrapped, not carried", "[agents]") {
  agents::ClusterModel model = scenarios::build_model(test::small({"mechanisms.services.c2m_share=1"}));
  double unsold = 0.0;
  for (int t = 0; t < 12; ++t) {
    model.step();
    const auto& c = model.context();
    for (auto i : c.directory.alive()) {
      CHECK(c.world.firms.finished_stock[i] == 0.0);
      unsold += c.world.firms.unsold[i];
    }
  }
  CHECK(unsold > 0.0);
}

TEST_CASE(
    "trade: orders, deliveries, settlement, lanes, tie channels, beliefs and tie decay are the same with 1 "
    "and 2 "
    "threads",
    "[agents]") {
  // Large enough that the per-firm phases split into several chunks (docs/ODD.md §9): 6,000 firms, 12 types.
  const auto s = test::load("platform_led.json", {"ticks=6", "mechanisms.population.count=6000",
                                                  "mechanisms.population.warmup_months=0"});
  agents::ClusterModel one = scenarios::build_model(s, 1), two = scenarios::build_model(s, 2);
  for (int t = 0; t < 6; ++t) {
    one.step();
    two.step();
    INFO("month " << t + 1);
    const auto &f1 = one.context().world.firms, &f2 = two.context().world.firms;
    REQUIRE(f1.size() == f2.size());
    REQUIRE(one.context().directory.alive().size() > 4000);
    for (sim::FirmIndex i = 0; i < f1.size(); ++i) {
      INFO("firm " << i);
      REQUIRE(f1.orders[i] == f2.orders[i]);
      REQUIRE(f1.record[i].on_time == f2.record[i].on_time);
      REQUIRE(f1.record[i].good_lots == f2.record[i].good_lots);
      REQUIRE(f1.overhead_factor[i] == f2.overhead_factor[i]);
      REQUIRE(f1.on_time_prob[i] == f2.on_time_prob[i]);
      REQUIRE(f1.fill[i] == f2.fill[i]);  // realise_production's parallel delivery pass
      REQUIRE(f1.finished_stock[i] == f2.finished_stock[i]);
      REQUIRE(f1.lost_units[i] == f2.lost_units[i]);
    }
    CHECK(one.context().spot_untied == two.context().spot_untied);
    // Its sums, added in firm order after the parallel pass.
    CHECK(one.context().stats.orders_units == two.context().stats.orders_units);
    CHECK(one.context().stats.lost_units == two.context().stats.lost_units);
    CHECK(one.context().ledger.closed_goods().losses == two.context().ledger.closed_goods().losses);
    CHECK(one.context().ledger.closed_goods().deliveries == two.context().ledger.closed_goods().deliveries);
    // Settlement's platform payments, computed in the parallel pass and booked in firm order (and every
    // other flow of the month), to the last bit.
    CHECK(one.context().ledger.flows() == two.context().ledger.flows());
    CHECK(one.context().stats.platform_gmv == two.context().stats.platform_gmv);
    CHECK(one.context().stats.cross_platform_gmv == two.context().stats.cross_platform_gmv);
    CHECK(one.context().stats.integrated_gmv == two.context().stats.integrated_gmv);
    REQUIRE(one.context().world.platforms.size() == two.context().world.platforms.size());
    for (std::size_t p = 0; p < one.context().world.platforms.size(); ++p) {
      const auto &p1 = one.context().world.platforms[p], &p2 = two.context().world.platforms[p];
      INFO("platform " << p);
      CHECK(p1.gmv == p2.gmv);
      CHECK(p1.pooled_value == p2.pooled_value);
      CHECK(p1.integrated_gmv == p2.integrated_gmv);
      CHECK(p1.cash.yuan == p2.cash.yuan);
    }
    CHECK(one.context().lanes.own == two.context().lanes.own);  // update_logistics_lanes' parallel pass
    CHECK(one.context().lanes.more == two.context().lanes.more);
    CHECK(one.context().lanes.pool == two.context().lanes.pool);
    const auto &g1 = one.context().world.network, &g2 = two.context().world.network;
    REQUIRE(boost::num_edges(g1) == boost::num_edges(g2));
    std::size_t on_platform = 0;
    for (sim::FirmIndex i = 0; i < f1.size(); ++i) {
      auto [a, a_end] = boost::out_edges(i, g1);
      auto [b, b_end] = boost::out_edges(i, g2);
      for (; a != a_end && b != b_end; ++a, ++b) {
        const sim::Tie &x = g1[*a], &y = g2[*b];
        REQUIRE(boost::target(*a, g1) == boost::target(*b, g2));
        test::check_same_tie(x, y);
        on_platform += x.channel == sim::TieChannel::Platform;
      }
      REQUIRE((a == a_end && b == b_end));
    }
    if (t == 5) CHECK(on_platform > 0);
  }
}

TEST_CASE(
    "trade: transaction cost parts sum to the transaction cost, and dispatch senders pay for anonymous "
    "sourcing",
    "[agents]") {
  // Settlement keeps the parts summed per chunk of sim::kFirmSumChunk firm ids (what the metrics add), so
  // the checks are per chunk, over the firms that traded this month (alive, or exited at its end). The
  // model compacts exited slots as the tick loop does, so ids and slots differ.
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=36"}));
  const double premium = model.context().params.trade.spot_premium;
  double dispatch_premium = 0.0, sent = 0.0;
  for (int t = 0; t < 36; ++t) {
    if (t % sim::kCompactTiesEvery == 0) model.compact();
    model.step();
    const auto& c = model.context();
    const auto& f = c.world.firms;
    REQUIRE(c.transaction_cost_parts.size() == sim::chunk_count(f.created(), sim::kFirmSumChunk));
    for (std::size_t ch = 0; ch < c.transaction_cost_parts.size(); ++ch) {
      double tc = 0.0, transfer_out = 0.0;
      for (std::size_t i = f.first_slot_from(ch * sim::kFirmSumChunk);
           i < f.first_slot_from((ch + 1) * sim::kFirmSumChunk); ++i) {
        if (!f.alive[i] && f.exit_tick[i] != c.world.tick) continue;
        tc += f.transaction_cost[i].yuan;
        transfer_out += f.transfer_out[i].yuan;
      }
      const auto& q = c.transaction_cost_parts[ch];
      const double sum = q.handling + q.inspection + q.commission + q.rework + q.lateness + q.search +
                         q.spot_premium + q.spot_information + q.marketplace_fee + q.dispatch_premium +
                         q.dispatch_inspection + q.dispatch_fee + q.logistics_fee;
      CHECK(sum == Approx(tc).epsilon(1e-9).margin(1e-6));
      // Overflow dispatched to members the sender has no tie with pays the spot premium on its value
      // (7.33): the value is the transfer without the fee.
      if (transfer_out > 0.0) {
        CHECK(q.dispatch_premium == Approx(premium * (transfer_out - q.dispatch_fee)).epsilon(1e-9));
        CHECK(q.dispatch_inspection > 0.0);
        dispatch_premium += q.dispatch_premium;
        sent += transfer_out;
      } else {
        CHECK(q.dispatch_premium == 0.0);
      }
    }
  }
  CHECK(sent > 0.0);
  CHECK(dispatch_premium > 0.0);
}

TEST_CASE(
    "trade: imports of an input type no cluster firm makes are paid for, at least the cheapest firm's price",
    "[agents]") {
  // 40 firms: exits empty an input type for some months, while its customers still import it (7.28).
  agents::ClusterModel model =
      scenarios::build_model(test::load("traditional.json", {"mechanisms.population.count=40", "ticks=24"}));
  const auto& c = model.context();
  int empty_input_months = 0;
  for (int t = 0; t < 24; ++t) {
    model.step();
    // An input type (someone's need) with no capacity this month.
    bool empty_input = false;
    for (const auto& needs : c.needs)
      for (const auto& need : needs) {
        double cap = 0.0;
        for (auto i : c.directory.of_type(need.industry, need.stage)) cap += c.world.firms.capacity(i);
        empty_input = empty_input || !(cap > 0.0);
      }
    empty_input_months += empty_input ? 1 : 0;
    const double units = c.ledger.closed_goods().imports;
    const double paid =
        c.ledger.flows()[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(
            sim::Sector::RestOfWorld)][static_cast<std::size_t>(sim::FlowKind::Imports)];
    // Every imported unit costs its type's mean price and the premium: never less than the cheapest firm's.
    double cheapest = INFINITY;
    for (auto i : c.directory.alive()) cheapest = std::fmin(cheapest, c.world.firms.price[i]);
    if (units > 1e-6) CHECK(paid >= units * cheapest * (1.0 - 1e-9));
  }
  CHECK(empty_input_months > 0);
}

TEST_CASE("trade: a type that loses all its capacity keeps exactly its last mean price", "[agents]") {
  // docs/ODD.md 7.2: set_prices keeps a type's last known mean price while no firm of it has capacity, so its
  // imports and spot units are still paid for (7.28); before 2026-12-05 the mean fell to 0.
  agents::ClusterModel model =
      scenarios::build_model(test::load("traditional.json", {"mechanisms.population.count=200", "ticks=2"}));
  auto& c = model.mutable_context();
  model.step();
  agents::set_prices(c);
  const std::size_t t = 0;
  const auto& firms = c.directory.of_type(c.type_of[t].first, c.type_of[t].second);
  REQUIRE_FALSE(firms.empty());
  REQUIRE(c.type_priced[t]);
  const double kept = c.mean_price[t];
  REQUIRE(kept > 0.0);
  for (auto i : firms) c.world.firms.disruption[i] = 1.0;  // every firm of the type stopped
  agents::set_prices(c);
  CHECK(c.mean_price[t] == kept);
  CHECK(c.type_priced[t]);
  for (std::size_t u = 1; u < c.mean_price.size(); ++u) CHECK(c.mean_price[u] > 0.0);
}

TEST_CASE("trade: a type with no firm since set-up is priced at the cluster's capacity-weighted mean price",
          "[agents]") {
  // 8 firms for 12 types: some types never have a firm; their imports and spot units still cost something
  // (docs/ODD.md 7.2), the mean over every firm's capacity, recomputed each month.
  agents::ClusterModel model =
      scenarios::build_model(test::load("traditional.json", {"mechanisms.population.count=8", "ticks=3"}));
  auto& c = model.mutable_context();
  for (int t = 0; t < 3; ++t) {
    model.step();
    // Priced again on the month's closing capacities (phase 9 used those before capacity adjustment).
    agents::set_prices(c);
    double cap = 0.0, value = 0.0;
    for (auto i : c.directory.alive()) {
      cap += c.world.firms.capacity(i);
      value += c.world.firms.capacity(i) * c.world.firms.price[i];
    }
    REQUIRE(cap > 0.0);
    int never_priced = 0;
    for (std::size_t u = 0; u < c.mean_price.size(); ++u) {
      CHECK(c.mean_price[u] > 0.0);
      if (c.type_priced[u]) continue;
      ++never_priced;
      CHECK(c.mean_price[u] == Approx(value / cap).epsilon(1e-12));
    }
    CHECK(never_priced > 0);
  }
}

TEST_CASE(
    "trade: a firm's unit cost spreads its workforce cost over its output per worker, maturity included",
    "[agents]") {
  // docs/ODD.md 7.2 and 7.108: unit cost = (workforce cost / (L · a · (1 + g · m) · ū) + input unit cost) ·
  // (1 + d); the model sets g from mechanisms.adoption.maturity_productivity_gain.
  agents::ClusterModel model = scenarios::build_model(test::load(
      "traditional.json",
      {"mechanisms.population.count=60", "ticks=1", "mechanisms.adoption.maturity_productivity_gain=0.3"}));
  auto& c = model.mutable_context();
  auto& f = c.world.firms;
  REQUIRE(f.maturity_productivity_gain == 0.3);
  const sim::FirmIndex i = c.directory.alive().front();
  const auto unit_cost_at = [&](double maturity) {
    f.digital_maturity[i] = maturity;
    agents::set_prices(c);
    return f.unit_cost[i];
  };
  const double u = c.params.market.initial_utilisation;
  const double fixed = agents::workforce_cost(c, i);
  for (double m : {0.0, 0.4, 1.0}) {
    const double expected =
        (fixed / (f.employees[i] * f.productivity[i] * (1.0 + 0.3 * m) * u) + f.input_unit_cost[i]) *
        (1.0 + f.defect_rate[i]);
    CHECK(unit_cost_at(m) == Approx(expected).epsilon(1e-12));
  }
  CHECK(unit_cost_at(1.0) < unit_cost_at(0.0));
  CHECK(f.price[i] == Approx((1.0 + c.params.market.markup) * f.unit_cost[i]).epsilon(1e-12));
}

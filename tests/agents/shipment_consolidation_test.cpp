// Shipment consolidation and the shared-logistics service (docs/ODD.md 7.60): the wait for a load falls with
// the lane's flow; a platform pools its users' flows for a fee that is booked firm → platform.
#include "agents/shipment_consolidation.hpp"

#include <optional>

#include "agents/cluster_model.hpp"
#include "agents/infrastructure_feedback.hpp"
#include "agents/model_context.hpp"
#include "agents/order_handling.hpp"
#include "agents/platform_services.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("shipment_consolidation: the wait is half the cycle of a time-and-quantity release policy",
          "[agents]") {
  agents::TradeParams p;
  p.load_value_yuan = 150000;
  p.max_hold_days = 7;
  CHECK(agents::consolidation_wait_days(p, 0.0) == Approx(3.5));         // nothing else ships: hold limit
  CHECK(agents::consolidation_wait_days(p, 10000.0) == Approx(3.5));     // 15 days to fill > 7: hold limit
  CHECK(agents::consolidation_wait_days(p, 150000.0) == Approx(0.5));    // a load a day
  CHECK(agents::consolidation_wait_days(p, 1500000.0) == Approx(0.05));  // ten loads a day
  CHECK(agents::consolidation_wait_days(p, 30000.0) > agents::consolidation_wait_days(p, 60000.0));
}

namespace {
/** First pooled supply tie on an alive platform between alive partners, or none. */
std::optional<sim::TieEdge> pooled_tie(const agents::ModelContext& c) {
  const auto& g = c.world.network;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    if (g[*e].is_supply() && c.world.firms.alive[boost::source(*e, g)] &&
        c.world.firms.alive[boost::target(*e, g)] &&
        agents::tie_shipping(c, g[*e], static_cast<sim::FirmIndex>(boost::target(*e, g))).pooled)
      return *e;
  return std::nullopt;
}
}  // namespace

TEST_CASE(
    "shipment_consolidation: a logistics platform pools its users' lanes, they pay its fee when the days "
    "saved "
    "are worth more, and the fee is booked firm to platform",
    "[agents]") {
  // Lanes pool once the logistics platforms have enough members on them (from about month 40 in the bundled
  // run): step until the first pooled tie.
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=120"}));
  agents::ModelContext& c = model.mutable_context();
  std::optional<sim::TieEdge> e;
  for (int t = 0; t < 120 && !e; ++t) {
    model.step();
    e = pooled_tie(c);
  }
  REQUIRE(e);
  const auto& g = c.world.network;
  const sim::Tie tie = g[*e];
  const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
  const auto& f = c.world.firms;
  const std::size_t rs = sim::idx(f.region[tie.supplier]), rb = sim::idx(f.region[b]);
  const double own = agents::consolidation_wait_days(c.params.trade, c.lanes.own_flow(tie.supplier, rb));
  const double pool = c.lanes.pool_flow(tie.platform, rs, rb);
  const agents::Shipping on = agents::tie_shipping(c, tie, b);
  // The pool carries more than the shipper's own flow, so the load fills sooner; the saving beats the fee.
  CHECK(pool > c.lanes.own_flow(tie.supplier, rb));
  CHECK(on.wait_days == Approx(agents::consolidation_wait_days(c.params.trade, pool)));
  CHECK(on.wait_days < own);
  CHECK(on.fee == c.params.services.logistics_fee);
  CHECK(c.params.trade.lead_time_cost_per_day * (own - on.wait_days) > on.fee);
  // The same tie offline ships on its own lane: the platform gives no lead time by itself.
  sim::Tie off = tie;
  off.channel = sim::TieChannel::Offline;
  off.platform = 0xFF;
  const agents::Shipping alone = agents::tie_shipping(c, off, b);
  CHECK_FALSE(alone.pooled);
  CHECK(alone.wait_days == Approx(own));
  CHECK(alone.fee == 0.0);
  // Lead time differs only by the wait and by order handling (the same rule on both channels, 7.83).
  CHECK(agents::tie_lead_days(c, tie, b) - agents::tie_lead_days(c, off, b) ==
        Approx(on.wait_days - own + agents::tie_handling_days(c, tie, b) -
               agents::tie_handling_days(c, off, b)));
  // A fee above the days' worth: the tie ships on its own lane and pays nothing.
  c.params.services.logistics_fee = c.params.trade.lead_time_cost_per_day * (own - on.wait_days) + 0.001;
  const agents::Shipping dear = agents::tie_shipping(c, tie, b);
  CHECK_FALSE(dear.pooled);
  CHECK(dear.wait_days == Approx(own));
  CHECK(dear.fee == 0.0);
  // A congested platform (availability 1/2, 7.18): half its pooled shipments make the pool's load and the
  // rest wait as on their own lane, so the expected days saved halve. A fee worth three quarters of the full
  // saving is paid uncongested and not at half availability; a quarter's worth is paid at both.
  const double saved = own - agents::consolidation_wait_days(c.params.trade, pool);
  const double lambda = c.params.trade.lead_time_cost_per_day;
  auto& host = c.world.platforms[tie.platform];
  REQUIRE(host.congestion == 1.0);
  c.params.services.logistics_fee = 0.75 * lambda * saved;
  CHECK(agents::tie_shipping(c, tie, b).pooled);
  host.congestion = 2.0;
  CHECK_FALSE(agents::tie_shipping(c, tie, b).pooled);
  c.params.services.logistics_fee = 0.25 * lambda * saved;
  const agents::Shipping half = agents::tie_shipping(c, tie, b);
  CHECK(half.pooled);
  CHECK(half.wait_days == Approx(own - 0.5 * saved));
  CHECK(half.fee == c.params.services.logistics_fee);
  host.congestion = 1.0;
  // Without the service the platform pools nothing.
  c.params.services.logistics_fee = 0.005;
  c.world.platforms[tie.platform].services.logistics = false;
  agents::update_logistics_lanes(c);
  CHECK(c.lanes.pool_flow(tie.platform, rs, rb) == 0.0);
  CHECK_FALSE(agents::tie_shipping(c, tie, b).pooled);
  c.world.platforms[tie.platform].services.logistics = true;

  // A month of trade books the fees firm → platform, and the platform bears the handling cost. Pooling on a
  // young lane can lapse for a month (the fixed point of update_logistics_lanes), so take the first month
  // with pooled shipments.
  double fees = 0.0, pooled = 0.0, cost = 0.0;
  for (int t = 0; t < 24 && pooled == 0.0; ++t) {
    model.step();
    const auto& flows = c.ledger.flows();
    fees =
        flows[static_cast<std::size_t>(sim::Sector::Firms)][static_cast<std::size_t>(sim::Sector::Platforms)]
             [static_cast<std::size_t>(sim::FlowKind::LogisticsFee)];
    pooled = cost = 0.0;
    for (const auto& pl : c.world.platforms) {
      pooled += pl.pooled_value;
      cost += pl.logistics_cost.yuan;
    }
  }
  CHECK(pooled > 0.0);
  CHECK(fees == Approx(pooled * c.params.services.logistics_fee));
  CHECK(cost == Approx(pooled * c.params.services.logistics_cost));
}

namespace {
/** The lanes by one walk over the global edge list (the order the flows are defined to add in). */
/** The lanes as one dense row of flows per shipper (own[s · regions + r]), summed in edge-list order. */
struct DenseLanes {
  std::size_t regions = 0, platforms = 0;
  std::vector<double> own, pool;
};

DenseLanes lanes_by_edge_list(const agents::ModelContext& c) {
  const auto& f = c.world.firms;
  const auto& g = c.world.network;
  DenseLanes L;
  L.regions = c.world.regions.size();
  L.platforms = c.world.platforms.size();
  L.own.assign(f.size() * L.regions, 0.0);
  L.pool.assign(L.platforms * L.regions * L.regions, 0.0);
  struct Shipment {
    std::size_t s, key;
    double flow;
  };
  std::vector<Shipment> pooled;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const sim::Tie& t = g[*e];
    const auto s = boost::source(*e, g), b = boost::target(*e, g);
    if (!t.is_supply() || !f.alive[s] || !f.alive[b] || t.units <= 0.0) continue;
    const double flow = t.units * f.price[s] / (365.0 / 12.0);
    const std::size_t a = sim::idx(f.region[s]), r = sim::idx(f.region[b]);
    L.own[s * L.regions + r] += flow;
    if (t.channel == sim::TieChannel::Platform && t.platform < L.platforms &&
        c.world.platforms[t.platform].alive && c.world.platforms[t.platform].services.logistics)
      pooled.push_back({s * L.regions + r, (t.platform * L.regions + a) * L.regions + r, flow});
  }
  for (const auto& x : pooled) L.pool[x.key] += x.flow;
  std::vector<double> next(L.pool.size());
  const auto& tp = c.params.trade;
  for (int round = 0; round < 4; ++round) {
    std::fill(next.begin(), next.end(), 0.0);
    for (const auto& x : pooled) {
      const double own = agents::consolidation_wait_days(tp, L.own[x.s]);
      const double pool = agents::consolidation_wait_days(tp, L.pool[x.key]);
      if (tp.lead_time_cost_per_day * (own - pool) > c.params.services.logistics_fee) next[x.key] += x.flow;
    }
    if (next == L.pool) break;
    L.pool.swap(next);
  }
  return L;
}
}  // namespace

TEST_CASE("shipment_consolidation: lane flows add in edge-list order whatever order the ties are walked in",
          "[agents]") {
  // update_logistics_lanes walks suppliers' out-ties and restores the edge-list order of the pooled
  // shipments by Tie::seq: every lane sum must equal the edge-list walk's to the last bit.
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=120"}));
  agents::ModelContext& c = model.mutable_context();
  double pooled = 0.0;
  for (int t = 0; t < 120 && pooled == 0.0; ++t) {
    model.step();
    for (const double x : c.lanes.pool) pooled += x;
  }
  REQUIRE(pooled > 0.0);
  for (int t = 0; t < 6; ++t) {
    model.step();
    agents::update_logistics_lanes(c);
    const DenseLanes ref = lanes_by_edge_list(c);
    // Every (shipper, region) flow exactly: same additions in the same order, whether stored in place or in
    // the overflow; and some shippers use more than one lane, so the overflow is exercised.
    auto same_own = [&] {
      REQUIRE(c.lanes.own.size() * ref.regions == ref.own.size());
      std::size_t mismatches = 0;
      for (std::size_t s = 0; s < c.lanes.own.size(); ++s)
        for (std::size_t r = 0; r < ref.regions; ++r)
          mismatches += c.lanes.own_flow(s, r) != ref.own[s * ref.regions + r];
      CHECK(mismatches == 0);
      CHECK_FALSE(c.lanes.more.empty());
    };
    same_own();
    CHECK(c.lanes.pool == ref.pool);
    // The same bits when suppliers are walked in parallel chunks.
    c.threads = 2;
    agents::update_logistics_lanes(c);
    same_own();
    CHECK(c.lanes.pool == ref.pool);
    c.threads = 1;
  }
}

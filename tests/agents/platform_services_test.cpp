// Platform services a member can use: the marketplace for shortfalls and the choice of a tie's channel
// (docs/ODD.md 7.18–7.19).
#include "agents/platform_services.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "agents/cluster_model.hpp"
#include "agents/supplier_beliefs.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"
#include "tie_checks.hpp"

using namespace vicsim;

namespace {

/** The platform-led model after `months`. */
agents::ClusterModel platform_model(int months) {
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=48"}));
  for (int t = 0; t < months; ++t) model.step();
  return model;
}

/** First supply tie on platform `p` between alive partners, brokered by it or taken over, or none. */
std::optional<sim::TieEdge> tie_on(const agents::ModelContext& c, std::size_t p, bool brokered) {
  const auto& g = c.world.network;
  for (auto [e, end] = boost::edges(g); e != end; ++e)
    if (g[*e].is_supply() && g[*e].channel == sim::TieChannel::Platform && g[*e].platform == p &&
        g[*e].brokered == brokered && c.world.firms.alive[boost::source(*e, g)] &&
        c.world.firms.alive[boost::target(*e, g)])
      return *e;
  return std::nullopt;
}

}  // namespace

TEST_CASE(
    "platform_services: a member buys shortfalls on its marketplace when sellers' ratings save more than "
    "the fee",
    "[agents]") {
  agents::ClusterModel model = platform_model(24);
  agents::ModelContext& c = model.mutable_context();
  const auto& alive = c.directory.alive();
  const auto member = std::find_if(alive.begin(), alive.end(),
                                   [&](auto i) { return c.services_of(i).marketplace_platform >= 0; });
  const auto outsider =
      std::find_if(alive.begin(), alive.end(), [&](auto i) { return c.world.firms.platforms[i] == 0; });
  REQUIRE(member != alive.end());
  REQUIRE(outsider != alive.end());

  // The anonymous spot market: premium plus the information cost of an unknown seller (the prior).
  const auto prior = agents::information_cost(c.params, agents::prior_of(c.params.information));
  const agents::SpotTerms off = agents::spot_terms(c, *outsider);
  CHECK(off.platform == -1);
  CHECK(off.rate == Approx(c.params.trade.spot_premium + prior.expected()));
  CHECK(off.paid == Approx(off.rate - prior.risk));

  const auto& a = c.services_of(*member);
  sim::Platform& pl = c.world.platforms[static_cast<std::size_t>(a.marketplace_platform)];
  REQUIRE(c.member_record[0] > 1.0);  // members have delivered: the marketplace has ratings to show
  pl.transaction_fee = 0.0;
  const agents::SpotTerms on = agents::spot_terms(c, *member);
  CHECK(on.platform == a.marketplace_platform);
  CHECK(on.rate < off.rate);
  const double saving = off.rate - on.rate;
  // A fee above what the ratings save sends the member back to the anonymous spot market; a
  // supervision cap below it brings the member back.
  pl.transaction_fee = saving + 0.01;
  CHECK(agents::spot_terms(c, *member).platform == -1);
  c.fee_cap = saving / 2;
  CHECK(agents::spot_terms(c, *member).rate == Approx(on.rate + saving / 2));
  // Ratings that reveal nothing: no saving, so the member buys anonymously.
  c.fee_cap = 1.0;
  pl.transaction_fee = 0.0;
  c.params.information.rating_visibility = 0.0;
  CHECK(agents::spot_terms(c, *member).rate == Approx(off.rate));
}

TEST_CASE(
    "platform_services: a supply tie trades on the shared platform unless offline is cheaper by the "
    "switching margin",
    "[agents]") {
  agents::ClusterModel model = platform_model(36);
  agents::ModelContext& c = model.mutable_context();
  std::size_t p = 0;
  std::optional<sim::TieEdge> e;
  for (; p < c.world.platforms.size() && !e; ++p) e = tie_on(c, p, true);
  REQUIRE(e);
  --p;
  // An existing relationship the platform took over pays no commission, so no fee sends it offline.
  std::optional<sim::TieEdge> kept;
  for (std::size_t k = 0; k < c.world.platforms.size() && !kept; ++k) kept = tie_on(c, k, false);
  REQUIRE(kept);
  auto& g = c.world.network;
  const auto s = static_cast<sim::FirmIndex>(boost::source(*e, g));
  const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
  const double trust = g[*e].trust;

  // A fee far above what the platform saves: the partners take the tie offline and keep their trust.
  for (auto& pl : c.world.platforms) pl.transaction_fee = 0.5;
  agents::choose_tie_channels(c);
  CHECK(g[*kept].channel == sim::TieChannel::Platform);
  CHECK(agents::commission_rate(c, g[*kept]) == 0.0);
  CHECK(g[*e].channel == sim::TieChannel::Offline);
  CHECK(g[*e].platform == 0xFF);
  CHECK(g[*e].trust == trust);
  // New ties between the same pair would be formed offline too.
  CHECK(agents::supply_tie_terms(c, s, b).channel == sim::TieChannel::Offline);

  // The fee falls back: the tie returns to the platform.
  c.world.platforms[p].transaction_fee = 0.0;
  agents::choose_tie_channels(c);
  CHECK(g[*e].channel == sim::TieChannel::Platform);
  CHECK(agents::supply_tie_terms(c, s, b).channel == sim::TieChannel::Platform);

  // Within the switching margin the tie stays: a fee that makes the platform slightly dearer than offline.
  sim::Tie off = g[*e];
  off.channel = sim::TieChannel::Offline;
  off.platform = 0xFF;
  const double gap = agents::landed_cost_on(c, off, b, 1.0) - agents::landed_cost_on(c, g[*e], b, 1.0);
  c.world.platforms[p].transaction_fee = gap + 0.01;  // the platform now costs 0.01 per yuan more
  REQUIRE(0.01 < c.params.trade.switch_margin * agents::landed_cost_on(c, off, b, 1.0));
  agents::choose_tie_channels(c);
  CHECK(g[*e].channel == sim::TieChannel::Platform);

  // A partner leaves every platform: the tie goes offline whatever the fee.
  c.world.platforms[p].transaction_fee = 0.0;
  c.world.firms.platforms[s] = 0;
  agents::choose_tie_channels(c);
  CHECK(g[*e].channel == sim::TieChannel::Offline);
}

TEST_CASE("platform_services: only ties a platform formed count as brokered", "[agents]") {
  agents::ClusterModel model = scenarios::build_model(test::load("platform_led.json", {"ticks=48"}));
  for (int t = 0; t < 48; ++t) model.step();
  const auto& g = model.world().network;
  std::size_t brokered = 0, taken_over = 0;
  for (auto [e, end] = boost::edges(g); e != end; ++e) {
    const auto& tie = g[*e];
    if (tie.brokered) {
      ++brokered;
      CHECK(tie.formed_tick > 0);  // the initial network is offline
    } else if (tie.channel == sim::TieChannel::Platform) {
      ++taken_over;
    }
  }
  INFO("brokered " << brokered << ", offline ties taken over " << taken_over);
  CHECK(brokered > 0);
  CHECK(taken_over > 0);
}

TEST_CASE("platform_services: new_supply_tie is the tie new_tie forms on supply_tie_terms", "[agents]") {
  agents::ClusterModel model = platform_model(36);
  const agents::ModelContext& c = model.context();
  const auto& g = c.world.network;
  std::size_t on_platform = 0, pairs = 0, referred = 0;
  const double prior_a = agents::prior_of(c.params.information).on_time.a;
  // The partners of existing ties (members and non-members), so both the platform and the offline branch
  // are compared, with referrals from the buyer's other partners.
  for (auto [e, end] = boost::edges(g); e != end && pairs < 2000; ++e) {
    const auto s = static_cast<sim::FirmIndex>(boost::source(*e, g));
    const auto b = static_cast<sim::FirmIndex>(boost::target(*e, g));
    if (!c.world.firms.alive[s] || !c.world.firms.alive[b]) continue;
    ++pairs;
    const sim::Tie x = agents::new_supply_tie(c, s, b);
    const sim::Tie y = agents::new_tie(c, s, b, agents::supply_tie_terms(c, s, b));
    INFO("pair " << s << " -> " << b);
    test::check_same_tie(x, y);
    on_platform += x.channel == sim::TieChannel::Platform;
    referred += x.on_time_a != prior_a;  // the buyer heard of s from a partner
  }
  CHECK(on_platform > 0);
  CHECK(referred > 0);
}

TEST_CASE(
    "platform_services: services_of is each firm's own service_access, one table entry per membership set",
    "[agents]") {
  // one_plus_n: several platforms, firms on one or more of them, so members share entries and sets differ.
  auto model = scenarios::build_model(test::load("one_plus_n.json", {"mechanisms.population.count=1500"}));
  for (int t = 0; t < 40; ++t) model.step();
  auto& c = model.mutable_context();
  agents::refresh_service_access(c);
  std::size_t members = 0;
  std::vector<std::uint32_t> sets;
  for (auto i : c.directory.alive()) {
    const agents::ServiceAccess want = agents::service_access(c, i), got = c.services_of(i);
    CHECK(got.matchmaking == want.matchmaking);
    CHECK(got.dispatch == want.dispatch);
    CHECK(got.forecasting == want.forecasting);
    CHECK(got.knowledge == want.knowledge);
    CHECK(got.finance == want.finance);
    CHECK(got.logistics == want.logistics);
    CHECK(got.dispatch_platform == want.dispatch_platform);
    CHECK(got.marketplace_platform == want.marketplace_platform);
    if (const auto set = c.world.firms.platforms[i]) {
      ++members;
      if (std::find(sets.begin(), sets.end(), set) == sets.end()) sets.push_back(set);
    }
  }
  REQUIRE(members > 100);
  CHECK(sets.size() > 1);                           // more than one membership set present
  CHECK(c.access_table.size() == sets.size() + 1);  // one entry per set, plus "no services"
  CHECK(c.services_of(static_cast<sim::FirmIndex>(c.world.firms.size())).matchmaking == 0.0);  // a newer slot
}

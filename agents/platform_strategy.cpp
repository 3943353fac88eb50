#include "agents/platform_strategy.hpp"

#include <algorithm>
#include <cmath>

#include "agents/adoption.hpp"
#include "agents/credit.hpp"
#include "agents/platform_hierarchy.hpp"
#include "agents/platform_investment.hpp"
#include "agents/platform_services.hpp"
#include "agents/shared_apps.hpp"
#include "sim/distributions.hpp"
#include "sim/interconnection.hpp"

namespace vicsim::agents {

void update_platform_roster(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& fs = w.firms;
  const std::size_t P = w.platforms.size();
  bool middle_alive = false;
  for (std::size_t p = 0; p < P; ++p) {
    sim::Platform& pl = w.platforms[p];
    if (!pl.alive && pl.failed_tick < 0 && w.tick >= pl.launch_tick && pl.launch_tick >= 0) {
      pl.alive = true;
      pl.cash = pl.equity_in = sim::Money{c.params.platform_economy.initial_cash};
      c.ledger.pay(sim::Sector::Households, sim::Sector::Platforms, sim::FlowKind::Equity, pl.cash.yuan);
      // A chain-master owner goes on its own platform first and pulls its partners (source text 1).
      if (pl.owner_firm >= 0)
        if (const auto o = fs.slot_of(static_cast<std::uint64_t>(pl.owner_firm));
            o != sim::Firms::kGone && fs.alive[o])
          join_platform(c, o, p);
    }
    if (pl.alive && pl.level == sim::PlatformLevel::Middle) {
      middle_alive = true;
      pl.interconnected = true;
    }
  }
  // Voluntary interconnection with the 1+N middle platform.
  for (std::size_t p = 0; p < P && middle_alive; ++p) {
    sim::Platform& pl = w.platforms[p];
    sim::Rng rng(w.seed, sim::Stream::Interconnection, p, static_cast<std::uint64_t>(w.tick));
    if (pl.alive && !pl.interconnected && sim::bernoulli(rng, c.params.interconnection.connect_rate))
      pl.interconnected = true;
  }
  const std::uint32_t connected = sim::connected_platforms(w.platforms);
  c.connected = connected;
  // Reach: the platform itself, the connected platforms through the middle platform's data sharing (7.52),
  // and its parent, children and, for a line, sibling lines through the hierarchy (7.51).
  link_platform_hierarchy(c);
  const std::uint32_t shared = c.params.interconnection.share_data ? connected : 0u;
  c.reach.assign(P, 0u);
  for (std::size_t p = 0; p < P; ++p)
    c.reach[p] = (1u << p) | (((shared >> p) & 1u) ? shared : 0u) | hierarchy_reach(w, p);

  for (auto& pl : w.platforms) pl.members = 0;
  c.members_of_type.assign(c.directory.n_types(), {});
  c.alive_members.clear();
  for (auto i : c.directory.alive()) {
    // Failed platforms lose their members.
    for (std::size_t p = 0; p < P; ++p)
      if (fs.member_of(i, p) && !w.platforms[p].alive) fs.platforms[i] &= ~(1u << p);
    if (!fs.platforms[i]) continue;
    c.members_of_type[c.type_key(i)].push_back(i);
    c.alive_members.push_back(i);
    for (std::size_t p = 0; p < P; ++p) w.platforms[p].members += fs.member_of(i, p);
  }
}

sim::Money platform_operating_cost(const ModelContext& c, const sim::Platform& p) {
  const auto& e = c.params.platform_economy;
  // Capacity on a surface's data centre or on the middle platform's shared base costs less (7.51, 7.52).
  const auto k = static_cast<std::size_t>(&p - c.world.platforms.data());
  const double keep = k < c.world.platforms.size() ? 1.0 - shared_capacity_saving(c, k) : 1.0;
  return sim::Money{e.fixed_cost + e.cost_per_member * p.members +
                    keep * (e.cost_per_gflops * p.compute_gflops + e.cost_per_gbps * p.uplink_gbps) +
                    e.edge_cost_per_member * p.members * p.edge_share + app_cost(c, p)} +
         p.logistics_cost;  // shared logistics handled this month (7.60)
}

void settle_platforms(ModelContext& c) {
  sim::World& w = c.world;
  const auto& e = c.params.platform_economy;
  grow_hierarchy_stocks(c);
  bool any_failed = false;
  for (std::size_t p = 0; p < w.platforms.size(); ++p) {
    sim::Platform& pl = w.platforms[p];
    if (!pl.alive) continue;
    // Fees were paid by firms as they traded (trade.cpp, adoption.cpp); the operating cost goes to
    // households (staff, data-centre and network providers).
    pl.cash += pl.revenue - pl.cost;
    c.ledger.pay(sim::Sector::Platforms, sim::Sector::Households, sim::FlowKind::OperatingCost, pl.cost.yuan);
    const double profit = (pl.revenue - pl.cost).yuan;
    pl.loss_streak = profit < 0.0 && (pl.cash - pl.loan).yuan < 0.0 ? pl.loss_streak + 1 : 0;
    pl.last_quarter_profit += profit;

    invest_in_capacity(c, p);

    // Fees by Roth–Erev reinforcement over {lower, keep, raise}, every quarter. The last move is
    // judged by how far the quarter's profit beat an aspiration that follows past profits (Börgers &
    // Sarin 2000): judged by profit alone, every move of a profitable platform would be reinforced and
    // fees would lock in at random toward 0 or the cap.
    // A quarter the platform was not alive for in full is not judged (its first one, after a launch within
    // it): one or two months' profit would set the aspiration the next full quarter is judged against.
    if (e.fee_learning && w.tick % 3 == 0 && pl.level != sim::PlatformLevel::Middle) {
      const bool full_quarter = pl.launch_tick <= w.tick - 2;
      if (full_quarter) {
        const double profit_q = pl.last_quarter_profit;
        if (!pl.has_aspiration) {
          pl.fee_aspiration = profit_q;
          pl.has_aspiration = true;
        }
        const double reward = (profit_q - pl.fee_aspiration) /
                              std::max({1.0, std::fabs(pl.fee_aspiration), e.fixed_cost * 3.0});
        pl.fee_aspiration += e.aspiration_rate * (profit_q - pl.fee_aspiration);
        auto& q = pl.fee_propensity;
        for (int k = 0; k < 3; ++k)
          q[k] =
              std::max(0.01, (1.0 - e.fee_learning_rate) * q[k] + (k == pl.last_fee_action ? reward : 0.0));
        sim::Rng rng(w.seed, sim::Stream::PlatformStrategy, p, static_cast<std::uint64_t>(w.tick));
        const double total = q[0] + q[1] + q[2];
        const double u = rng.uniform() * total;
        const int a = u < q[0] ? 0 : (u < q[0] + q[1] ? 1 : 2);
        const double factor = a == 0 ? 1.0 - e.fee_step : (a == 2 ? 1.0 + e.fee_step : 1.0);
        pl.transaction_fee = std::clamp(pl.transaction_fee * factor, 0.0, std::min(e.fee_ceiling, c.fee_cap));
        pl.last_fee_action = a;
      }
      pl.last_quarter_profit = 0.0;
    }

    if (pl.loss_streak >= static_cast<std::int32_t>(e.fail_loss_months)) {
      pl.alive = false;
      pl.interconnected = false;
      pl.failed_tick = w.tick;
      ++c.stats.platform_failures;
      // Losses: what the owners put in and do not get back, plus the loan the lender writes off (7.50).
      const double payout = std::max(0.0, pl.cash.yuan),
                   written_off = pl.loan.yuan + std::max(0.0, -pl.cash.yuan);
      pl.losses = sim::Money{pl.equity_in.yuan - payout + written_off};
      close_failed_platform(c, pl);
      move_ties_offline(c, p);
      any_failed = true;
    }
  }
  // Its members lose it at once: the month's later phases (learning, supplier search, collaboration) read
  // the roster, reach and service access, which would otherwise still offer it until next month.
  if (any_failed) {
    update_platform_roster(c);
    refresh_service_access(c);
  }
}

}  // namespace vicsim::agents

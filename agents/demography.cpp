#include "agents/demography.hpp"

#include <cmath>
#include <map>
#include <utility>

#include "agents/adoption.hpp"
#include "agents/knowledge.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/supplier_search.hpp"
#include "agents/tie_dynamics.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"

namespace vicsim::agents {

void exit_failing_firms(ModelContext& c) {
  if (!c.params.demography.exit_enabled) return;
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  struct Orphan {
    sim::FirmIndex customer;
    std::uint16_t slot;
  };
  std::vector<Orphan> orphans;
  for (auto i : c.directory.alive()) {
    // Platform credit (finance service) carries a firm through a cash shortfall: it may owe the
    // lender up to its credit line (7.28).
    // Exit by insolvency (7.97): equity = initial capital + every profit since, so a firm's exit month
    // follows from its own history. The loss-streak rule is off by default (exit_loss_months = 0).
    const auto streak_limit = static_cast<std::int32_t>(c.params.demography.exit_loss_months);
    const bool streak_exit = streak_limit > 0 && f.loss_streak[i] >= streak_limit;
    if (!streak_exit && (f.cash[i] - f.loan[i] + f.credit_line[i]).yuan >= 0.0) continue;
    f.alive[i] = 0;
    f.exit_tick[i] = w.tick;
    ++c.stats.exits;
    for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
      if (w.network[*e].is_supply())
        orphans.push_back(
            {static_cast<sim::FirmIndex>(boost::target(*e, w.network)), w.network[*e].input_slot});
    c.stats.ties_orphaned +=
        static_cast<std::uint32_t>(boost::out_degree(i, w.network) + boost::in_degree(i, w.network));
    boost::clear_vertex(i, w.network);
  }
  if (orphans.empty() || !c.params.trade.enabled) return;
  c.directory.rebuild(w);
  // One stream per (customer, slot) and month: a customer that lost two suppliers of one input in the same
  // month continues that stream for the second search instead of repeating the first one's draws.
  std::map<std::pair<sim::FirmIndex, std::uint16_t>, sim::Rng> streams;
  for (const auto& o : orphans) {
    if (!f.alive[o.customer]) continue;
    const RewireKey key = rewire_key(w.firms.id(o.customer), o.slot, w.tick);
    sim::Rng& rng =
        streams.try_emplace({o.customer, o.slot}, w.seed, sim::Stream::Rewire, key.agent, key.tick)
            .first->second;
    const auto rule =
        sim::bernoulli(rng, c.params.ties.uniform_fraction) ? ChoiceRule::Uniform : ChoiceRule::Logit;
    // A rewiring search screens its candidates like any other search (7.5), paid at next settlement.
    if (auto s = search_supplier(c, o.customer, o.slot, rng, rule)) {
      f.search_cost[o.customer] += sim::Money{s->screening};
      add_tie(c, s->supplier, o.customer, o.slot);
    }
  }
}

RewireKey rewire_key(std::uint64_t customer_id, std::uint16_t slot, std::int32_t tick) {
  const bool low = slot < 64;
  return {customer_id | (low ? 0u : static_cast<std::uint64_t>(slot) << 40),
          static_cast<std::uint64_t>(tick) * 64u + (low ? slot : 0u)};
}

void adjust_capacity(ModelContext& c) {
  if (!c.params.demography.capacity_adjustment_enabled) return;
  sim::Firms& f = c.world.firms;
  const auto& d = c.params.demography;
  const auto& alive = c.directory.alive();
  const double floor = c.params.population.size_min * 0.2;
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    sim::Rng rng(c.world.seed, sim::Stream::Capacity, c.world.firms.id(i),
                 static_cast<std::uint64_t>(c.world.tick));
    // Utilisation against orders, so a firm turning orders away expands.
    const double util = std::fmax(f.orders[i], f.output[i]) / f.capacity(i);
    double g = 0.0;
    if (util > d.expand_above && f.profit[i].yuan > 0.0)
      g = d.adjustment_rate;
    else if (util < d.shrink_below)
      g = -d.adjustment_rate;
    f.employees[i] =
        std::fmax(floor, f.employees[i] * std::exp(g + sim::normal(rng, 0.0, d.growth_noise_sd)));
  });
}

double platform_share(const ModelContext& c, std::size_t industry) {
  double members = 0.0, firms = 0.0;
  for (std::size_t s = 0; s < c.world.industries[industry].stages.size() && !c.members_of_type.empty(); ++s) {
    const auto t = c.directory.type_key(industry, s);
    members += static_cast<double>(c.members_of_type[t].size());
    firms += static_cast<double>(c.directory.of_type(industry, s).size());
  }
  return firms > 0.0 ? members / firms : 0.0;
}

double location_utility(const ModelContext& c, std::size_t r, std::size_t industry, std::size_t origin,
                        double entrant_capital) {
  const auto& d = c.params.demography;
  const auto& reg = c.world.regions[r];
  double same_industry = 0.0;
  for (std::size_t s = 0; s < c.world.industries[industry].stages.size(); ++s)
    same_industry += static_cast<double>(c.directory.of_type_in(r, industry, s).size());
  double mean_wage = 0.0;
  for (const auto& x : c.world.regions) mean_wage += x.labour_cost.yuan;
  mean_wage /= static_cast<double>(c.world.regions.size());
  const double barrier = r == origin ? 0.0 : reg.relocation_barrier.yuan / entrant_capital;
  // Where platforms reach the industry, customers and knowledge come through the platform, so
  // endowment and co-location pull less (Table 1: driver "platform enterprise", space "global").
  const double place = 1.0 - platform_share(c, industry);
  return place * (d.endowment_weight * std::log(1e-3 + reg.endowment[industry]) +
                  d.agglomeration_weight * std::log1p(same_industry)) -
         d.cost_weight * reg.labour_cost.yuan / mean_wage - d.barrier_weight * barrier;
}

std::size_t firm_cap(const ModelParams& p) {
  const double count = static_cast<double>(p.population.count);
  const double absolute = p.demography.max_firms > 0
                              ? static_cast<double>(p.demography.max_firms)
                              : std::fmax(kAutoFirmCapFloor, kAutoFirmCapPerFirm * count);
  return static_cast<std::size_t>(std::fmin(absolute, p.demography.max_firm_growth * count));
}

void enter_firms(ModelContext& c) {
  if (!c.params.demography.entry_enabled) return;
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& d = c.params.demography;
  const auto& pop = c.params.population;
  std::vector<sim::FirmIndex> entrants;
  std::size_t alive = 0;
  for (std::size_t t = 0; t < c.directory.n_types(); ++t) {
    const auto [ind, stage] = c.type_of[t];
    alive += c.directory.of_type(ind, stage).size();
  }
  const std::size_t cap = firm_cap(c.params);
  for (std::size_t t = 0; t < c.directory.n_types(); ++t) {
    const auto [ind, stage] = c.type_of[t];
    const double incumbents = static_cast<double>(c.directory.of_type(ind, stage).size());
    const double lambda = d.entry_rate * std::fmax(1.0, incumbents) *
                          std::fmax(0.0, 1.0 + d.entry_margin_sensitivity * c.type_margin[t]);
    sim::Rng count_rng(w.seed, sim::Stream::Entry, t, static_cast<std::uint64_t>(w.tick));
    const std::uint32_t n = sim::poisson(count_rng, lambda);
    if (alive + entrants.size() + n > cap)
      throw FirmLimitExceeded(
          "entry would raise the alive firms from " + std::to_string(alive) + " to over " +
          std::to_string(cap) +
          (w.tick <= 0
               ? " in warm-up month " + std::to_string(w.tick) + " (the unrecorded months before month 1)"
               : " at month " + std::to_string(w.tick)) +
          " (cap: mechanisms.demography.max_firms, or max_firm_growth x population.count)");
    for (std::uint32_t k = 0; k < n; ++k) {
      sim::Rng rng(w.seed, sim::Stream::EntryLocation, (static_cast<std::uint64_t>(t) << 24) | k,
                   static_cast<std::uint64_t>(w.tick));
      const double employees = sim::bounded_pareto(rng, pop.size_exponent, pop.size_min, d.entrant_size_max);
      // Entrants are mostly spin-offs: the home region is drawn ∝ (1 + same-industry firms there).
      // Where platforms reach the industry, a share m of entrants are founded for the platform's
      // market from any region (Table 1: space "global"; "platforms admit entrants from any region").
      const double m = platform_share(c, ind);
      const bool platform_born = m > 0.0 && rng.uniform() < m;  // no draw without platforms
      std::size_t origin = 0;
      {
        double total = 0.0;
        std::vector<double> wgt(w.regions.size());
        for (std::size_t r = 0; r < w.regions.size(); ++r) {
          for (std::size_t s = 0; s < w.industries[ind].stages.size() && !platform_born; ++s)
            wgt[r] += static_cast<double>(c.directory.of_type_in(r, ind, s).size());
          wgt[r] += 1.0;
          total += wgt[r];
        }
        double u = rng.uniform() * total;
        while (origin + 1 < wgt.size() && u >= wgt[origin]) u -= wgt[origin++];
      }
      const double mean_cost = w.regions[origin].labour_cost.yuan + w.regions[origin].land_cost.yuan;
      const double capital = pop.initial_cash_months * mean_cost * employees;
      std::size_t best = origin;
      double best_u = -INFINITY;
      for (std::size_t r = 0; r < w.regions.size(); ++r) {
        if (r != origin && w.regions[r].relocation_barrier.yuan >= capital)
          continue;  // cannot afford to move
        const double u = location_utility(c, r, ind, origin, capital) + sim::gumbel(rng);
        if (u > best_u) {
          best_u = u;
          best = r;
        }
      }
      const sim::FirmIndex i = w.add_firm();
      init_digital_state(c, i);
      init_reliability(c, i);  // at maturity 0: an entrant has not been on the cloud
      f.region[i] = sim::RegionId{static_cast<std::uint16_t>(best)};
      f.industry[i] = sim::IndustryId{static_cast<std::uint8_t>(ind)};
      f.stage[i] = static_cast<std::uint8_t>(stage);
      f.entry_tick[i] = w.tick;
      // An entrant in a disrupted region shares the disruption from its first month.
      if (best < c.region_disruption.size()) f.disruption[i] = c.region_disruption[best];
      f.employees[i] = employees;
      f.productivity[i] = std::fmin(latent_frontier(c.params.knowledge, w.tick),
                                    c.params.knowledge.entrant_productivity * c.mean_productivity[t] *
                                        sim::lognormal(rng, 0.0, pop.productivity_sd));
      f.cash[i] = sim::Money{capital};
      c.ledger.pay(sim::Sector::Households, sim::Sector::Firms, sim::FlowKind::Equity, capital);
      if (best != origin) {
        f.cash[i] -= w.regions[best].relocation_barrier;
        c.ledger.pay(sim::Sector::Firms, sim::Sector::Households, sim::FlowKind::Services,
                     w.regions[best].relocation_barrier.yuan);
        ++c.stats.relocations;
      }
      f.reputation[i] = 0.5;
      f.price[i] = c.mean_price[t];
      f.unit_cost[i] = c.mean_price[t] / (1.0 + c.params.market.markup);
      double input_cost = 0.0;
      for (const auto& need : c.needs[t])
        input_cost += need.per_unit * c.mean_price[c.directory.type_key(need.industry, need.stage)];
      f.input_unit_cost[i] = input_cost;
      entrants.push_back(i);
      ++c.stats.entries;
    }
  }
  if (entrants.empty()) return;
  c.directory.rebuild(w);
  for (auto i : entrants) fill_input_slots(c, i, sim::Stream::Entry);
}

}  // namespace vicsim::agents

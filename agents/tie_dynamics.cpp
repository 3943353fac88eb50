#include "agents/tie_dynamics.hpp"

#include <algorithm>
#include <vector>

#include "agents/platform_services.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/supplier_search.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch_arcs.hpp"

namespace vicsim::agents {

double dissolution_hazard(const TieHazardRates& h, const sim::Tie& t, double supply_established) {
  return tie_hazard(h, t.trust, t.is_supply() ? supply_established : 1.0);
}

void update_and_decay_ties(ModelContext& c) {
  sim::World& w = c.world;
  const auto& tp = c.params.ties;
  // Supply trust is defined from beliefs and tops out near an average supplier's steady value, so that is
  // where a supply tie counts as fully trusted (7.101); collaboration trust still grows toward 1.
  const double supply_established = steady_tie_trust(c.params.information);
  const TieHazardRates hazard = tie_hazard_rates(tp);  // parameters only: once a month, not per tie
  // Buyers learn from this month's deliveries (supply-tie trust follows from their beliefs, 7.32); right
  // after a buyer's beliefs, while its in-ties are in cache, it updates and draws them with its own counter
  // RNG, in parallel. The doomed ties are removed afterwards in firm order, so the network does not depend on
  // the thread count. The suppliers' hidden reliability then drifts for next month; the draws read trust
  // only, which learning sets, so drawing before the drift is what drawing after it was.
  const auto& alive = c.directory.alive();
  std::vector<std::vector<sim::TieEdge>> doomed_in(sim::chunk_count(alive.size(), kLearnChunk));
  learn_from_deliveries(c, [&](std::size_t chunk, sim::FirmIndex i) {
    sim::Rng rng(w.seed, sim::Stream::TieDecay, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
    for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e) {
      sim::Tie& t = w.network[*e];
      if (!t.is_supply()) t.trust += tp.trust_gain * (1.0 - t.trust);  // collaboration deepens with time
      if (tp.decay_enabled && sim::bernoulli(rng, dissolution_hazard(hazard, t, supply_established)))
        doomed_in[chunk].push_back(*e);
    }
  });
  drift_reliability(c);
  std::size_t dissolved = 0;
  for (const auto& doomed : doomed_in) {
    for (const auto& e : doomed) boost::remove_edge(e, w.network);
    dissolved += doomed.size();
  }
  c.stats.ties_dissolved += static_cast<std::uint32_t>(dissolved);
}

namespace {

struct Proposal {
  sim::FirmIndex supplier;
  sim::FirmIndex customer;
  std::uint16_t slot;
  bool replace_worst;
};

/** @brief The slot's tie with the highest landed cost, or none. */
std::optional<std::pair<sim::TieEdge, double>> worst_tie(const ModelContext& c, sim::FirmIndex f,
                                                         std::size_t slot) {
  const sim::World& w = c.world;
  std::optional<std::pair<sim::TieEdge, double>> worst;
  for (auto [e, end] = boost::in_edges(f, w.network); e != end; ++e) {
    const sim::Tie& t = w.network[*e];
    if (!t.is_supply() || t.input_slot != slot) continue;
    const double lc = landed_cost_on(c, t, f, w.firms.price[boost::source(*e, w.network)]);
    if (!worst || lc > worst->second) worst = std::make_pair(*e, lc);
  }
  return worst;
}

/** Orders relative to capacity this tick. */
double f_orders(const ModelContext& c, sim::FirmIndex f) {
  return c.world.firms.orders[f] / c.world.firms.capacity(f);
}

/** Firm f's searches of the month: a search for each input slot short of suppliers, a switching search with
 * the switching probability for a full one, and the sales effort of an under-used firm; appends its
 * proposals to `out`. */
void propose(ModelContext& c, sim::FirmIndex f, std::vector<Proposal>& out) {
  const auto& tp = c.params.trade;
  sim::Rng rng(c.world.seed, sim::Stream::Search, c.world.firms.id(f),
               static_cast<std::uint64_t>(c.world.tick));
  thread_local std::vector<std::uint32_t> counts;
  sim::prefetch_ties(c.world.network, f);  // its tie records load together, not one miss per tie
  ties_per_slot(c, f, counts);
  for (std::size_t slot = 0; slot < counts.size(); ++slot) {
    if (counts[slot] < tp.suppliers_per_input) {
      if (auto s = search_supplier(c, f, slot, rng, ChoiceRule::Logit)) {
        c.world.firms.search_cost[f] += sim::Money{s->screening};
        out.push_back({s->supplier, f, static_cast<std::uint16_t>(slot), false});
      }
    } else if (sim::bernoulli(rng, tp.switch_probability)) {
      auto s = search_supplier(c, f, slot, rng, ChoiceRule::Logit);
      if (s) c.world.firms.search_cost[f] += sim::Money{s->screening};
      auto worst = worst_tie(c, f, slot);
      if (s && worst && s->landed < worst->second * (1.0 - tp.switch_margin))
        out.push_back({s->supplier, f, static_cast<std::uint16_t>(slot), true});
    }
  }
  // Sales effort: an under-used firm canvasses one potential customer, who takes it on if it has
  // a free slot or if this firm beats its worst supplier by the switching margin.
  const double util = f_orders(c, f);
  const auto& buyers = c.buyers_of[c.type_key(f)];
  if (util < c.params.demography.shrink_below && !buyers.empty() &&
      sim::bernoulli(rng, tp.sales_search_probability)) {
    const auto [bt, slot] = buyers[rng.below(buyers.size())];
    // Offline a firm canvasses its own region; a platform member canvasses the reachable members.
    const auto& local =
        c.directory.of_type_in(sim::idx(c.world.firms.region[f]), c.type_of[bt].first, c.type_of[bt].second);
    const auto& members = c.members_of_type[bt];
    const bool online =
        c.world.firms.platforms[f] && !members.empty() && sim::bernoulli(rng, tp.online_sales_share);
    const auto& pool = online ? members : local;
    const sim::FirmIndex cust = pool.empty() ? f : pool[rng.below(pool.size())];
    if (cust != f && (!online || (c.reach_of(f) & c.world.firms.platforms[cust]))) {
      const double mine = expected_landed_cost(c, f, cust);
      const auto have = ties_in_slot(c, cust, slot);
      if (have < tp.suppliers_per_input) {
        out.push_back({f, cust, slot, false});
      } else if (auto worst = worst_tie(c, cust, slot);
                 worst && mine < worst->second * (1.0 - tp.switch_margin)) {
        out.push_back({f, cust, slot, true});
      }
    }
  }
}

}  // namespace

/** How many firms ahead search_suppliers starts loading a firm's in-ties (prefetch_in_ties_ahead). */
constexpr std::size_t kProposeAhead = 2;

void search_suppliers(ModelContext& c) {
  if (!c.params.trade.enabled) return;
  const auto& alive = c.directory.alive();
  // One proposal list per chunk of firms (not per firm), in firm order; a firm's counts in a reused buffer.
  constexpr std::size_t kChunk = 1024;
  std::vector<std::vector<Proposal>> proposals(sim::chunk_count(alive.size(), kChunk));
  sim::parallel_chunks(proposals.size(), c.threads, [&](std::size_t chunk, std::size_t) {
    for (std::size_t k = chunk * kChunk; k < std::min(alive.size(), (chunk + 1) * kChunk); ++k) {
      // At 1M firms most of propose's samples waited for the firm's in-arc list (perf, session 41): start
      // loading the lists, and then the tie records, of the firms a few places on.
      sim::prefetch_in_ties_ahead(c.world.network, alive, k, kProposeAhead);
      propose(c, alive[k], proposals[chunk]);
    }
  });
  // Apply in firm order so the network does not depend on the thread count.
  for (const auto& list : proposals)
    for (const auto& p : list) {
      if (p.replace_worst) {
        auto worst = worst_tie(c, p.customer, p.slot);
        if (!worst) continue;
        boost::remove_edge(worst->first, c.world.network);
        ++c.stats.ties_dissolved;
      }
      if (!p.replace_worst && ties_in_slot(c, p.customer, p.slot) >= c.params.trade.suppliers_per_input)
        continue;
      add_tie(c, p.supplier, p.customer, p.slot);
    }
}

void fill_input_slots(ModelContext& c, sim::FirmIndex f, sim::Stream stream) {
  if (!c.params.trade.enabled) return;
  sim::Rng rng(c.world.seed, stream, c.world.firms.id(f), static_cast<std::uint64_t>(c.world.tick));
  const auto counts = ties_per_slot(c, f);
  for (std::size_t slot = 0; slot < counts.size(); ++slot)
    for (std::uint32_t have = counts[slot]; have < c.params.trade.suppliers_per_input; ++have) {
      auto s = search_supplier(c, f, slot, rng, ChoiceRule::Logit);
      if (s) c.world.firms.search_cost[f] += sim::Money{s->screening};
      if (!s || !add_tie(c, s->supplier, f, slot)) break;
    }
}

}  // namespace vicsim::agents

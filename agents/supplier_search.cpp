#include "agents/supplier_search.hpp"

#include <algorithm>
#include <cmath>

#include "agents/platform_services.hpp"
#include "agents/supplier_beliefs.hpp"
#include "agents/transaction_cost.hpp"
#include "sim/distributions.hpp"
#include "sim/prefetch.hpp"

namespace vicsim::agents {

namespace {

bool is_supplier_of(const sim::SupplyGraph& g, sim::FirmIndex s, sim::FirmIndex f) {
  for (auto [e, end] = boost::in_edges(f, g); e != end; ++e)
    if (boost::source(*e, g) == s && g[*e].is_supply()) return true;
  return false;
}

/** Starts loading what pricing an offer from candidate s reads of it (landed_cost_on, the choice): every
 * candidate is a random firm, so each of its attributes is a cache miss; issued for all candidates at once,
 * the misses overlap instead of coming one after another. A hint only: reads and changes nothing. */
void prefetch_offer(const ModelContext& c, sim::FirmIndex s, bool rated) {
  const sim::Firms& fs = c.world.firms;
  sim::prefetch(&fs.alive[s]);
  sim::prefetch(&fs.price[s]);
  sim::prefetch(&fs.region[s]);
  sim::prefetch(&fs.platforms[s]);
  sim::prefetch(&fs.in_plant_platform[s]);
  sim::prefetch(&c.world.network.out_arcs(s));
  if (s < c.lanes.own.size()) sim::prefetch(&c.lanes.own[s]);
  if (rated) {  // a platform tie's belief adds the supplier's delivery record (with_rating)
    sim::prefetch(&fs.record[s]);
  }
}

}  // namespace

std::optional<SupplierChoice> search_supplier(const ModelContext& c, sim::FirmIndex f, std::size_t slot,
                                              sim::Rng& rng, ChoiceRule rule) {
  const sim::World& w = c.world;
  const sim::Firms& fs = w.firms;
  const auto& need = c.needs[c.type_key(f)][slot];
  const auto& tp = c.params.trade;
  // Reused across searches: a search runs for most firms every month.
  thread_local std::vector<sim::FirmIndex> cand;
  cand.clear();

  // Co-located candidates: a uniform sample of same-region firms of the needed type; then firms known by
  // reputation anywhere in the country (trade fairs, directories). All positions are drawn first, in the
  // same order, and their list entries loaded together: entries of a large list are cache misses.
  thread_local std::vector<const sim::FirmIndex*> drawn;
  drawn.clear();
  const auto& local = c.directory.of_type_in(sim::idx(fs.region[f]), need.industry, need.stage);
  if (!local.empty())
    for (std::uint32_t k = 0; k < tp.local_candidates; ++k) drawn.push_back(&local[rng.below(local.size())]);
  const auto& everywhere = c.directory.of_type(need.industry, need.stage);
  if (!everywhere.empty())
    for (std::uint32_t k = 0; k < tp.remote_candidates; ++k)
      drawn.push_back(&everywhere[rng.below(everywhere.size())]);
  for (const sim::FirmIndex* entry : drawn) sim::prefetch(entry);
  for (const sim::FirmIndex* entry : drawn) cand.push_back(*entry);

  // Referrals: suppliers of the needed type used by the firm's partners (its reputation network).
  std::uint32_t referred = 0;
  auto consider_partner_suppliers = [&](sim::FirmIndex partner) {
    // Its in-ties' sources' types are scattered: they load together, not one miss per tie (at 1M firms this
    // walk was most of search_supplier's samples; perf, session 41). Whether a tie carries goods is read
    // from its incidence entry, not its record (session 48).
    const auto& arcs = w.network.in_arcs(partner);
    for (const auto& a : arcs) {
      sim::prefetch(&fs.industry[a.partner]);
      sim::prefetch(&fs.stage[a.partner]);
    }
    for (auto a = arcs.begin(); a != arcs.end() && referred < tp.referral_candidates; ++a) {
      const auto s = static_cast<sim::FirmIndex>(a->partner);
      if (a->is_supply() && sim::idx(fs.industry[s]) == need.industry && fs.stage[s] == need.stage) {
        cand.push_back(s);
        ++referred;
      }
    }
  };
  // Stop at the quota: a popular supplier has customers in proportion to the network's size.
  for (auto [e, end] = boost::out_edges(f, w.network); e != end && referred < tp.referral_candidates; ++e)
    consider_partner_suppliers(static_cast<sim::FirmIndex>(boost::target(*e, w.network)));
  for (auto [e, end] = boost::in_edges(f, w.network); e != end && referred < tp.referral_candidates; ++e)
    consider_partner_suppliers(static_cast<sim::FirmIndex>(boost::source(*e, w.network)));

  // Platform matchmaking: members search the whole reachable member pool, across regions.
  if (fs.platforms[f]) {
    const double mm = c.services_of(f).matchmaking;
    const auto& pool = c.members_of_type[c.directory.type_key(need.industry, need.stage)];
    const std::uint32_t reach = c.reach_of(f);
    const auto want = static_cast<std::uint32_t>(c.params.services.platform_candidates * mm + 0.5);
    if (!pool.empty())
      for (std::uint32_t k = 0, tries = 0; k < want && tries < 4 * want; ++tries) {
        const auto s = pool[rng.below(pool.size())];
        if (reach & fs.platforms[s]) {
          cand.push_back(s);
          ++k;
        }
      }
  }

  for (const auto s : cand) prefetch_offer(c, s, fs.platforms[f] != 0);
  std::sort(cand.begin(), cand.end());
  cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
  std::erase_if(cand,
                [&](sim::FirmIndex s) { return s == f || !fs.alive[s] || is_supplier_of(w.network, s, f); });
  if (cand.empty()) return std::nullopt;

  const double ref_price = c.mean_price[c.directory.type_key(need.industry, need.stage)];
  // Screening every candidate costs less the more the buyer already knows of it (referrals, ratings).
  thread_local std::vector<double> landed;
  thread_local std::vector<SupplierBelief> heard;
  landed.resize(cand.size());
  heard.resize(cand.size());
  referral_beliefs(c, cand, f, heard);  // one walk of f's partners for all candidates
  double screening = 0.0;
  for (std::size_t k = 0; k < cand.size(); ++k) {
    const sim::Tie probe = new_supply_tie(c, cand[k], f, heard[k]);
    screening += screening_cost(c.params.information, tie_belief(c, probe));
    landed[k] = landed_cost_on(c, probe, f, fs.price[cand[k]]);
  }
  if (rule == ChoiceRule::Uniform) {
    const auto k = rng.below(cand.size());
    return SupplierChoice{cand[k], landed[k], screening};
  }
  // Gumbel-max draws from the logit P ∝ exp(−mu·landed/ref) · (1 + k)^alpha.
  std::optional<SupplierChoice> best;
  double best_u = -INFINITY;
  for (std::size_t j = 0; j < cand.size(); ++j) {
    const auto s = cand[j];
    const double k = static_cast<double>(boost::out_degree(s, w.network));
    const double u = -tp.choice_sensitivity * landed[j] / ref_price +
                     c.params.ties.preferential_exponent * std::log1p(k) + sim::gumbel(rng);
    if (u > best_u) {
      best_u = u;
      best = SupplierChoice{s, landed[j], screening};
    }
  }
  return best;
}

double expected_landed_cost(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b) {
  return landed_cost_on(c, new_supply_tie(c, s, b), b, c.world.firms.price[s]);
}

bool add_tie(ModelContext& c, sim::FirmIndex supplier, sim::FirmIndex customer, std::size_t slot) {
  sim::World& w = c.world;
  if (supplier == customer || !w.firms.alive[supplier] || is_supplier_of(w.network, supplier, customer))
    return false;
  sim::Tie t = new_supply_tie(c, supplier, customer);
  t.formed_tick = w.tick;
  t.input_slot = static_cast<std::uint8_t>(slot);  // < kMaxInputSlots (ClusterModel checks)
  t.seq = w.supply_ties_formed++;
  boost::add_edge(supplier, customer, t, w.network);
  ++c.stats.ties_formed;
  return true;
}

std::vector<std::uint32_t> ties_per_slot(const ModelContext& c, sim::FirmIndex f) {
  std::vector<std::uint32_t> n;
  ties_per_slot(c, f, n);
  return n;
}

void ties_per_slot(const ModelContext& c, sim::FirmIndex f, std::vector<std::uint32_t>& n) {
  n.assign(c.needs[c.type_key(f)].size(), 0);
  for (auto [e, end] = boost::in_edges(f, c.world.network); e != end; ++e)
    if (c.world.network[*e].is_supply()) ++n[c.world.network[*e].input_slot];
}

std::uint32_t ties_in_slot(const ModelContext& c, sim::FirmIndex f, std::size_t slot) {
  std::uint32_t n = 0;
  for (auto [e, end] = boost::in_edges(f, c.world.network); e != end; ++e)
    n += c.world.network[*e].is_supply() && c.world.network[*e].input_slot == slot;
  return n;
}

}  // namespace vicsim::agents

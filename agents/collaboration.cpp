#include "agents/collaboration.hpp"

#include <algorithm>
#include <cmath>

#include "agents/collaboration_candidates.hpp"
#include "agents/knowledge.hpp"
#include "agents/platform_services.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/refill.hpp"

namespace vicsim::agents {

namespace {

// Both read a tie's kind from its incidence entry, not its record (sim::SupplyGraph::Arc).
bool collaborating(const sim::World& w, sim::FirmIndex a, sim::FirmIndex b) {
  const auto lo = std::min(a, b), hi = std::max(a, b);
  for (const auto& arc : w.network.out_arcs(lo))
    if (arc.partner == hi && !arc.is_supply()) return true;
  return false;
}

}  // namespace

std::uint32_t collaborators(const sim::World& w, sim::FirmIndex f) {
  std::uint32_t n = 0;
  for (const auto& arc : w.network.out_arcs(f)) n += !arc.is_supply();
  for (const auto& arc : w.network.in_arcs(f)) n += !arc.is_supply();
  return n;
}

double collaboration_score(const ModelContext& c, sim::FirmIndex f, sim::FirmIndex g) {
  const auto& w = c.world;
  const auto& fs = w.firms;
  const double related = sim::relatedness(w.industries, sim::idx(fs.industry[f]), sim::idx(fs.industry[g]));
  return complementarity(related, spillover_weight(c.params.knowledge, w.firm_distance(f, g)),
                         fs.digital_maturity[f], fs.digital_maturity[g]);
}

std::int64_t pick_weighted(const std::vector<double>& weights, double u) {
  double total = 0.0;
  for (double x : weights) total += x;
  if (!(total > 0.0)) return -1;
  double target = u * total, run = 0.0;
  for (std::size_t j = 0; j < weights.size(); ++j) {
    run += weights[j];
    if (target < run && weights[j] > 0.0) return static_cast<std::int64_t>(j);
  }
  for (std::size_t j = weights.size(); j-- > 0;)  // rounding at u → 1: the last positive weight
    if (weights[j] > 0.0) return static_cast<std::int64_t>(j);
  return -1;
}

void form_collaborations(ModelContext& c) {
  const auto& kp = c.params.knowledge;
  if (!kp.collaboration_enabled) return;
  sim::World& w = c.world;
  const auto& alive = c.directory.alive();
  auto& work = c.collaboration_work;
  auto& partner = work.partner;
  sim::refill(partner, alive.size(), std::int64_t{-1});
  // Who searches this month; the walk below replays the same first draw from the same counter-based key.
  auto& searching = work.searching;
  sim::refill(searching, alive.size(), std::uint8_t{0});
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex f = alive[k];
    sim::Rng rng(w.seed, sim::Stream::Collaboration, w.firms.id(f), static_cast<std::uint64_t>(w.tick));
    searching[k] =
        sim::bernoulli(rng, kp.collaboration_probability) && collaborators(w, f) < kp.max_collaborators;
  });
  // Only the lists a searcher walks: its own, its suppliers' customers and its customers' suppliers.
  const std::size_t n = boost::num_vertices(w.network);
  auto& need_customers = work.need_customers;
  auto& need_suppliers = work.need_suppliers;
  sim::refill(need_customers, n, std::uint8_t{0});
  sim::refill(need_suppliers, n, std::uint8_t{0});
  for (std::size_t k = 0; k < alive.size(); ++k) {
    if (!searching[k]) continue;
    const sim::FirmIndex f = alive[k];
    need_customers[f] = need_suppliers[f] = 1;
    for (auto [e, end] = boost::in_edges(f, w.network); e != end; ++e)
      need_customers[boost::source(*e, w.network)] = 1;
    for (auto [e, end] = boost::out_edges(f, w.network); e != end; ++e)
      need_suppliers[boost::target(*e, w.network)] = 1;
  }
  CollaborationCandidates& index = work.index;
  index.rebuild(w, kp, c.threads, need_customers, need_suppliers);
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    if (!searching[k]) return;
    const sim::FirmIndex f = alive[k];
    sim::Rng rng(w.seed, sim::Stream::Collaboration, w.firms.id(f), static_cast<std::uint64_t>(w.tick));
    sim::bernoulli(rng, kp.collaboration_probability);  // the draw that made f search (true)
    // Firms two supply steps away: co-customers of f's suppliers and co-suppliers of f's customers, each
    // with its complementarity score: relatedness × distance decay × knowledge relatedness; the pair then
    // forms the tie with that same score as its chance (docs/ODD.md 7.38). f itself is no candidate.
    thread_local std::vector<sim::FirmIndex> cand;
    thread_local std::vector<double> score;
    cand.clear();
    score.clear();
    const CollaborationPartner self = CollaborationCandidates::partner(w, f);
    auto add = [&](const CollaborationPartner& g) {
      if (g.firm == f) return;
      cand.push_back(g.firm);
      score.push_back(index.score(self, g));
    };
    for (const auto& s : index.suppliers(f))
      for (const auto& g : index.customers(s.firm)) add(g);
    for (const auto& cu : index.customers(f))
      for (const auto& g : index.suppliers(cu.firm)) add(g);
    // Community operation: platform members also meet co-members in reach, of any industry and region.
    if (w.firms.platforms[f] && !c.alive_members.empty())
      for (std::uint32_t m = 0; m < kp.member_contacts; ++m) {
        const auto g = c.alive_members[rng.below(c.alive_members.size())];
        if (c.reach_of(f) & w.firms.platforms[g]) add(CollaborationCandidates::partner(w, g));
      }
    if (cand.empty()) return;
    const auto pick = pick_weighted(score, rng.uniform());
    if (pick < 0) return;
    const auto g = cand[static_cast<std::size_t>(pick)];
    if (!w.firms.alive[g] || collaborating(w, f, g)) return;
    if (sim::bernoulli(rng, score[static_cast<std::size_t>(pick)])) partner[k] = g;
  });
  for (std::size_t k = 0; k < alive.size(); ++k) {
    if (partner[k] < 0) continue;
    const auto f = alive[k], g = static_cast<sim::FirmIndex>(partner[k]);
    if (collaborating(w, f, g) || collaborators(w, f) >= kp.max_collaborators ||
        collaborators(w, g) >= kp.max_collaborators)
      continue;
    sim::Tie t = new_tie(c, f, g, tie_terms(c, f, g));
    t.kind = sim::TieKind::Collaboration;
    t.trust = c.params.ties.initial_trust_local;
    t.formed_tick = w.tick;
    boost::add_edge(std::min(f, g), std::max(f, g), t, w.network);
    ++c.stats.ties_formed;
  }
}

}  // namespace vicsim::agents

#include "agents/knowledge.hpp"

#include <cmath>
#include <optional>

#include "agents/infrastructure_feedback.hpp"
#include "agents/learning_contacts.hpp"
#include "agents/platform_services.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"

namespace vicsim::agents {

double latent_frontier(const KnowledgeParams& p, std::int32_t tick) {
  return p.frontier_initial * std::pow(1.0 + p.frontier_growth_per_year, tick / 12.0);
}

double spillover_weight(const KnowledgeParams& p, double distance_km) {
  return std::exp2(-distance_km / p.half_distance_km);
}

namespace {
/** How many firms ahead learn prefetches their partners (prefetch_partners). */
constexpr std::size_t kPrefetchAhead = 4;

/** Starts the loads of what imitation reads of firm i's partners, so that the misses at scattered partners
 * overlap. A hint only: it changes no value. */
void prefetch_partners(const sim::World& w, const LearningContacts& met, sim::FirmIndex i) {
  for (const auto& a : w.network.in_arcs(i)) sim::prefetch(&met.firm(a.partner));
  for (const auto& a : w.network.out_arcs(i)) sim::prefetch(&met.firm(a.partner));
}
}  // namespace

void learn(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& kp = c.params.knowledge;
  const auto& alive = c.directory.alive();
  const double frontier = latent_frontier(kp, w.tick);
  // Double buffer: every firm learns from last month's productivities.
  std::vector<double> next(alive.size());
  std::vector<std::uint8_t> innovated(alive.size(), 0), imitated(alive.size(), 0);
  const bool knowledge_contacts = !c.members_of_type.empty() && !w.platforms.empty();
  const std::optional<LearningContacts> met =
      kp.spillover_enabled ? std::optional<LearningContacts>(std::in_place, c, knowledge_contacts)
                           : std::nullopt;
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    if (kp.spillover_enabled && k + kPrefetchAhead < alive.size())
      prefetch_partners(w, *met, alive[k + kPrefetchAhead]);
    if (kp.spillover_enabled && k + 2 * kPrefetchAhead < alive.size())  // the lists prefetch_partners walks
      sim::prefetch_arc_lists(w.network, alive[k + 2 * kPrefetchAhead]);
    double a = f.productivity[i];
    if (kp.innovation_enabled) {
      sim::Rng rng(w.seed, sim::Stream::Innovation, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
      const double p =
          kp.innovation_rate * std::pow(f.employees[i] / kp.reference_employees, kp.size_elasticity);
      if (sim::bernoulli(rng, p)) {
        const double draw = frontier * sim::lognormal(rng, 0.0, kp.innovation_sd);
        if (draw > a) {
          a = draw;
          innovated[k] = 1;
        }
      }
    }
    if (kp.spillover_enabled) {
      sim::Rng rng(w.seed, sim::Stream::Imitation, w.firms.id(i), static_cast<std::uint64_t>(w.tick));
      double best = f.productivity[i];
      auto meet = [&](const PeerCard& m) {
        if (!m.alive || m.productivity <= best) return;
        if (sim::bernoulli(
                rng, kp.imitation_rate * spillover_weight(kp, w.region_distance(f.region[i], m.region))))
          best = m.productivity;
      };
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
        meet(met->firm(static_cast<sim::FirmIndex>(boost::source(*e, w.network))));
      for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
        meet(met->firm(static_cast<sim::FirmIndex>(boost::target(*e, w.network))));
      // The directory's list of i's region and type (of_type_in), as cards.
      const auto peers = met->local(sim::idx(f.region[i]), c.type_key(i));
      if (peers.size() > 1)
        for (std::uint32_t m = 0; m < kp.local_contacts; ++m) {
          const PeerCard& peer = peers[rng.below(peers.size())];
          if (peer.slot != i) meet(peer);
        }
      // Knowledge and app sharing: members meet reachable members of their type anywhere; the
      // platform carries the knowledge, so it does not decay with distance.
      if (f.platforms[i] && !c.members_of_type.empty()) {
        // Industrial apps learn from members' device data: telemetry lost to congestion in i's region cuts
        // what the platform's knowledge service can pass on (7.48).
        const double know = c.services_of(i).knowledge * member_telemetry_delivered(c, i);
        const auto pool = met->members(c.type_key(i));  // members_of_type, as cards
        const std::uint32_t reach = c.reach_of(i);
        const auto n = static_cast<std::uint32_t>(c.params.services.knowledge_contacts * know + 0.5);
        if (!pool.empty())
          for (std::uint32_t m = 0; m < n; ++m) {
            const MemberCard& member = pool[rng.below(pool.size())];
            // An exited member's card has no platforms: unreachable, as if `alive` were tested.
            if (member.slot != i && (reach & member.platforms) && member.productivity > best &&
                sim::bernoulli(rng, kp.imitation_rate))
              best = member.productivity;
          }
      }
      const double imitated_a = f.productivity[i] + kp.imitation_gap_closed * (best - f.productivity[i]);
      if (imitated_a > a) {
        a = imitated_a;
        imitated[k] = 1;
        innovated[k] = 0;  // imitation superseded this month's innovation
      }
    }
    next[k] = a;
  });
  for (std::size_t k = 0; k < alive.size(); ++k) {
    const sim::FirmIndex i = alive[k];
    f.innovated[i] = innovated[k];
    f.imitated[i] = imitated[k];
    if (next[k] > f.productivity[i]) f.last_gain_tick[i] = w.tick;
    f.productivity[i] = next[k];
    c.stats.innovations += innovated[k];
    c.stats.imitations += imitated[k];
  }
}

}  // namespace vicsim::agents

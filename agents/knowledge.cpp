#include "agents/knowledge.hpp"

#include <cmath>

#include "agents/infrastructure_feedback.hpp"
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

/** Starts the loads of what imitation reads of firm i's partners (alive, productivity, region), so that the
 * misses at scattered partners overlap. A hint only: it changes no value. */
void prefetch_partners(const sim::World& w, sim::FirmIndex i) {
  const sim::Firms& f = w.firms;
  auto start = [&](std::size_t j) {
    sim::prefetch(&f.alive[j]);
    sim::prefetch(&f.productivity[j]);
    sim::prefetch(&f.region[j]);
  };
  for (const auto& a : w.network.in_arcs(i)) start(a.partner);
  for (const auto& a : w.network.out_arcs(i)) start(a.partner);
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
  sim::parallel_for(alive.size(), c.threads, [&](std::size_t k) {
    const sim::FirmIndex i = alive[k];
    if (kp.spillover_enabled && k + kPrefetchAhead < alive.size())
      prefetch_partners(w, alive[k + kPrefetchAhead]);
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
      auto meet = [&](sim::FirmIndex j) {
        if (!f.alive[j] || f.productivity[j] <= best) return;
        if (sim::bernoulli(rng, kp.imitation_rate * spillover_weight(kp, w.firm_distance(i, j))))
          best = f.productivity[j];
      };
      for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
        meet(static_cast<sim::FirmIndex>(boost::source(*e, w.network)));
      for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
        meet(static_cast<sim::FirmIndex>(boost::target(*e, w.network)));
      const auto& peers = c.directory.of_type_in(sim::idx(f.region[i]), sim::idx(f.industry[i]), f.stage[i]);
      if (peers.size() > 1)
        for (std::uint32_t m = 0; m < kp.local_contacts; ++m) {
          const auto j = peers[rng.below(peers.size())];
          if (j != i) meet(j);
        }
      // Knowledge and app sharing: members meet reachable members of their type anywhere; the
      // platform carries the knowledge, so it does not decay with distance.
      if (f.platforms[i] && !c.members_of_type.empty()) {
        // Industrial apps learn from members' device data: telemetry lost to congestion in i's region cuts
        // what the platform's knowledge service can pass on (7.48).
        const double know = c.services_of(i).knowledge * member_telemetry_delivered(c, i);
        const auto& pool = c.members_of_type[c.type_key(i)];
        const std::uint32_t reach = c.reach_of(i);
        const auto n = static_cast<std::uint32_t>(c.params.services.knowledge_contacts * know + 0.5);
        if (!pool.empty())
          for (std::uint32_t m = 0; m < n; ++m) {
            const auto j = pool[rng.below(pool.size())];
            if (j != i && f.alive[j] && (reach & f.platforms[j]) && f.productivity[j] > best &&
                sim::bernoulli(rng, kp.imitation_rate))
              best = f.productivity[j];
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

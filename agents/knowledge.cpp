#include "agents/knowledge.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "agents/infrastructure_feedback.hpp"
#include "agents/platform_services.hpp"
#include "sim/distributions.hpp"
#include "sim/parallel_for.hpp"
#include "sim/prefetch.hpp"
#include "sim/prefetch_arcs.hpp"
#include "sim/refill.hpp"

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

/** Firms whose contacts are drawn together, round by round (meet_in_rounds). */
constexpr std::size_t kLearnGroup = 32;

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

/** One firm's imitation in progress: its Imitation stream after the draws made so far, the best productivity
 * it has met, and the list it draws its next contacts from (uniformly, with replacement). */
struct Imitator {
  std::size_t k;  // position in the alive list
  sim::FirmIndex i;
  sim::Rng rng;
  double best;
  const std::vector<sim::FirmIndex>* list = nullptr;
  std::uint32_t contacts = 0;  // how many to draw from list
  std::size_t drawn = 0;       // this round's position in list, then the firm at it
  std::uint32_t reach = 0;     // the platforms whose members it can meet (members only)
};

/**
 * Draws every firm's contacts from its list and meets them, one contact per firm per round. A firm's next
 * draw may depend on what its last contact showed (meet may draw a Bernoulli), so one firm's chain of
 * scattered reads (list entry, then the contact's arrays) cannot start early. A round instead starts those
 * reads for the whole group before it uses any of them: the group's misses overlap instead of queueing.
 * Each firm's draws stay in its own stream in its own order, so the values are those of meeting the
 * firms one at a time.
 */
template <class Start, class Meet>
void meet_in_rounds(std::vector<Imitator>& group, Start&& start, Meet&& meet) {
  std::uint32_t rounds = 0;
  for (const auto& s : group) rounds = std::max(rounds, s.contacts);
  for (std::uint32_t m = 0; m < rounds; ++m) {
    for (auto& s : group)
      if (m < s.contacts) {
        s.drawn = s.rng.below(s.list->size());
        sim::prefetch(s.list->data() + s.drawn);
      }
    for (auto& s : group)
      if (m < s.contacts) {
        s.drawn = (*s.list)[s.drawn];
        start(static_cast<sim::FirmIndex>(s.drawn));
      }
    for (auto& s : group)
      if (m < s.contacts) meet(s, static_cast<sim::FirmIndex>(s.drawn));
  }
}
}  // namespace

void learn(ModelContext& c) {
  sim::World& w = c.world;
  sim::Firms& f = w.firms;
  const auto& kp = c.params.knowledge;
  const auto& alive = c.directory.alive();
  const double frontier = latent_frontier(kp, w.tick);
  // Double buffer: every firm learns from last month's productivities.
  auto& next = c.month_work.next_productivity;
  auto& innovated = c.month_work.innovated;
  auto& imitated = c.month_work.imitated;
  sim::resize_kept(next, alive.size());  // every firm's entry is written below
  sim::refill(innovated, alive.size(), std::uint8_t{0});
  sim::refill(imitated, alive.size(), std::uint8_t{0});
  const unsigned threads = alive.size() < sim::kParallelMinIndices ? 1u : c.threads;
  std::vector<std::vector<Imitator>> groups(std::max(1u, threads));
  // A contact is considered only if it is alive and better than the best met so far; only then is its
  // Bernoulli drawn (ODD 7.9).
  auto meet_nearby = [&](Imitator& s, sim::FirmIndex j) {
    if (j == s.i || !f.alive[j] || f.productivity[j] <= s.best) return;
    if (sim::bernoulli(s.rng, kp.imitation_rate * spillover_weight(kp, w.firm_distance(s.i, j))))
      s.best = f.productivity[j];
  };
  auto start_nearby = [&](sim::FirmIndex j) {
    sim::prefetch(&f.alive[j]);
    sim::prefetch(&f.productivity[j]);
    sim::prefetch(&f.region[j]);
  };
  sim::parallel_chunks(
      sim::chunk_count(alive.size(), kLearnGroup), threads, [&](std::size_t g, std::size_t worker) {
        const std::size_t lo = g * kLearnGroup, hi = std::min(alive.size(), lo + kLearnGroup);
        auto& group = groups[worker];
        group.clear();
        for (std::size_t k = lo; k < hi; ++k) {
          const sim::FirmIndex i = alive[k];
          if (kp.spillover_enabled && k + kPrefetchAhead < alive.size())
            prefetch_partners(w, alive[k + kPrefetchAhead]);
          if (kp.spillover_enabled &&
              k + 2 * kPrefetchAhead < alive.size())  // the lists prefetch_partners walks
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
          next[k] = a;
          if (!kp.spillover_enabled) continue;
          Imitator& s = group.emplace_back(Imitator{
              k, i,
              sim::Rng(w.seed, sim::Stream::Imitation, w.firms.id(i), static_cast<std::uint64_t>(w.tick)),
              f.productivity[i]});
          // Network partners first (in-edges, then out-edges, each in formation order), then local contacts.
          for (auto [e, end] = boost::in_edges(i, w.network); e != end; ++e)
            meet_nearby(s, static_cast<sim::FirmIndex>(boost::source(*e, w.network)));
          for (auto [e, end] = boost::out_edges(i, w.network); e != end; ++e)
            meet_nearby(s, static_cast<sim::FirmIndex>(boost::target(*e, w.network)));
          s.list = &c.directory.of_type_in(sim::idx(f.region[i]), sim::idx(f.industry[i]), f.stage[i]);
          s.contacts = s.list->size() > 1 ? kp.local_contacts : 0;
        }
        meet_in_rounds(group, start_nearby, meet_nearby);
        // Knowledge and app sharing: members meet reachable members of their type anywhere; the platform
        // carries the knowledge, so it does not decay with distance.
        if (!c.members_of_type.empty())
          for (auto& s : group) {
            s.contacts = 0;
            if (!f.platforms[s.i]) continue;
            // Industrial apps learn from members' device data: telemetry lost to congestion in i's region
            // cuts what the platform's knowledge service can pass on (7.48).
            const double know = c.services_of(s.i).knowledge * member_telemetry_delivered(c, s.i);
            s.list = &c.members_of_type[c.type_key(s.i)];
            s.reach = c.reach_of(s.i);
            if (!s.list->empty())
              s.contacts = static_cast<std::uint32_t>(c.params.services.knowledge_contacts * know + 0.5);
          }
        auto start_member = [&](sim::FirmIndex j) {
          sim::prefetch(&f.alive[j]);
          sim::prefetch(&f.platforms[j]);
          sim::prefetch(&f.productivity[j]);
        };
        auto meet_member = [&](Imitator& s, sim::FirmIndex j) {
          if (j != s.i && f.alive[j] && (s.reach & f.platforms[j]) && f.productivity[j] > s.best &&
              sim::bernoulli(s.rng, kp.imitation_rate))
            s.best = f.productivity[j];
        };
        if (!c.members_of_type.empty()) meet_in_rounds(group, start_member, meet_member);
        for (const auto& s : group) {
          const double own = f.productivity[s.i];
          const double imitated_a = own + kp.imitation_gap_closed * (s.best - own);
          if (imitated_a > next[s.k]) {
            next[s.k] = imitated_a;
            imitated[s.k] = 1;
            innovated[s.k] = 0;  // imitation superseded this month's innovation
          }
        }
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

// Innovation and imitation (agents/knowledge.cpp, docs/ODD.md 7.9).
#include "agents/knowledge.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "agents/infrastructure_feedback.hpp"
#include "agents/platform_services.hpp"
#include "sim/distributions.hpp"
#include "sim/rng.hpp"
#include "test_support.hpp"

using namespace vicsim;

namespace {

/** ODD 7.9 read literally: each alive firm's new productivity, the firms taken one at a time and every
 * contact met as soon as it is drawn. learn meets contacts in rounds across groups of firms; its results
 * must be these. */
std::vector<double> learn_one_at_a_time(const agents::ModelContext& c) {
  const sim::World& w = c.world;
  const sim::Firms& f = w.firms;
  const auto& kp = c.params.knowledge;
  const double frontier = agents::latent_frontier(kp, w.tick);
  std::vector<double> out;
  for (const sim::FirmIndex i : c.directory.alive()) {
    double a = f.productivity[i];
    if (kp.innovation_enabled) {
      sim::Rng rng(w.seed, sim::Stream::Innovation, f.id(i), static_cast<std::uint64_t>(w.tick));
      const double p =
          kp.innovation_rate * std::pow(f.employees[i] / kp.reference_employees, kp.size_elasticity);
      if (sim::bernoulli(rng, p)) a = std::max(a, frontier * sim::lognormal(rng, 0.0, kp.innovation_sd));
    }
    if (kp.spillover_enabled) {
      sim::Rng rng(w.seed, sim::Stream::Imitation, f.id(i), static_cast<std::uint64_t>(w.tick));
      double best = f.productivity[i];
      auto meet = [&](sim::FirmIndex j) {
        if (f.alive[j] && f.productivity[j] > best &&
            sim::bernoulli(rng, kp.imitation_rate * agents::spillover_weight(kp, w.firm_distance(i, j))))
          best = f.productivity[j];
      };
      for (const auto& arc : w.network.in_arcs(i)) meet(arc.partner);
      for (const auto& arc : w.network.out_arcs(i)) meet(arc.partner);
      const auto& peers = c.directory.of_type_in(sim::idx(f.region[i]), sim::idx(f.industry[i]), f.stage[i]);
      if (peers.size() > 1)
        for (std::uint32_t m = 0; m < kp.local_contacts; ++m) {
          const auto j = peers[rng.below(peers.size())];
          if (j != i) meet(j);
        }
      if (f.platforms[i] && !c.members_of_type.empty()) {
        const auto& pool = c.members_of_type[c.type_key(i)];
        const double know = c.services_of(i).knowledge * agents::member_telemetry_delivered(c, i);
        const auto n = static_cast<std::uint32_t>(c.params.services.knowledge_contacts * know + 0.5);
        if (!pool.empty())
          for (std::uint32_t m = 0; m < n; ++m) {
            const auto j = pool[rng.below(pool.size())];
            if (j != i && f.alive[j] && (c.reach_of(i) & f.platforms[j]) && f.productivity[j] > best &&
                sim::bernoulli(rng, kp.imitation_rate))
              best = f.productivity[j];
          }
      }
      a = std::max(a, f.productivity[i] + kp.imitation_gap_closed * (best - f.productivity[i]));
    }
    out.push_back(a);
  }
  return out;
}

}  // namespace

TEST_CASE("knowledge: learning in contact rounds gives the productivities of meeting firms one at a time",
          "[agents][knowledge]") {
  // Enough firms for several groups on two threads, platform members with knowledge contacts, and enough
  // local contacts that a firm's later draws depend on what its earlier contacts showed.
  for (const unsigned threads : {1u, 2u}) {
    auto s = test::load("one_plus_n.json",
                        {"mechanisms.population.count=4000", "mechanisms.knowledge.local_contacts=9",
                         "mechanisms.knowledge.imitation_rate=0.5", "ticks=30"});
    auto model = scenarios::build_model(s, threads);
    for (int month = 0; month < 24; ++month) model.step();
    auto& c = model.mutable_context();
    ++c.world.tick;  // the month whose learning is compared, as step would number it
    std::size_t members = 0;
    for (const auto i : c.directory.alive()) members += c.world.firms.platforms[i] ? 1 : 0;
    INFO("threads " << threads << ", members " << members);
    REQUIRE(c.directory.alive().size() > 3000);
    REQUIRE(members > 100);
    const auto expected = learn_one_at_a_time(c);
    agents::learn(c);
    std::size_t gained = 0, differ = 0;
    for (std::size_t k = 0; k < expected.size(); ++k) {
      const auto i = c.directory.alive()[k];
      differ += c.world.firms.productivity[i] == expected[k] ? 0 : 1;
      gained += c.world.firms.last_gain_tick[i] == c.world.tick ? 1 : 0;
    }
    CHECK(differ == 0);
    CHECK(gained > 100);  // the comparison covers firms that learned, not only firms that stood still
  }
}

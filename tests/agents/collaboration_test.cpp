// Collaboration partners chosen by complementarity (agents/collaboration.cpp, docs/ODD.md 7.38).
#include "agents/collaboration.hpp"

#include <array>
#include <catch2/catch.hpp>

#include "agents/knowledge.hpp"
#include "scenarios/world_builder.hpp"
#include "sim/rng.hpp"
#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("collaboration: partners are drawn in proportion to their score, not uniformly",
          "[agents][collaboration]") {
  const std::vector<double> w{0.9, 0.1, 0.0};
  std::array<int, 3> n{};
  sim::Rng rng(7, sim::Stream::Collaboration, 0, 0);
  const int draws = 20000;
  for (int k = 0; k < draws; ++k) {
    const auto j = agents::pick_weighted(w, rng.uniform());
    REQUIRE(j >= 0);
    ++n[static_cast<std::size_t>(j)];
  }
  // A uniform draw would give each about 1/3; binomial sd of the share is about 0.002.
  CHECK(n[0] / double(draws) == Approx(0.9).margin(0.01));
  CHECK(n[1] / double(draws) == Approx(0.1).margin(0.01));
  CHECK(n[2] == 0);
  CHECK(agents::pick_weighted({0.0, 0.0}, 0.5) == -1);
  CHECK(agents::pick_weighted({0.0, 2.0}, 0.999999) == 1);
}

TEST_CASE("collaboration: the score is relatedness × distance decay × knowledge relatedness",
          "[agents][collaboration]") {
  auto s = test::load("traditional.json", {"mechanisms.population.count=200", "ticks=1"});
  auto model = scenarios::build_model(s);
  auto& c = model.mutable_context();
  auto& f = c.world.firms;
  const auto& ind = c.world.industries;
  // traditional.json declares electronics–appliances and electronics–machinery and appliances–machinery.
  REQUIRE(ind.size() == 3);
  const double r01 = sim::relatedness(ind, 0, 1), r12 = sim::relatedness(ind, 1, 2);
  REQUIRE(r01 > r12);
  REQUIRE(r01 == sim::relatedness(ind, 1, 0));  // symmetric
  const sim::FirmIndex a = 0, b = 1, d = 2;
  for (auto i : {a, b, d}) {
    f.region[i] = sim::RegionId{0};
    f.digital_maturity[i] = 0.5;
  }
  f.industry[a] = sim::IndustryId{0};
  f.industry[b] = sim::IndustryId{1};
  f.industry[d] = sim::IndustryId{2};
  const double decay = agents::spillover_weight(c.params.knowledge, c.world.firm_distance(a, b));
  CHECK(agents::collaboration_score(c, a, b) == Approx(r01 * decay));
  CHECK(agents::collaboration_score(c, b, d) ==
        Approx(r12 * agents::spillover_weight(c.params.knowledge, c.world.firm_distance(b, d))));
  f.digital_maturity[b] = 0.9;  // a knowledge gap of 0.4 cuts the score to 0.6 of it
  CHECK(agents::collaboration_score(c, a, b) == Approx(0.6 * r01 * decay));
}

TEST_CASE("collaboration: without declared relatedness it follows the input–output links",
          "[agents][collaboration]") {
  std::vector<sim::Industry> ind(3);
  ind[1].cross_inputs.push_back({0, 1, 2, 0.3});
  ind[2].cross_inputs.push_back({0, 1, 2, 0.15});
  ind[2].cross_inputs.push_back({1, 1, 2, 0.2});
  CHECK(sim::io_relatedness(ind, 0, 1) == Approx(0.3));
  CHECK(sim::io_relatedness(ind, 1, 0) == Approx(0.3));
  CHECK(sim::io_relatedness(ind, 1, 2) == Approx(0.2));
  CHECK(sim::io_relatedness(ind, 2, 2) == 1.0);
}

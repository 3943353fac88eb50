#include "sim/region_metrics.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("region metrics: shares, means and cross-region ties per region", "[sim]") {
  World w;
  w.industries = {Industry{"a", {"s"}, 1.0, {}, 1.0, {}}};
  w.regions.resize(2);
  w.regions[1].infrastructure = 0.8;
  w.tick = 5;
  // Region 0: firms 0, 1 (firm 1 on a platform, an SME); region 1: firm 2 (large, on the cloud).
  for (int k = 0; k < 3; ++k) {
    auto f = w.add_firm();
    w.firms.region[f] = RegionId{static_cast<std::uint16_t>(k < 2 ? 0 : 1)};
    w.firms.employees[f] = k == 2 ? 500 : 20;
    w.firms.productivity[f] = 1.0 + k;
    w.firms.revenue[f] = Money{100.0 * (k + 1)};
  }
  w.firms.platforms[1] = 1u;
  w.firms.on_cloud[1] = 1;
  w.firms.on_cloud[2] = 1;
  boost::add_edge(0, 1, Tie{}, w.network);  // local
  boost::add_edge(1, 2, Tie{}, w.network);  // cross-region: counts for both regions
  const auto m = region_metrics(w, 250.0);
  REQUIRE(m.size() == 2);
  CHECK(m[0].firms == 2);
  CHECK(m[0].output == Approx(300.0));
  CHECK(m[0].adoption_share == Approx(0.5));
  CHECK(m[0].sme_adoption_share == Approx(0.5));
  CHECK(m[0].cloud_adoption_share == Approx(0.5));
  CHECK(m[0].productivity_mean == Approx(1.5));
  CHECK(m[0].cross_region_tie_share == Approx(0.5));
  CHECK(m[1].cross_region_tie_share == Approx(1.0));
  CHECK(m[1].adoption_share == 0.0);
  CHECK(m[1].cloud_adoption_share == Approx(1.0));
  CHECK(m[1].sme_adoption_share == 0.0);  // no SMEs there
  CHECK(m[1].infrastructure == Approx(0.8));

  // An exited firm leaves the stocks and its ties stop counting.
  w.firms.alive[2] = 0;
  w.firms.exit_tick[2] = w.tick - 1;
  const auto after = region_metrics(w, 250.0);
  CHECK(after[1].firms == 0);
  CHECK(after[1].output == 0.0);
  CHECK(after[0].cross_region_tie_share == 0.0);
}

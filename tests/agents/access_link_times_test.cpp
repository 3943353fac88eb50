// The per-region cache of an order message's e-mail leg (agents/access_link_times.*): it must return exactly
// (to the bit) what computing afresh returns, also after a region's level changed without a refresh.
#include "agents/access_link_times.hpp"

#include <catch2/catch.hpp>

#include "agents/cluster_model.hpp"
#include "agents/order_handling.hpp"
#include "scenarios/world_builder.hpp"
#include "test_support.hpp"

using namespace vicsim;
using namespace vicsim::agents;

TEST_CASE(
    "access_link_times: cached entries equal a fresh computation bit for bit, stale levels are recomputed",
    "[agents]") {
  InfrastructureParams ip;
  std::vector<sim::Region> regions(4);
  const double levels[] = {0.0, 0.3, 0.77, 1.0};
  for (std::size_t r = 0; r < regions.size(); ++r) regions[r].infrastructure = levels[r];
  AccessLinkTimes cache;
  cache.refresh(ip, regions);
  REQUIRE(cache.seconds.size() == regions.size());
  for (std::size_t r = 0; r < regions.size(); ++r) {
    CHECK(cache.seconds[r] == access_link_s(ip, levels[r]));
    CHECK(cache.at(ip, r, levels[r]) == access_link_s(ip, levels[r]));
  }
  // Faster links at higher levels: the entries differ, so a stale entry would be seen.
  CHECK(cache.seconds[0] > cache.seconds[3]);
  // A policy raised region 1's level after the refresh: the entry is computed at the new level.
  CHECK(cache.at(ip, 1, 0.9) == access_link_s(ip, 0.9));
  CHECK(cache.at(ip, 1, 0.9) != cache.seconds[1]);
  // A region the cache does not hold yet.
  CHECK(cache.at(ip, 7, 0.5) == access_link_s(ip, 0.5));
}

TEST_CASE("access_link_times: e-mail order messages take the same seconds with and without the cache",
          "[agents]") {
  auto s = test::load("platform_led.json", {"ticks=36", "seed=5"});
  ClusterModel model = scenarios::build_model(s);
  for (int t = 0; t < 3; ++t) model.step();
  ModelContext& c = model.mutable_context();
  REQUIRE(c.params.infrastructure.enabled);
  const std::size_t R = c.world.regions.size(), email = c.world.platforms.size();
  REQUIRE(c.access_links.seconds.size() == R);  // refreshed by the month's orders
  std::vector<double> cached;
  for (std::size_t a = 0; a < R; ++a)
    for (std::size_t b = 0; b < R; ++b) cached.push_back(order_message_s(c, a, b, email));
  c.access_links = AccessLinkTimes{};
  std::size_t k = 0;
  for (std::size_t a = 0; a < R; ++a)
    for (std::size_t b = 0; b < R; ++b) CHECK(order_message_s(c, a, b, email) == cached[k++]);
}

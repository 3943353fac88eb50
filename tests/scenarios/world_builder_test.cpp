// The world builder: declared platforms' joining rules (docs/ODD.md 7.17, 7.51).
#include "scenarios/world_builder.hpp"

#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace vicsim;

TEST_CASE("world_builder: a declared platform admits only its owner's partners when it says so",
          "[scenarios]") {
  auto s = test::load("platform_led.json", {"mechanisms.population.count=300", "ticks=1"});
  std::size_t k = s.platforms.size();
  for (std::size_t p = 0; p < s.platforms.size(); ++p)
    if (s.platforms[p].name == "Machinery Point") k = p;
  REQUIRE(k < s.platforms.size());
  REQUIRE(s.platforms[k].owner == "chain_master");
  // The bundled file admits by region and industry only: no declared platform is a partners-only point.
  for (const auto& pl : scenarios::build_world(s).platforms) CHECK_FALSE(pl.partners_only);
  s.platforms[k].partners_only = true;
  const auto w = scenarios::build_world(s);
  for (std::size_t p = 0; p < w.platforms.size(); ++p) CHECK(w.platforms[p].partners_only == (p == k));
}

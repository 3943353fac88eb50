// The platform's admission rule by industry (sim/platform.hpp: admits_industry; docs/ODD.md 7.93).
#include "sim/platform.hpp"

#include <catch2/catch.hpp>

using namespace vicsim;

TEST_CASE("platform: a closed line admits its own industry and the related industries its founder chose",
          "[sim]") {
  sim::Platform pl;
  pl.industry = 0;
  pl.open_industries = false;
  CHECK(sim::admits_industry(pl, 0));
  CHECK_FALSE(sim::admits_industry(pl, 1));
  CHECK_FALSE(sim::admits_industry(pl, 2));
  pl.related_industries = 1u << 2;
  CHECK(sim::admits_industry(pl, 0));
  CHECK_FALSE(sim::admits_industry(pl, 1));
  CHECK(sim::admits_industry(pl, 2));
  CHECK_FALSE(sim::admits_industry(pl, 40));  // beyond the mask: never
  pl.open_industries = true;
  CHECK(sim::admits_industry(pl, 1));
}

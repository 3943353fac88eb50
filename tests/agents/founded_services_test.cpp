// The services a founded platform offers (docs/ODD.md 7.50, 7.51).
#include "agents/founded_services.hpp"

#include <catch2/catch.hpp>

using namespace vicsim;
using Level = sim::PlatformLevel;

namespace {
bool same(const sim::PlatformServices& a, const sim::PlatformServices& b) {
  return a.matchmaking == b.matchmaking && a.dispatch == b.dispatch && a.forecasting == b.forecasting &&
         a.knowledge == b.knowledge && a.finance == b.finance && a.logistics == b.logistics &&
         a.cross_border == b.cross_border;
}
sim::PlatformServices only(std::initializer_list<bool sim::PlatformServices::*> on) {
  sim::PlatformServices s;
  s.matchmaking = false;
  for (auto m : on) s.*m = true;
  return s;
}
}  // namespace

TEST_CASE("founded_services: each level offers its own services when every switch is on", "[agents]") {
  const agents::FoundedServiceSwitches all;
  using S = sim::PlatformServices;
  CHECK(same(agents::founded_services(Level::Enterprise, all), only({&S::dispatch, &S::forecasting})));
  CHECK(same(agents::founded_services(Level::Industry, all),
             only({&S::matchmaking, &S::knowledge, &S::dispatch})));
  CHECK(same(agents::founded_services(Level::Regional, all),
             only({&S::matchmaking, &S::finance, &S::logistics})));
}

TEST_CASE("founded_services: a switch turned off removes that service at every level, and only it",
          "[agents]") {
  using S = sim::PlatformServices;
  agents::FoundedServiceSwitches no_dispatch;
  no_dispatch.on.dispatch = false;
  CHECK(same(agents::founded_services(Level::Enterprise, no_dispatch), only({&S::forecasting})));
  CHECK(same(agents::founded_services(Level::Industry, no_dispatch), only({&S::matchmaking, &S::knowledge})));
  CHECK(same(agents::founded_services(Level::Regional, no_dispatch),
             only({&S::matchmaking, &S::finance, &S::logistics})));
  // No level offers cross-border matchmaking, so it has no switch of its own (no scenario key).
  CHECK_FALSE(agents::some_level_offers(&S::cross_border));
  for (auto m : {&S::matchmaking, &S::dispatch, &S::forecasting, &S::knowledge, &S::finance, &S::logistics})
    CHECK(agents::some_level_offers(m));
}

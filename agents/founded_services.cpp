#include "agents/founded_services.hpp"

namespace vicsim::agents {

namespace {

/** What each level provides to its members (docs/ODD.md 7.51). */
sim::PlatformServices level_services(sim::PlatformLevel level) {
  sim::PlatformServices s;
  s.matchmaking = level != sim::PlatformLevel::Enterprise;
  s.knowledge = level == sim::PlatformLevel::Industry;      // vertical apps
  s.dispatch = level != sim::PlatformLevel::Regional;       // the chain's and the industry's idle capacity
  s.forecasting = level == sim::PlatformLevel::Enterprise;  // the chain-master's C2M demand data
  s.finance = level == sim::PlatformLevel::Regional;        // data-driven credit
  s.logistics = level == sim::PlatformLevel::Regional;      // regional warehouses
  return s;
}

constexpr sim::PlatformLevel kFoundedLevels[] = {sim::PlatformLevel::Enterprise, sim::PlatformLevel::Industry,
                                                 sim::PlatformLevel::Regional};

constexpr bool sim::PlatformServices::*kServices[] = {
    &sim::PlatformServices::matchmaking, &sim::PlatformServices::dispatch,
    &sim::PlatformServices::forecasting, &sim::PlatformServices::knowledge,
    &sim::PlatformServices::finance,     &sim::PlatformServices::logistics,
    &sim::PlatformServices::cross_border};

}  // namespace

sim::PlatformServices founded_services(sim::PlatformLevel level, const FoundedServiceSwitches& allowed) {
  sim::PlatformServices s = level_services(level);
  for (auto service : kServices) s.*service = s.*service && allowed.on.*service;
  return s;
}

bool some_level_offers(bool sim::PlatformServices::*service) {
  for (auto level : kFoundedLevels)
    if (level_services(level).*service) return true;
  return false;
}

}  // namespace vicsim::agents

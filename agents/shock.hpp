#pragma once
/** @file Exogenous shocks for resilience experiments: a demand shock and a regional disruption. */
#include <cstdint>
#include <string>

namespace vicsim::agents {

/** @brief A shock that holds from `start` for `duration` ticks. */
struct Shock {
  enum class Kind : std::uint8_t { Demand, RegionalDisruption };
  std::string name;
  Kind kind = Kind::Demand;
  std::int32_t start = 60;
  std::int32_t duration = 6;
  double magnitude = 0.3;      ///< demand: share of final demand lost; disruption: share of capacity lost
  std::int32_t industry = -1;  ///< demand shock: industry hit, -1 all
  std::int32_t region = 0;     ///< disruption: region hit

  bool active(std::int32_t tick) const { return tick >= start && tick < start + duration; }
};

}  // namespace vicsim::agents

#pragma once
/** @file The ramp a purchase of in-plant services goes through over its decision horizon (docs/ODD.md
 * 7.106), by starting level, kept from month to month: installed systems are at the few levels their months
 * of buying give, and a path depends on nothing else but five parameters (filled in in_plant_services.cpp).
 */
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace vicsim::agents {

/** @brief For k = 1 … H, a purchase from one starting level: the discount β^k, the realised share of the
 * records and of the rework part (in_plant_realised_share) and the level itself. */
struct RampPath {
  std::vector<double> discount, records_share, rework_share, level;
};

/** @brief Ramp paths by the bits of their starting level, for the parameters whose bits are `inputs`
 * (service life, interest, ramp months, belief memory, reliability persistence): a path is the one
 * fill_ramp_path gives for exactly that level and those parameters. */
struct RampPaths {
  std::array<std::uint64_t, 5> inputs{};
  std::unordered_map<std::uint64_t, RampPath> by_level;
};

}  // namespace vicsim::agents

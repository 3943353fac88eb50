#pragma once
// Which platforms are connected through the 1+N middle platform (docs/ODD.md 7.22): one rule for the model's
// reach (agents::update_platform_roster) and for what the outputs report (platforms.csv,
// interconnected_share).
#include <cstdint>
#include <vector>

#include "sim/platform.hpp"

namespace vicsim::sim {

/** @brief One bit per platform index: alive, `interconnected` set, and an alive middle platform exists (the
 * flag alone can outlive the middle platform, or be set by a mandate in a world without one). */
inline std::uint32_t connected_platforms(const std::vector<Platform>& platforms) {
  bool middle_alive = false;
  for (const Platform& pl : platforms) middle_alive |= pl.alive && pl.level == PlatformLevel::Middle;
  std::uint32_t connected = 0;
  for (std::size_t p = 0; p < platforms.size() && middle_alive; ++p)
    if (platforms[p].alive && platforms[p].interconnected) connected |= 1u << p;
  return connected;
}

}  // namespace vicsim::sim

#pragma once
/** @file Event counts of one tick, filled by the model's phases and read by the metrics. */
#include <cstdint>

namespace vicsim::sim {

/** @brief What happened during one tick (counts of events). */
struct TickStats {
  std::uint32_t entries = 0;
  std::uint32_t exits = 0;
  std::uint32_t relocations = 0;  ///< entrants that paid a relocation barrier
  std::uint32_t innovations = 0;
  std::uint32_t imitations = 0;
  std::uint32_t ties_formed = 0;
  std::uint32_t ties_dissolved = 0;  ///< by decay or replacement (not by exit)
  std::uint32_t ties_orphaned = 0;   ///< lost because the partner exited
};

}  // namespace vicsim::sim

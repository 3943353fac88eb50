#pragma once
/** @file The world: static geography and industries, firm arrays, the supply network and the clock. */
#include <cstdint>
#include <vector>

#include "sim/exited_firms.hpp"
#include "sim/firms.hpp"
#include "sim/industry.hpp"
#include "sim/platform.hpp"
#include "sim/region.hpp"
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief Everything the model mutates, plus the static context it needs. No I/O happens here. */
struct World {
  std::uint64_t seed = 1;
  std::int32_t tick = 0;
  std::vector<Region> regions;
  std::vector<Industry> industries;
  std::vector<std::vector<double>> distance_km;  ///< region × region; diagonal = internal distance
  std::vector<std::vector<double>> unit_scale;   ///< industry × stage: units per worker-productivity unit
  std::vector<double> final_demand;              ///< units per month, per industry
  Firms firms;
  ExitedFirms exited;  ///< what outputs need of firms compacted away (compact_firms)
  SupplyGraph network;
  std::uint32_t supply_ties_formed = 0;  ///< supply ties added to `network` so far; stamps Tie::seq
  std::vector<Platform> platforms;       ///< at most kMaxPlatforms; launched ones have alive = true

  /** @brief Distance between two firms (km): the inter-region distance, or the internal one. */
  double firm_distance(FirmIndex a, FirmIndex b) const {
    return distance_km[idx(firms.region[a])][idx(firms.region[b])];
  }
  /** @brief Adds a firm slot and its network vertex; returns the slot. */
  FirmIndex add_firm();
  /** @brief Reserves room for n firm slots in the firm arrays and the network's vertices. */
  void reserve_firms(std::size_t n) {
    firms.reserve(n);
    network.reserve_vertices(n);
  }
  /** @brief Drops the exited firms' slots from the firm arrays and the network (archiving what outputs
   * need of them in `exited`) and renumbers the others in order. Returns the map old slot → new slot
   * (Firms::kGone for a dropped one) for the caller's own per-slot state; empty if nothing was dropped. */
  std::vector<FirmIndex> compact_firms();
  /** @brief Recomputes the region distance matrix from coordinates. */
  void compute_distances();
};

}  // namespace vicsim::sim

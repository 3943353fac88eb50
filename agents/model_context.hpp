#pragma once
/** @file State shared by the model's phases during a run: the world, parameters and per-tick
 * derived data (directories, mean prices, the order-processing sequence). */
#include <vector>

#include "agents/model_params.hpp"
#include "sim/firm_directory.hpp"
#include "sim/tick_stats.hpp"
#include "sim/world.hpp"

namespace vicsim::agents {

/** @brief Everything a phase may read or write. Owned by ClusterModel. */
struct ModelContext {
  sim::World world;
  ModelParams params;
  unsigned threads = 1;
  sim::FirmDirectory directory;
  /** @brief Input needs per type key (industry, stage). */
  std::vector<std::vector<sim::InputNeed>> needs;
  /** @brief For each type key, the (customer type key, input slot) pairs that buy from it. */
  std::vector<std::vector<std::pair<std::size_t, std::uint16_t>>> buyers_of;
  /** @brief Type keys with every customer type before its supplier types. */
  std::vector<std::size_t> customers_first;
  /** @brief (industry, stage) of each type key. */
  std::vector<std::pair<std::size_t, std::size_t>> type_of;
  /** @brief Capacity-weighted mean price per type key (yuan per unit), this tick. */
  std::vector<double> mean_price;
  /** @brief Capacity-weighted mean productivity per type key, this tick. */
  std::vector<double> mean_productivity;
  /** @brief Profit margin (profit / revenue) per type key, last tick. */
  std::vector<double> type_margin;
  sim::TickStats stats;

  std::size_t type_key(sim::FirmIndex f) const {
    return directory.type_key(sim::idx(world.firms.industry[f]), world.firms.stage[f]);
  }
  bool is_final_stage(sim::FirmIndex f) const {
    return world.firms.stage[f] + 1u == world.industries[sim::idx(world.firms.industry[f])].stages.size();
  }
};

}  // namespace vicsim::agents

#pragma once
/** @file Per-region cache of the e-mail leg of an order message: the access link's latency plus the transfer
 * time of one order message at the region's infrastructure level (docs/ODD.md 7.83). Order handling reads it
 * for every tie and spot purchase; computing it needs a `pow`, and it changes only when a policy raises a
 * region's level (pure performance, docs/ODD.md 7.100: values are bit-identical to computing afresh). */
#include <cstddef>
#include <vector>

#include "agents/model_params.hpp"
#include "sim/region.hpp"

namespace vicsim::agents {

/** @brief Access latency plus one order message's transfer time (s) on a region's access link at
 * infrastructure level `level` in [0,1]: access_latency_s + order_bytes / access_bandwidth_Bps. */
double access_link_s(const InfrastructureParams& p, double level);

/** @brief access_link_s of every region at the level it had when last refreshed. */
struct AccessLinkTimes {
  std::vector<double> level;    ///< [region] infrastructure level the entry was computed at (0–1)
  std::vector<double> seconds;  ///< [region] access_link_s at that level (s)

  /** @brief Recomputes every region's entry (serial; call when no thread reads the cache). */
  void refresh(const InfrastructureParams& p, const std::vector<sim::Region>& regions);

  /** @brief access_link_s(p, now) of region r at its level `now`: the cached value if it was computed at
   * exactly `now`, else computed afresh (a region not yet cached, or a level changed since the refresh). */
  double at(const InfrastructureParams& p, std::size_t r, double now) const {
    return r < level.size() && level[r] == now ? seconds[r] : access_link_s(p, now);
  }
};

}  // namespace vicsim::agents

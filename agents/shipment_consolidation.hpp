#pragma once
/** @file Shipment consolidation: a shipment waits until its load fills or the hold limit passes, so the wait
 * falls with the flow on the lane it is pooled on. A shipper pools only its own flow to a region; a platform
 * that offers shared logistics pools all its users' flows on a region pair, for a fee (docs/ODD.md 7.60). */
#include <cstddef>
#include <cstdint>
#include <vector>

#include "agents/model_params.hpp"
#include "sim/prefetch.hpp"
#include "sim/supply_network.hpp"
#include "sim/units.hpp"

namespace vicsim::agents {

struct ModelContext;

/** @brief A shipper's first own lane, stored in place; its further lanes are in LogisticsLanes' overflow.
 * Most shippers ship on one lane or none (docs/PERFORMANCE.md, session 20), so 16 bytes per firm slot replace
 * a row of one double per region (48 bytes with 6 regions; issue 15). */
struct OwnLanes {
  static constexpr std::uint16_t kNoRegion = 0xFFFF;
  double value = 0.0;                ///< flow on the first lane, yuan per day
  std::uint32_t more = 0;            ///< index of the further lanes in LogisticsLanes::more
  std::uint16_t region = kNoRegion;  ///< destination of the first lane (kNoRegion: no lane)
  std::uint16_t more_count = 0;      ///< further lanes, in ascending region order
  friend bool operator==(const OwnLanes&, const OwnLanes&) = default;
};
static_assert(sizeof(OwnLanes) == 16, "OwnLanes is one firm slot's share of the lanes (issue 15)");

/** @brief One of a shipper's further lanes: its flow and destination side by side, so that reading a lane
 * costs one cache miss, not one per array (issue 15). */
struct MoreLane {
  double value = 0.0;                          ///< flow, yuan per day
  std::uint16_t region = OwnLanes::kNoRegion;  ///< destination
  friend bool operator==(const MoreLane&, const MoreLane&) = default;
};

/** @brief Lane flows of the tick (yuan of goods per day): each shipper's own flow to each region it ships to,
 * and each logistics platform's pooled flow on each (origin region, destination region) pair. */
struct LogisticsLanes {
  std::size_t regions = 0;
  std::size_t platforms = 0;
  std::vector<OwnLanes> own;   ///< per shipper slot: its lanes, the first in place
  std::vector<MoreLane> more;  ///< shippers' further lanes
  std::vector<double> pool;    ///< [(platform · regions + origin) · regions + destination]

  /** @brief Shipper s's own flow to region r (0 if it ships nothing there, or was created after the lanes
   * were counted). */
  double own_flow(std::size_t s, std::size_t r) const {
    if (s >= own.size()) return 0.0;
    const OwnLanes& o = own[s];
    if (o.region == r) return o.value;
    for (std::size_t k = o.more; k < o.more + o.more_count; ++k)
      if (more[k].region == r) return more[k].value;
    return 0.0;
  }
  /** @brief Starts loading the further lane own_flow(s, r) would read, once own[s] is in cache: a hint that
   * changes no value. A loop calls it a firm or two after it prefetched own[s], since the further lane's
   * place is known only from own[s] (docs/PERFORMANCE.md, session 42). */
  void prefetch_further_lane(std::size_t s, std::size_t r) const {
    if (s >= own.size()) return;
    const OwnLanes& o = own[s];
    if (o.region != r && o.more_count > 0) sim::prefetch(&more[o.more]);
  }
  /** @brief Platform p's pooled flow from region a to region b (0 if none was counted). */
  double pool_flow(std::size_t p, std::size_t a, std::size_t b) const {
    const std::size_t k = (p * regions + a) * regions + b;
    return p < platforms && a < regions && b < regions && k < pool.size() ? pool[k] : 0.0;
  }
};

/** @brief Mean wait (days) of a unit shipped on a lane of flow `flow_yuan_per_day` under a time-and-quantity
 * release policy: a load leaves when it reaches `load_yuan` or after `max_hold_days`, whichever comes first,
 * and a unit arriving uniformly in the cycle waits half of it: min(load / flow, max_hold) / 2. */
double consolidation_wait_days(const TradeParams& p, double flow_yuan_per_day);

/** @brief How one supply tie ships: whether it uses its platform's shared logistics, the wait, and the
 * logistics fee (share of the shipment's value, paid to the platform). */
struct Shipping {
  bool pooled = false;   ///< ships through the platform's pooled lane
  double wait_days = 0;  ///< consolidation wait, days
  double fee = 0;        ///< logistics fee, share of value (0 unless pooled)
};

/** @brief The shipping choice of tie t (supplier t.supplier) to buyer b: the platform's pooled lane if the
 * tie trades on a platform that offers logistics and the lead-time value of the days saved exceeds the fee,
 * else the shipper's own lane. */
Shipping tie_shipping(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b);

/** @brief Counts this tick's lane flows from the units ordered on supply ties (after ordering, before
 * settlement): shippers' own flows, then each logistics platform's pool as the fixed point of who finds it
 * worth its fee. */
void update_logistics_lanes(ModelContext& c);

}  // namespace vicsim::agents

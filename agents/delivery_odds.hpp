#pragma once

#include <cstdint>

namespace vicsim::agents {

/** @brief Hidden reliability of what a supplier delivers this tick (probabilities per delivery and per lot).
 */
struct MakerReliability {
  double on_time = 0.0;  ///< chance a delivery is on time, before the supplier's fill rate
  double defect = 0.0;   ///< chance a lot is defective
};

/** @brief What supplier s's deliveries are drawn from this tick: the reliability of what it delivers
 * (delivery_reliability) and its fill rate, side by side in one 32-byte block, so that settlement, which
 * gathers them for every supplier before its pass over the ties, reads a scattered supplier's odds with one
 * cache miss instead of five (reliability, defects, fill, orders, dispatched units). */
struct alignas(32) DeliveryOdds {
  MakerReliability made;
  double fill = 0.0;  ///< share of the supplier's orders delivered this tick
};

/** @brief One delivery a buyer saw this month, as its supplier's delivery record gathers it: 8 bytes, the
 * drawn counts as they are on the tie (a late flag, defective lots), not as doubles. */
struct ObservedDelivery {
  std::uint32_t supplier;  ///< the supplier's slot (sim::FirmIndex)
  std::uint8_t late;       ///< 1 if it came late
  std::uint8_t bad_lots;   ///< defective lots in it
};

}  // namespace vicsim::agents

#pragma once
/** @file A supplier's public delivery record (docs/ODD.md 7.31). */

namespace vicsim::sim {

/** @brief Discounted counts of a supplier's deliveries and lots, as a platform's ratings show them (7.31).
 * One record per firm, its four counts in one 32-byte block: a buyer reading a scattered supplier's record
 * (with_rating) then waits for one cache line, not four. */
struct alignas(32) DeliveryRecord {
  double on_time = 0.0;    ///< deliveries that came on time
  double late = 0.0;       ///< late deliveries
  double good_lots = 0.0;  ///< delivered lots found sound
  double bad_lots = 0.0;   ///< delivered lots found defective
};

}  // namespace vicsim::sim

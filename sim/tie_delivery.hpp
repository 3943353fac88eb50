#pragma once
/** @file What a supply tie delivers in a month (docs/ODD.md 7.3: delivered_ij = units_ij · φ_j). It is not
 * stored in the tie: the supplier's fill rate φ_j is set once a month (realise_production) and the tie's
 * units before it (the orders), so the product is the same double wherever it is formed, and without the
 * field a tie record fits one cache line (docs/PERFORMANCE.md, session 44). */
#include "sim/firms.hpp"
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief Units supply tie t delivers this month, given its supplier's fill rate. */
inline double delivered_units(const Tie& t, double supplier_fill) { return t.units * supplier_fill; }

/** @brief Units supply tie t delivers this month (its supplier's fill rate read from f). */
inline double delivered_units(const Tie& t, const Firms& f) { return delivered_units(t, f.fill[t.supplier]); }

}  // namespace vicsim::sim

#pragma once
/** @file What a supply tie delivers in a month (docs/ODD.md 7.3: delivered_ij = units_ij · φ_j). It is not
 * stored in the tie: the orders set the tie's units, then realise_production sets the supplier's fill rate
 * φ_j once a month, suppliers' types before their customers' (customers_first_order rejects a cyclic value
 * chain), so every reader after it sees this month's φ_j; ties formed later in the month have units 0. The
 * product is therefore the double a stored field would hold, and without the field a tie record fits one
 * cache line (docs/PERFORMANCE.md, session 44). */
#include "sim/firms.hpp"
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief Units supply tie t delivers this month, given its supplier's fill rate. */
inline double delivered_units(const Tie& t, double supplier_fill) { return t.units * supplier_fill; }

/** @brief Units supply tie t delivers this month (its supplier's fill rate read from f). */
inline double delivered_units(const Tie& t, const Firms& f) { return delivered_units(t, f.fill[t.supplier]); }

}  // namespace vicsim::sim

#pragma once
// Field-by-field comparison of two ties for tests that check two computations give the same tie.
#include <catch2/catch.hpp>

#include "sim/supply_network.hpp"

namespace vicsim::test {

/** @brief CHECKs that every field of x equals y's (exact: both sides must be computed the same way). */
inline void check_same_tie(const sim::Tie& x, const sim::Tie& y) {
  CHECK(x.trust == y.trust);
  CHECK(x.on_time_a == y.on_time_a);
  CHECK(x.on_time_b == y.on_time_b);
  CHECK(x.defect_a == y.defect_a);
  CHECK(x.defect_b == y.defect_b);
  CHECK(x.supplier == y.supplier);
  CHECK(x.late == y.late);
  CHECK(x.bad_lots == y.bad_lots);
  CHECK(x.observed == y.observed);
  CHECK(x.units == y.units);
  CHECK(x.formed_tick == y.formed_tick);
  CHECK(x.input_slot == y.input_slot);
  CHECK(x.channel == y.channel);
  CHECK(x.platform == y.platform);
  CHECK(x.cross_platform == y.cross_platform);
  CHECK(x.brokered == y.brokered);
  CHECK(x.kind == y.kind);
}

}  // namespace vicsim::test

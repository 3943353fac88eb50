#pragma once
/** @file Prefetch of a firm's arc lists, the first step of prefetching what its partners hold. */
#include <cstddef>

#include "sim/prefetch.hpp"
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief Starts loading vertex v's in-arc and out-arc lists. Each list is its own allocation, so a loop that
 * prefetches v's partners a few vertices ahead stalls on the list first unless it was started earlier still
 * (call it about twice as far ahead). A hint only: reads and changes nothing. */
inline void prefetch_arc_lists(const SupplyGraph& g, std::size_t v) {
  if (const auto& in = g.in_arcs(v); !in.empty()) prefetch(in.data());
  if (const auto& out = g.out_arcs(v); !out.empty()) prefetch(out.data());
}

}  // namespace vicsim::sim

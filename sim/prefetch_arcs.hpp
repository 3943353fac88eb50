#pragma once
/** @file Prefetch of a firm's arc lists, the first step of prefetching what its partners hold. */
#include <cstddef>
#include <vector>

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

/** @brief For the firm at position k of `order` in a loop over its firms' in-ties: starts loading the in-tie
 * records of the firm `ahead` places on (prefetch_ties) and the in-arc list of the firm twice as far, which
 * that prefetch reads, so both have arrived by their turn instead of missing at the firm itself. A hint
 * only: reads and changes nothing. */
inline void prefetch_in_ties_ahead(const SupplyGraph& g, const std::vector<FirmIndex>& order, std::size_t k,
                                   std::size_t ahead) {
  if (k + ahead < order.size()) prefetch_ties(g, order[k + ahead]);
  if (k + 2 * ahead < order.size())
    if (const auto& in = g.in_arcs(order[k + 2 * ahead]); !in.empty()) prefetch(in.data());
}

}  // namespace vicsim::sim

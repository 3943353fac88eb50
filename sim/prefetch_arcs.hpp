#pragma once
/** @file Prefetch of a firm's arc lists, the first step of prefetching what its partners hold. */
#include <cstddef>
#include <span>

#include "sim/prefetch.hpp"
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief Starts loading the header (begin, end) of vertex v's out-arc list (`out`) or in-arc list: the step
 * before prefetch_arc_list, for a vertex at a scattered index. A hint only: reads and changes nothing. */
inline void prefetch_arc_header(const SupplyGraph& g, std::size_t v, bool out) {
  prefetch(out ? &g.out_arcs(v) : &g.in_arcs(v));
}

/** @brief Starts loading vertex v's out-arc list (`out`) or in-arc list. It reads the list's header, so that
 * should be in cache by now (prefetch_arc_header). A hint only: reads and changes nothing. */
inline void prefetch_arc_list(const SupplyGraph& g, std::size_t v, bool out) {
  if (const auto& arcs = out ? g.out_arcs(v) : g.in_arcs(v); !arcs.empty()) prefetch(arcs.data());
}

/** @brief Starts loading vertex v's in-arc and out-arc lists. Each list is its own allocation, so a loop that
 * prefetches v's partners a few vertices ahead stalls on the list first unless it was started earlier still
 * (call it about twice as far ahead). A hint only: reads and changes nothing. */
inline void prefetch_arc_lists(const SupplyGraph& g, std::size_t v) {
  prefetch_arc_list(g, v, false);
  prefetch_arc_list(g, v, true);
}

/** @brief For position k of a loop over `count` firms, firm_at(j) the firm at position j: starts loading the
 * arc list (in-arcs, or out-arcs with `out`) of the firm 2·ahead places on and the list's header (begin, end)
 * of the firm 3·ahead on. A prefetch of a firm's tie records or partners reads both first; the firms sit at
 * scattered indices, so without this both loads miss inside that prefetch. A hint only: reads and changes
 * nothing. */
template <class FirmAt>
inline void prefetch_arcs_ahead_of(const SupplyGraph& g, FirmAt&& firm_at, std::size_t count, std::size_t k,
                                   std::size_t ahead, bool out) {
  if (k + 3 * ahead < count) prefetch_arc_header(g, firm_at(k + 3 * ahead), out);
  if (k + 2 * ahead < count) prefetch_arc_list(g, firm_at(k + 2 * ahead), out);
}

/** @brief prefetch_arcs_ahead_of for a loop over the firms of `order`. */
inline void prefetch_arcs_ahead(const SupplyGraph& g, std::span<const FirmIndex> order, std::size_t k,
                                std::size_t ahead, bool out = false) {
  prefetch_arcs_ahead_of(
      g, [&](std::size_t j) { return order[j]; }, order.size(), k, ahead, out);
}

/** @brief For the firm at position k of `order` in a loop over its firms' in-ties: starts loading the in-tie
 * records of the firm `ahead` places on (prefetch_ties) and, further on, the in-arc lists that prefetch reads
 * (prefetch_arcs_ahead), so both have arrived by their turn. A hint only: reads and changes nothing. */
inline void prefetch_in_ties_ahead(const SupplyGraph& g, std::span<const FirmIndex> order, std::size_t k,
                                   std::size_t ahead) {
  if (k + ahead < order.size()) prefetch_ties(g, order[k + ahead]);
  prefetch_arcs_ahead(g, order, k, ahead);
}

/** @brief For vertex v in a loop over the vertices below `last` in index order, over their out-ties: starts
 * loading the out-tie records of vertex v + ahead and, further on, the out-arc lists that prefetch reads
 * (prefetch_arcs_ahead_of). A supplier's out-tie records are scattered, as ties are stored in customer order.
 * A hint only: reads and changes nothing. */
inline void prefetch_out_ties_in_index_order(const SupplyGraph& g, std::size_t v, std::size_t last,
                                             std::size_t ahead) {
  if (v + ahead < last) prefetch_ties(g, v + ahead, true);
  prefetch_arcs_ahead_of(
      g, [](std::size_t j) { return j; }, last, v, ahead, true);
}

}  // namespace vicsim::sim

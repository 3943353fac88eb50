#pragma once
/** @file Compaction of the tie storage: ties formed over many months end up scattered over the heap (each
 * Boost edge is a separately allocated list node), so the model's loops over a firm's ties miss the cache
 * once the network outgrows it. */
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief The tick loop compacts the ties every this many months (and the warm-up as often). At 30,000
 * firms every 6 months kept the gain of compacting every month at a fifth of its cost
 * (docs/PERFORMANCE.md). */
inline constexpr int kCompactTiesEvery = 6;

/**
 * @brief Rebuilds g with the same vertices, ties, tie properties and the same order of every firm's in- and
 * out-ties and of the global edge list, with each firm's incidence arrays allocated in firm order and the
 * tie records allocated one after another in customer order (each firm's in-ties together, in in-edge
 * order), the order the model's per-customer loops read them in. Model results do not change; edge
 * descriptors taken before the call are invalid after it.
 */
void compact_ties(SupplyGraph& g);

}  // namespace vicsim::sim

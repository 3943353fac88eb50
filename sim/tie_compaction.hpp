#pragma once
/** @file Compaction of the tie storage: ties formed and dissolved over many months leave the pool's records
 * out of customer order (new ties go to the end or into freed slots), so the model's loops over a firm's
 * ties miss the cache once the network outgrows it. */
#include "sim/supply_network.hpp"

namespace vicsim::sim {

/** @brief The tick loop compacts the ties every this many months (and the warm-up as often). At 30,000
 * firms every 6 months kept the gain of compacting every month at a fifth of its cost
 * (docs/PERFORMANCE.md). */
inline constexpr int kCompactTiesEvery = 6;

/**
 * @brief Keeps g's vertices, ties, tie properties and the order of every firm's in- and out-ties and of
 * the global edge list, and rewrites the tie pool one record after another in customer order (each firm's
 * in-ties together, in in-edge order), the order the model's per-customer loops read them in
 * (SupplyGraph::compact, on up to `threads` threads). Model results do not change; edge descriptors and Tie
 * references taken before the call are invalid after it.
 */
void compact_ties(SupplyGraph& g, unsigned threads = 1);

}  // namespace vicsim::sim

#include "sim/tie_compaction.hpp"

namespace vicsim::sim {

void compact_ties(SupplyGraph& g, unsigned threads) { g.compact(threads); }

}  // namespace vicsim::sim

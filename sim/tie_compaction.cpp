#include "sim/tie_compaction.hpp"

namespace vicsim::sim {

void compact_ties(SupplyGraph& g) { g.compact(); }

}  // namespace vicsim::sim

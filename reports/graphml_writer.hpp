#pragma once
/** @file Writing the alive firms and their ties as GraphML (network/tick_NNNN.graphml; read back by
 * reports/graphml_snapshot.hpp). */
#include <ostream>

#include "sim/world.hpp"

namespace vicsim::reports {

/** @brief Writes the alive firms and their ties as directed GraphML (Gephi, networkx, igraph read it). Keys
 * are those Boost.Graph's write_graphml gives the same properties; numbers are the shortest text that reads
 * back to the same double, formatted with std::to_chars. Each node and each edge is one line with its data
 * (no indentation): a sixth fewer bytes than one line per attribute, which at 1M firms is gigabytes a run
 * (docs/PERFORMANCE.md, session 42), and `grep -c '<node'` counts firms. Chunks of firms are formatted on up
 * to `threads` threads and written in index order, so the file is the same bytes for any thread count. */
void write_graphml(std::ostream& out, const sim::World& w, unsigned threads = 1);

}  // namespace vicsim::reports

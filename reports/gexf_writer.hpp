#pragma once
/** @file A dynamic GEXF 1.2 graph (Gephi's timeline) built from a run's GraphML snapshots. */
#include <ostream>
#include <string>
#include <vector>

#include "reports/graphml_snapshot.hpp"

namespace vicsim::reports {

/** @brief Writes the snapshots (sorted by tick) as one dynamic GEXF graph with integer time (months).
 *
 * Snapshot k stands for the months [t_k, t_{k+1} − 1]; the last one for its own month. A firm or tie
 * present in consecutive snapshots gets one spell spanning them; a gap starts a new spell. Firms are
 * keyed by firm_id, ties by (source, target, kind). Static attributes: label, region, industry,
 * chain_master (firms); kind, local, cross_industry (ties). Dynamic attributes, one value per spell of
 * equal values: employees, productivity, stage (firms); trust (ties). viz:position is the firm's x, y (km)
 * in its last snapshot. Nothing depends on the clock, so the same snapshots give byte-identical files. */
void write_dynamic_gexf(std::ostream& out, const std::vector<NetworkSnapshot>& snapshots,
                        const std::string& description);

}  // namespace vicsim::reports

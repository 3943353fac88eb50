#pragma once
/** @file Compaction of exited firms' slots: the world's arrays and network, and every per-slot state of
 * the model context, renumbered together. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/**
 * @brief Drops exited firms' slots (sim::World::compact_firms archives what outputs need of them) and
 * renumbers the model context's own firm slots: platform member lists, per-slot arrays (cut to the firms
 * they covered, so firms created since they were sized still read as none), last month's logistics lanes
 * (read by next month's orders before they are recounted) and the firm directory. The alive firms keep
 * their order and ids, so results do not change. Call between months only.
 */
void compact_firm_slots(ModelContext& c);

}  // namespace vicsim::agents

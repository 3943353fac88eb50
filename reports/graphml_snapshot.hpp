#pragma once
/** @file Reading the network/tick_NNNN.graphml snapshots of a run directory back into plain data. */
#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace vicsim::reports {

/** @brief A firm as written by reports::write_graphml (missing attributes keep their defaults). */
struct SnapshotNode {
  int firm_id = -1;  ///< must match the writer's GraphML attr.type (int), or Boost's reader throws
  std::string label, region, industry, stage;
  double employees = 0, productivity = 0, x = 0, y = 0;
  int chain_master = 0;
  std::string platforms;  ///< semicolon-separated platform indices (platforms.csv order), "" if none
  int adopted = 0;        ///< 1 if on the cloud
};

/** @brief A tie between two nodes of the same snapshot (indices into `nodes`). */
struct SnapshotEdge {
  std::size_t source = 0, target = 0;
  std::string kind;  ///< "supply" or "collaboration"
  int local = 0, cross_industry = 0;
  double trust = 0, distance_km = 0;
  std::string channel;  ///< "platform" or "offline"
};

/** @brief One GraphML snapshot. */
struct NetworkSnapshot {
  std::int32_t tick = 0;
  std::vector<SnapshotNode> nodes;
  std::vector<SnapshotEdge> edges;
};

/** @brief The snapshots of a run directory, sorted by tick: (tick, path). Empty if there are none. */
std::vector<std::pair<std::int32_t, std::filesystem::path>> list_snapshots(
    const std::filesystem::path& run_dir);

/** @brief Reads one snapshot (Boost.Graph's GraphML reader); throws ReportInputError naming the file. Nodes
 * without a firm_id attribute get their position in the file. */
NetworkSnapshot read_snapshot(const std::filesystem::path& file, std::int32_t tick);

}  // namespace vicsim::reports

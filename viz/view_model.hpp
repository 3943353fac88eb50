#pragma once
/** @file What the visualizer draws: a plain snapshot of the cluster (firms, ties, platforms, regions)
 * and the KPI history, built either from a live world or from a run directory's files. Nothing here
 * refers to SFML or to the model's internals, so the drawing code does not care where a frame came from. */
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vicsim::viz {

/** @brief How a tie is drawn: within one region, across regions, or formed through a platform. */
enum class EdgeClass : std::uint8_t { Local = 0, CrossRegion = 1, Platform = 2 };

/** @brief A firm as drawn. `id` is the model's firm slot: stable across ticks, the key of every layout. */
struct ViewNode {
  std::int64_t id = 0;
  std::int32_t region = 0;    ///< index into ViewFrame::regions
  std::int32_t industry = 0;  ///< index into ViewFrame::industries
  std::string stage;          ///< value-chain stage name
  double employees = 1.0;     ///< firm size (workers)
  double productivity = 1.0;  ///< output per worker per month
  bool chain_master = false;
  std::uint32_t platforms = 0;  ///< membership set: bit p = platform p (empty before platforms exist)
  bool adopted = false;         ///< on the cloud or on a platform (false where the data lacks adoption)
};

/** @brief A tie as drawn: indices into ViewFrame::nodes. */
struct ViewEdge {
  std::uint32_t source = 0;
  std::uint32_t target = 0;
  EdgeClass cls = EdgeClass::Local;
  bool supply = true;  ///< false for collaboration ties
};

/** @brief A platform hub. */
struct ViewPlatform {
  std::string name;
  std::string level;              ///< "enterprise", "industry", "regional" or "middle"
  std::int32_t host_region = -1;  ///< data-centre region, -1 if unknown
  std::int64_t owner_firm = -1;   ///< chain-master owner's firm id, or -1 for an independent provider
  std::uint32_t members = 0;
  bool alive = true;
};

/** @brief A region: name and map coordinates (km). */
struct ViewRegion {
  std::string name;
  double x_km = 0.0;
  double y_km = 0.0;
  double internal_km = 30.0;
};

/** @brief One tick's headline indicators (NaN where the run does not record the quantity). */
struct KpiRow {
  std::int32_t tick = 0;
  double firms = 0.0;
  double output = 0.0;                  ///< gross output, yuan per month
  double real_output = 0.0;             ///< gross output at month-1 prices, yuan per month; NaN if absent
  double cross_region_tie_share = 0.0;  ///< share of ties across regions
  double adoption_share = 0.0;          ///< share of alive firms on the cloud; NaN if absent
  std::string stage;                    ///< traditional-path stage name
  std::string platform_path_stage;      ///< platform-led path stage name ("" if absent or none)
  std::string platform_stage;           ///< platform-ecosystem stage 1.0/2.0/3.0 ("" if absent or none)
};

/** @brief Static facts about a run shown in the panel and used by the layouts. */
struct RunInfo {
  std::string name;    ///< scenario name
  std::string source;  ///< scenario file or run directory
  std::uint64_t seed = 0;
  std::int32_t ticks = 0;  ///< horizon in months
  std::vector<ViewRegion> regions;
  std::vector<std::string> industries;
  bool has_adoption = false;  ///< the data carries adoption flags and an adoption share
};

/** @brief Everything drawn at one tick. */
struct ViewFrame {
  std::int32_t tick = 0;
  std::int32_t network_tick =
      0;  ///< tick of the network snapshot shown (replays hold snapshots only every k ticks)
  std::vector<ViewNode> nodes;
  std::vector<ViewEdge> edges;
  std::vector<ViewPlatform> platforms;
};

/** @brief Classifies a tie from its endpoints' regions and its channel. */
inline EdgeClass classify_edge(std::int32_t region_a, std::int32_t region_b, bool via_platform) {
  if (via_platform) return EdgeClass::Platform;
  return region_a == region_b ? EdgeClass::Local : EdgeClass::CrossRegion;
}

}  // namespace vicsim::viz

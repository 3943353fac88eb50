#pragma once
/** @file Node placement. Three layouts, all deterministic and stable from tick to tick:
 * - geographic: regions are discs placed by their coordinates (pushed apart where they would overlap),
 *   firms sit inside their region in one sector per industry, at a place fixed by their id;
 * - force: Boost.Graph's Fruchterman–Reingold, warm-started from the previous tick's positions (new
 *   firms start beside their partners or at their geographic place) with a few low-temperature steps;
 * - platform: platforms are hubs on a circle with their members around them; firms on no platform
 *   form an outer ring grouped by region.
 * Positions live in the square [-1,1]² (y down) and are keyed by firm id. */
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "viz/view_model.hpp"

namespace vicsim::viz {

/** @brief A point in layout space ([-1,1]², y down). */
struct Vec2 {
  float x = 0.0f, y = 0.0f;
};

/** @brief The available layouts. */
enum class LayoutKind : std::uint8_t { Geographic = 0, Force = 1, Platform = 2 };

/** @brief Display name of a layout. */
std::string_view layout_name(LayoutKind k);

/** @brief A region's disc in the geographic layout, or its label position in the others. */
struct RegionArea {
  Vec2 centre;
  float radius = 0.0f;  ///< 0 where the layout draws no area, only the label
  std::int32_t region = 0;
};

/** @brief Iterations of the force layout: many on the first frame, few (and cool) afterwards. */
struct ForceSchedule {
  std::size_t first_iterations = 60;
  double first_temperature = 0.15;  ///< largest move per iteration, in layout units
  std::size_t warm_iterations = 6;
  double warm_temperature = 0.01;
};

/** @brief Computes positions for each frame, remembering them per firm id. One engine per pane. */
class LayoutEngine {
 public:
  explicit LayoutEngine(LayoutKind kind = LayoutKind::Geographic, ForceSchedule schedule = {})
      : kind_(kind), schedule_(schedule) {}

  LayoutKind kind() const { return kind_; }
  /** @brief Switches layout; the next update() places the current frame in the new layout. */
  void set_kind(LayoutKind k) { kind_ = k; }

  /** @brief Places `f`'s nodes (the result is parallel to f.nodes) and its platforms' hubs. */
  void update(const ViewFrame& f, const RunInfo& info);

  const std::vector<Vec2>& positions() const { return positions_; }
  /** @brief Counts update() calls, so drawings of the positions can tell when they are stale. */
  std::uint64_t version() const { return version_; }
  /** @brief Platform glyph positions, parallel to the frame's platforms. */
  const std::vector<Vec2>& hubs() const { return hubs_; }
  /** @brief Region discs (geographic) or region label anchors (other layouts). */
  const std::vector<RegionArea>& areas() const { return areas_; }

 private:
  void freeze_region_discs(const ViewFrame& f, const RunInfo& info);
  Vec2 geographic_position(const ViewNode& n, std::size_t industries) const;
  void place_geographic(const ViewFrame& f, const RunInfo& info);
  void place_force(const ViewFrame& f, const RunInfo& info);
  void place_platform(const ViewFrame& f, const RunInfo& info);
  void place_hubs_at_member_centroids(const ViewFrame& f);

  LayoutKind kind_;
  ForceSchedule schedule_;
  std::vector<RegionArea> discs_;  ///< geographic region discs, fixed on the first frame
  std::unordered_map<std::int64_t, Vec2> force_memory_;  ///< raw force-layout positions by firm id
  double force_extent_ = 1.0;                            ///< display scale of the force layout
  std::uint64_t version_ = 0;
  std::vector<Vec2> positions_, hubs_;
  std::vector<RegionArea> areas_;
};

/** @brief A uniform number in [0,1) from a firm id and a salt (SplitMix64): placement without RNG state. */
double id_hash01(std::int64_t id, std::uint64_t salt);

}  // namespace vicsim::viz

#pragma once
/** @file A simple geographic layout for drawing a firm network: regions at their map coordinates, pushed
 * apart until their discs do not overlap; inside a region's disc, industries are sectors and value-chain
 * stages are rings (upstream inside), and a firm's place in its cell depends only on its id, so a firm
 * keeps its position from snapshot to snapshot. */
#include <cstdint>
#include <string>
#include <vector>

namespace vicsim::reports {

/** @brief A region's map position (km) and its firm count, the input of the layout. */
struct RegionGeo {
  std::string name;
  double x_km = 0, y_km = 0;
  double firms = 0;
};

/** @brief A region's disc in layout units (the whole map spans about 0..1). */
struct RegionPlace {
  std::string name;
  double x = 0, y = 0, radius = 0;
};

/** @brief Places region discs (radius grows with the square root of the firm count). Deterministic. */
std::vector<RegionPlace> region_layout(const std::vector<RegionGeo>& regions);

/** @brief A firm's point inside its region's disc. */
struct LayoutPoint {
  double x = 0, y = 0;
};
/** @brief The position of firm `firm_id` of industry `industry` (of `industries`) at value-chain stage
 * `stage` (of `stages`) in `region`. */
LayoutPoint firm_position(const RegionPlace& region, std::int64_t firm_id, int industry, int industries,
                          int stage, int stages);

}  // namespace vicsim::reports

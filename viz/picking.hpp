#pragma once
/** @file Which firms are shown (filters), how big they are drawn, and which one is under the cursor. */
#include <cstddef>
#include <optional>
#include <vector>

#include "viz/layout.hpp"
#include "viz/view_state.hpp"

namespace vicsim::viz {

/** @brief True if the region, industry and platform filters let the node through. */
bool node_visible(const ViewNode& n, const ViewState& s);

/** @brief Drawn radius of a firm in pixels: grows with log size, a little with zoom. */
float node_radius_px(double employees, float ui_scale, float zoom);

/** @brief The visible node nearest to `p` (layout units) within `radius` layout units, if any. */
std::optional<std::size_t> pick_node(const ViewFrame& f, const std::vector<Vec2>& positions,
                                     const ViewState& s, Vec2 p, float radius);

/** @brief Indices of the nodes tied to node `i` (either direction). */
std::vector<std::size_t> neighbours(const ViewFrame& f, std::size_t i);

}  // namespace vicsim::viz

#pragma once
/** @file Placing the labels of a graph pane (region names, platform hubs) so that they overlap neither each
 * other nor the hub glyphs: each label tries positions around its object, nearest first. */
#include <vector>

#include "viz/screen_layout.hpp"

namespace vicsim::viz {

/** @brief A label to place: the object's centre and radius (pixels) and the label's size. */
struct LabelRequest {
  float x = 0, y = 0;         ///< centre of the labelled object
  float radius = 0;           ///< the label keeps at least this far from the centre (outside the object)
  float w = 0, h = 0;         ///< label size
  bool prefer_below = false;  ///< hubs: below first; regions: above first
};

/** @brief Places labels in order (earlier labels win): for each, the first candidate position (above or
 * below, then right, left and the diagonals, then the same further out) that lies inside `bounds` and
 * overlaps no placed label and no obstacle; when none is free, the free position nearest the object on a
 * grid over `bounds` (outside its radius). A label with no free position anywhere gets w = h = 0 and is
 * not drawn: no returned rectangle overlaps another or an obstacle. */
std::vector<Rect> place_labels(const std::vector<LabelRequest>& labels, const std::vector<Rect>& obstacles,
                               const Rect& bounds);

}  // namespace vicsim::viz

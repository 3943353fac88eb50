#include "viz/label_placement.hpp"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

namespace vicsim::viz {

namespace {

/** Candidate rectangles around the object, nearest first. */
std::vector<Rect> candidates(const LabelRequest& l) {
  std::vector<Rect> out;
  for (const float reach : {1.0f, 1.8f, 2.8f}) {
    const float g = l.radius * reach + 2.0f;
    const Rect above{l.x - l.w / 2, l.y - g - l.h, l.w, l.h}, below{l.x - l.w / 2, l.y + g, l.w, l.h};
    const Rect right{l.x + g, l.y - l.h / 2, l.w, l.h}, left{l.x - g - l.w, l.y - l.h / 2, l.w, l.h};
    const float d = g * 0.72f;
    const Rect ne{l.x + d, l.y - d - l.h, l.w, l.h}, se{l.x + d, l.y + d, l.w, l.h};
    const Rect nw{l.x - d - l.w, l.y - d - l.h, l.w, l.h}, sw{l.x - d - l.w, l.y + d, l.w, l.h};
    if (l.prefer_below)
      out.insert(out.end(), {below, above, right, left, se, sw, ne, nw});
    else
      out.insert(out.end(), {above, below, right, left, ne, nw, se, sw});
  }
  return out;
}

/** Shifts a rectangle inside `b` where it sticks out (when it is smaller than b). */
Rect clamp_into(Rect r, const Rect& b) {
  r.x = std::clamp(r.x, b.x, std::max(b.x, b.x + b.w - r.w));
  r.y = std::clamp(r.y, b.y, std::max(b.y, b.y + b.h - r.h));
  return r;
}

/** The free position nearest to the object on a grid over the bounds (a quarter of the label's height
 * apart), searched nearest first, so a crowded label still lands close to what it names. */
template <class Free>
std::optional<Rect> nearest_free(const LabelRequest& l, const Rect& b, const Free& free_at) {
  if (l.w > b.w || l.h > b.h) return std::nullopt;
  const float step = std::max(2.0f, l.h / 4);
  std::vector<std::pair<float, Rect>> grid;
  for (float y = b.y; y + l.h <= b.y + b.h; y += step)
    for (float x = b.x; x + l.w <= b.x + b.w; x += step) {
      const float dx = std::clamp(l.x, x, x + l.w) - l.x, dy = std::clamp(l.y, y, y + l.h) - l.y;
      grid.push_back({dx * dx + dy * dy, Rect{x, y, l.w, l.h}});
    }
  std::stable_sort(grid.begin(), grid.end(), [](const auto& a, const auto& c) { return a.first < c.first; });
  for (const auto& [d, r] : grid)
    if (d >= l.radius * l.radius && free_at(r)) return r;
  return std::nullopt;
}

}  // namespace

std::vector<Rect> place_labels(const std::vector<LabelRequest>& labels, const std::vector<Rect>& obstacles,
                               const Rect& bounds) {
  std::vector<Rect> placed;
  placed.reserve(labels.size());
  const auto free_at = [&](const Rect& c) {
    if (!bounds.encloses(c)) return false;
    for (const auto& p : placed)
      if (p.overlaps(c)) return false;
    for (const auto& o : obstacles)
      if (o.overlaps(c)) return false;
    return true;
  };
  for (const auto& l : labels) {
    std::optional<Rect> best;
    for (const auto& raw : candidates(l)) {
      const Rect c = clamp_into(raw, bounds);
      if (free_at(c)) {
        best = c;
        break;
      }
    }
    if (!best) best = nearest_free(l, bounds, free_at);
    // Nowhere free in the pane: the label is left out rather than drawn over another.
    placed.push_back(best.value_or(Rect{l.x, l.y, 0, 0}));
  }
  return placed;
}

}  // namespace vicsim::viz

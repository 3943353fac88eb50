#include "viz/label_placement.hpp"

#include <algorithm>
#include <limits>

namespace vicsim::viz {

namespace {

float overlap_area(const Rect& a, const Rect& b) {
  const float w = std::min(a.x + a.w, b.x + b.w) - std::max(a.x, b.x);
  const float h = std::min(a.y + a.h, b.y + b.h) - std::max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0.0f;
}

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

}  // namespace

std::vector<Rect> place_labels(const std::vector<LabelRequest>& labels, const std::vector<Rect>& obstacles,
                               const Rect& bounds) {
  std::vector<Rect> placed;
  placed.reserve(labels.size());
  for (const auto& l : labels) {
    Rect best{};
    float best_cost = std::numeric_limits<float>::infinity();
    for (const auto& raw : candidates(l)) {
      const Rect c = clamp_into(raw, bounds);
      float cost = 0;
      for (const auto& p : placed) cost += overlap_area(c, p);
      for (const auto& o : obstacles) cost += overlap_area(c, o);
      if (cost < best_cost) best_cost = cost, best = c;
      if (cost == 0) break;
    }
    placed.push_back(best);
  }
  return placed;
}

}  // namespace vicsim::viz

#include "viz/picking.hpp"

#include <algorithm>
#include <cmath>

namespace vicsim::viz {

bool node_visible(const ViewNode& n, const ViewState& s) {
  if (s.filter_region >= 0 && n.region != s.filter_region) return false;
  if (s.filter_industry >= 0 && n.industry != s.filter_industry) return false;
  if (s.filter_platform >= 0 && !((n.platforms >> s.filter_platform) & 1u)) return false;
  return true;
}

float node_radius_px(double employees, float ui_scale, float zoom) {
  const float base = 1.6f + 1.25f * static_cast<float>(std::log10(1.0 + std::max(employees, 0.0)));
  return base * ui_scale * std::sqrt(std::clamp(zoom, 0.5f, 16.0f));
}

std::optional<std::size_t> pick_node(const ViewFrame& f, const std::vector<Vec2>& positions,
                                     const ViewState& s, Vec2 p, float radius) {
  std::optional<std::size_t> best;
  float best_d = radius * radius;
  for (std::size_t i = 0; i < f.nodes.size() && i < positions.size(); ++i) {
    if (!node_visible(f.nodes[i], s)) continue;
    const float dx = positions[i].x - p.x, dy = positions[i].y - p.y, d = dx * dx + dy * dy;
    if (d <= best_d) best_d = d, best = i;
  }
  return best;
}

std::vector<std::size_t> neighbours(const ViewFrame& f, std::size_t i) {
  std::vector<std::size_t> out;
  for (const auto& e : f.edges) {
    if (e.source == i) out.push_back(e.target);
    if (e.target == i) out.push_back(e.source);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace vicsim::viz

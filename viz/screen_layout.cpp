#include "viz/screen_layout.hpp"

#include <algorithm>

namespace vicsim::viz {

ScreenLayout compute_screen_layout(float width, float height, std::size_t panes, bool large_font,
                                   std::size_t sliders, std::size_t presets) {
  ScreenLayout s;
  s.width = width;
  s.height = height;
  s.scale = (large_font ? 1.5f : 1.0f) * std::clamp(height / 720.0f, 0.75f, 2.0f);
  const float panel_w = std::min(width * 0.42f, 300.0f * s.scale);
  s.panel = {width - panel_w, 0, panel_w, height};
  const float timeline_h = 26.0f * s.scale;
  const float graph_w = width - panel_w;
  s.timeline = {0, height - timeline_h, graph_w, timeline_h};
  const float track_pad = 10.0f * s.scale, label_w = 175.0f * s.scale;
  s.timeline_track = {track_pad, s.timeline.y + timeline_h / 2 - 2.0f * s.scale,
                      std::max(10.0f, graph_w - 2 * track_pad - label_w), 4.0f * s.scale};
  const std::size_t n = std::max<std::size_t>(panes, 1);
  const float pane_w = graph_w / static_cast<float>(n);
  for (std::size_t i = 0; i < n; ++i)
    s.panes.push_back({pane_w * static_cast<float>(i), 0, pane_w, height - timeline_h});
  // Sliders sit at the bottom of the panel, above its key-help line.
  const float row = 34.0f * s.scale, pad = 12.0f * s.scale;
  float y = height - 24.0f * s.scale - row * static_cast<float>(sliders);
  for (std::size_t i = 0; i < sliders; ++i, y += row)
    s.sliders.push_back({s.panel.x + pad, y + row * 0.55f, panel_w - 2 * pad, row * 0.3f});
  // The presets menu is a centred list over the panes.
  const float menu_w = std::min(graph_w * 0.8f, 460.0f * s.scale), item_h = 26.0f * s.scale;
  const float menu_y = 60.0f * s.scale;
  for (std::size_t i = 0; i < presets; ++i)
    s.presets.push_back(
        {(graph_w - menu_w) / 2, menu_y + item_h * static_cast<float>(i + 1), menu_w, item_h});
  return s;
}

}  // namespace vicsim::viz

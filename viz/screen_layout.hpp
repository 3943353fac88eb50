#pragma once
/** @file Where things go on screen: graph panes, the side panel, the timeline, sliders and the presets
 * menu. Pure geometry shared by the renderer and the input logic, so clicks are tested without a display. */
#include <cstddef>
#include <vector>

namespace vicsim::viz {

/** @brief An axis-aligned rectangle in pixels. */
struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
};

/** @brief The screen regions for a window size. */
struct ScreenLayout {
  float width = 0, height = 0;
  float scale = 1.0f;         ///< font and widget scale (1, or about 1.5 with the large font)
  std::vector<Rect> panes;    ///< graph areas, left to right
  Rect panel;                 ///< side panel (legend, charts, stages, sliders)
  Rect timeline;              ///< tick bar under the panes
  Rect timeline_track;        ///< the scrubbable track inside it (the rest holds the month label)
  std::vector<Rect> sliders;  ///< classroom slider tracks, top to bottom
  std::vector<Rect> presets;  ///< presets menu rows (when the menu is open)
};

/** @brief Computes the layout for a window of `width`×`height` pixels with `panes` graph panes,
 * `sliders` classroom sliders and `presets` menu entries. */
ScreenLayout compute_screen_layout(float width, float height, std::size_t panes, bool large_font,
                                   std::size_t sliders, std::size_t presets);

}  // namespace vicsim::viz

#pragma once
/** @file Where things go on screen: graph panes with their header blocks, the side panel (legend, charts,
 * stages), the classroom slider strip, the timeline and the presets menu. Pure geometry shared by the
 * renderer and the input logic, so clicks and overlap are tested without a display: the renderer draws
 * every text inside the rectangle given here (eliding what does not fit). */
#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace vicsim::viz {

/** @brief An axis-aligned rectangle in pixels. */
struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
  /** @brief True if the two rectangles share interior area (touching edges do not count). */
  bool overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
  /** @brief True if `o` lies inside this rectangle. */
  bool encloses(const Rect& o) const {
    return o.x >= x - 0.01f && o.y >= y - 0.01f && o.x + o.w <= x + w + 0.01f && o.y + o.h <= y + h + 0.01f;
  }
};

/** @brief The text rows of a graph pane's header, above its graph. */
struct PaneHeader {
  Rect block;               ///< the whole header
  Rect title;               ///< "A: traditional"
  std::vector<Rect> lines;  ///< month and counts; stage; platform ecosystem; snapshot note
  Rect tie_bar, tie_label;  ///< local / cross-regional / platform tie shares: bar and its text
};

/** @brief A classroom slider: its label row (name left, value right) and its track. */
struct SliderRow {
  Rect label;
  Rect track;
};

/** @brief One chart of the side panel: title row, the value scale left of the plot box (its maximum at the
 * top, 0 at the bottom), the plot box that holds the lines and grid, and the time-axis row under it. No label
 * is drawn inside the box, so no line can cross a label. */
struct ChartSlot {
  Rect title, scale, box, axis;
  /** @brief The value-scale labels: the maximum at the top of `scale`, 0 at its bottom. */
  Rect scale_max() const { return {scale.x, scale.y, scale.w, std::min(scale.h / 2, label_h)}; }
  Rect scale_min() const {
    const float h = std::min(scale.h / 2, label_h);
    return {scale.x, scale.y + scale.h - h, scale.w, h};
  }
  float label_h = 12;  ///< height of a scale label (pixels)
};

/** @brief The screen regions for a window size. */
struct ScreenLayout {
  float width = 0, height = 0;
  float scale = 1.0f;               ///< font and widget scale (1, or about 1.5 with the large font)
  std::vector<Rect> panes;          ///< graph areas, left to right (below their headers)
  std::vector<PaneHeader> headers;  ///< one per pane
  Rect panel;                       ///< side panel
  Rect panel_header;                ///< scenario name, live/replay and seed, layout
  Rect legend;                      ///< colour entries, tie classes, glyphs
  std::size_t legend_rows = 0;      ///< rows of colour entries (two per row when there are more than 4)
  std::size_t legend_capacity = 0;  ///< colour entries shown; the last says "+N more" when there are more
  std::vector<ChartSlot> charts;    ///< as many of the panel's charts as fit, top to bottom
  Rect stages;                      ///< evolution and platform-ecosystem stage lines (h = 0: left out)
  Rect keys;                        ///< key help or status line at the panel's foot
  Rect slider_strip;                ///< the area of the sliders, under the panes (h = 0 without sliders)
  std::vector<Rect> sliders;        ///< classroom slider tracks, in order (input hit areas)
  std::vector<SliderRow> slider_rows;
  Rect timeline;              ///< tick bar under the panes
  Rect timeline_track;        ///< the scrubbable track inside it (the rest holds the month label)
  Rect timeline_label;        ///< the month label right of the track
  std::vector<Rect> presets;  ///< presets menu rows (when the menu is open; drawn over the panes)
};

/** @brief The number of charts the side panel would like to show (adoption, cross-regional ties, output). */
inline constexpr std::size_t kPanelCharts = 3;

/** @brief Computes the layout for a window of `width`×`height` pixels with `panes` graph panes,
 * `sliders` classroom sliders, `presets` menu entries and `legend_entries` colour-legend entries. */
ScreenLayout compute_screen_layout(float width, float height, std::size_t panes, bool large_font,
                                   std::size_t sliders, std::size_t presets, std::size_t legend_entries = 6);

/** @brief Every rectangle that holds something drawn (texts, bars, tracks, charts, graph areas), named, for
 * the overlap check: none of them may overlap another, and each lies inside the window. The presets menu
 * is an overlay and is not included. */
std::vector<std::pair<std::string, Rect>> drawn_rects(const ScreenLayout& s);

}  // namespace vicsim::viz

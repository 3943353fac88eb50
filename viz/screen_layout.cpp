#include "viz/screen_layout.hpp"

#include <algorithm>
#include <cmath>

namespace vicsim::viz {

namespace {

/** Heights in units of the scale (pixels at scale 1). */
constexpr float kTimeline = 26, kPad = 12;
constexpr float kTitleRow = 24, kLine = 19, kNoteLine = 15, kTieRow = 16;
constexpr float kSliderRow = 40, kSliderLabel = 17, kSliderTrackGap = 8, kSliderTrack = 5;
constexpr float kPanelHeader = 58, kLegendTitle = 18, kLegendRow = 16, kLegendTail = 6 + 3 * 16 + 16 + 22;
constexpr float kChartTitle = 16, kChartAxis = 14, kChartGap = 6, kChartMin = 22, kChartMax = 90;
constexpr float kChartScale = 34, kChartScaleLabel = 12;  // value-scale gutter width, its label height
constexpr float kStageTitle = 16, kStageLine = 15, kStageGap = 4, kKeys = 20;
constexpr std::size_t kMaxLegendRows = 5;

}  // namespace

ScreenLayout compute_screen_layout(float width, float height, std::size_t panes, bool large_font,
                                   std::size_t sliders, std::size_t presets, std::size_t legend_entries) {
  ScreenLayout s;
  s.width = width;
  s.height = height;
  const float u = s.scale = (large_font ? 1.5f : 1.0f) * std::clamp(height / 720.0f, 0.75f, 2.0f);
  const float panel_w = std::min(width * 0.42f, 300.0f * u);
  s.panel = {width - panel_w, 0, panel_w, height};
  const float graph_w = width - panel_w;

  // Bottom of the graph side: the timeline, and above it the slider strip (two columns when wide enough).
  const float timeline_h = kTimeline * u;
  s.timeline = {0, height - timeline_h, graph_w, timeline_h};
  const float track_pad = 10.0f * u, label_w = 175.0f * u;
  s.timeline_track = {track_pad, s.timeline.y + timeline_h / 2 - 2.0f * u,
                      std::max(10.0f, graph_w - 2 * track_pad - label_w), 4.0f * u};
  s.timeline_label = {s.timeline_track.x + s.timeline_track.w + track_pad, s.timeline.y + 2 * u,
                      std::max(1.0f, graph_w - s.timeline_track.x - s.timeline_track.w - 2 * track_pad),
                      timeline_h - 4 * u};
  const std::size_t cols = sliders == 0 ? 1 : (graph_w >= 520.0f * u && sliders > 1 ? 2 : 1);
  const std::size_t rows = (sliders + cols - 1) / cols;
  const float strip_h = sliders == 0 ? 0.0f : static_cast<float>(rows) * kSliderRow * u + 4 * u;
  s.slider_strip = {0, s.timeline.y - strip_h, graph_w, strip_h};
  const float pad = kPad * u, grab = 7.0f * u;  // the grab circle reaches past the track's ends
  const float col_w = (graph_w - pad * static_cast<float>(cols + 1)) / static_cast<float>(cols);
  for (std::size_t i = 0; i < sliders; ++i) {
    const float x = pad + static_cast<float>(i % cols) * (col_w + pad);
    const float y = s.slider_strip.y + 2 * u + static_cast<float>(i / cols) * kSliderRow * u;
    SliderRow row;
    row.label = {x, y, col_w, kSliderLabel * u};
    row.track = {x + grab, y + (kSliderLabel + kSliderTrackGap) * u, col_w - 2 * grab, kSliderTrack * u};
    s.slider_rows.push_back(row);
    s.sliders.push_back(row.track);
  }

  // Panes: a header block of text rows, then the graph.
  const std::size_t n = std::max<std::size_t>(panes, 1);
  const float pane_w = graph_w / static_cast<float>(n);
  const float header_h = (8 + kTitleRow + 2 * kLine + kLine + kNoteLine + kTieRow + 6) * u;
  for (std::size_t i = 0; i < n; ++i) {
    const float x0 = pane_w * static_cast<float>(i);
    PaneHeader h;
    h.block = {x0, 0, pane_w, header_h};
    const float tx = x0 + pad, tw = pane_w - 2 * pad;
    float y = 8 * u;
    h.title = {tx, y, tw, kTitleRow * u};
    y += kTitleRow * u;
    for (int k = 0; k < 3; ++k, y += kLine * u) h.lines.push_back({tx, y, tw, kLine * u});
    h.lines.push_back({tx, y, tw, kNoteLine * u});
    y += kNoteLine * u;
    const float bar_w = std::min(tw * 0.3f, 90.0f * u);
    h.tie_bar = {tx, y + 4 * u, bar_w, kTieRow * u - 8 * u};
    h.tie_label = {tx + bar_w + 8 * u, y, std::max(1.0f, tw - bar_w - 8 * u), kTieRow * u};
    s.headers.push_back(h);
    s.panes.push_back({x0, header_h, pane_w, std::max(1.0f, s.slider_strip.y - header_h)});
  }

  // Side panel, top down: header, legend, charts (and stages when there is room), keys at the foot.
  const float px = s.panel.x + pad, pw = panel_w - 2 * pad;
  float y = pad;
  s.panel_header = {px, y, pw, kPanelHeader * u};
  y += kPanelHeader * u;
  const std::size_t wanted_rows = legend_entries > 4 ? (legend_entries + 1) / 2 : legend_entries;
  s.legend_rows = std::min(wanted_rows, kMaxLegendRows);
  s.legend_capacity = std::min(legend_entries, legend_entries > 4 ? 2 * s.legend_rows : s.legend_rows);
  const float legend_h = (kLegendTitle + static_cast<float>(s.legend_rows) * kLegendRow + kLegendTail) * u;
  s.legend = {px, y, pw, legend_h};
  y += legend_h;
  s.keys = {px, height - (kKeys + 4) * u, pw, kKeys * u};
  const float avail = s.keys.y - y - 4 * u;
  const float chart_overhead = (kChartTitle + kChartAxis + kChartGap) * u;
  const float stages_h = (2 * (kStageTitle + kStageGap) + 2 * static_cast<float>(n) * kStageLine) * u;
  std::size_t charts = kPanelCharts;
  bool with_stages = avail - stages_h >= static_cast<float>(charts) * (chart_overhead + 40 * u);
  while (charts > 0 &&
         avail - (with_stages ? stages_h : 0) < static_cast<float>(charts) * (chart_overhead + kChartMin * u))
    --charts;
  const float per_chart =
      charts == 0
          ? 0.0f
          : std::min(kChartMax * u,
                     (avail - (with_stages ? stages_h : 0)) / static_cast<float>(charts) - chart_overhead);
  for (std::size_t i = 0; i < charts; ++i) {
    ChartSlot c;
    const float gutter = kChartScale * u;
    c.title = {px, y, pw, kChartTitle * u};
    c.scale = {px, y + kChartTitle * u, gutter - 3 * u, per_chart};
    c.label_h = kChartScaleLabel * u;
    c.box = {px + gutter, y + kChartTitle * u, pw - gutter, per_chart};
    c.axis = {px + gutter, c.box.y + per_chart, pw - gutter, kChartAxis * u};
    s.charts.push_back(c);
    y += per_chart + chart_overhead;
  }
  s.stages = {px, y, pw, with_stages ? stages_h : 0.0f};

  // The presets menu is a centred list over the panes.
  const float menu_w = std::min(graph_w * 0.8f, 460.0f * u), item_h = 26.0f * u;
  const float menu_y = 60.0f * u;
  for (std::size_t i = 0; i < presets; ++i)
    s.presets.push_back(
        {(graph_w - menu_w) / 2, menu_y + item_h * static_cast<float>(i + 1), menu_w, item_h});
  return s;
}

std::vector<std::pair<std::string, Rect>> drawn_rects(const ScreenLayout& s) {
  std::vector<std::pair<std::string, Rect>> out;
  for (std::size_t i = 0; i < s.panes.size(); ++i) {
    const std::string p = "pane " + std::to_string(i) + " ";
    out.emplace_back(p + "graph", s.panes[i]);
    const auto& h = s.headers[i];
    out.emplace_back(p + "title", h.title);
    for (std::size_t k = 0; k < h.lines.size(); ++k)
      out.emplace_back(p + "line " + std::to_string(k), h.lines[k]);
    out.emplace_back(p + "tie bar", h.tie_bar);
    out.emplace_back(p + "tie label", h.tie_label);
  }
  out.emplace_back("panel header", s.panel_header);
  out.emplace_back("legend", s.legend);
  for (std::size_t i = 0; i < s.charts.size(); ++i) {
    const std::string c = "chart " + std::to_string(i) + " ";
    out.emplace_back(c + "title", s.charts[i].title);
    out.emplace_back(c + "scale max", s.charts[i].scale_max());
    out.emplace_back(c + "scale 0", s.charts[i].scale_min());
    out.emplace_back(c + "box", s.charts[i].box);
    out.emplace_back(c + "axis", s.charts[i].axis);
  }
  if (s.stages.h > 0) out.emplace_back("stages", s.stages);
  out.emplace_back("keys", s.keys);
  for (std::size_t i = 0; i < s.slider_rows.size(); ++i) {
    out.emplace_back("slider " + std::to_string(i) + " label", s.slider_rows[i].label);
    // The track with the grab circle's reach above and below it.
    Rect t = s.slider_rows[i].track;
    const float grab = 7.0f * s.scale;
    t.x -= grab, t.w += 2 * grab, t.y = t.y + t.h / 2 - grab, t.h = 2 * grab;
    out.emplace_back("slider " + std::to_string(i) + " track", t);
  }
  out.emplace_back("timeline track", s.timeline_track);
  out.emplace_back("timeline label", s.timeline_label);
  return out;
}

}  // namespace vicsim::viz

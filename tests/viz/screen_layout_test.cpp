// Screen layout: nothing drawn overlaps anything else, at the classroom's window sizes, in normal and
// large-font mode, with one or two panes, any number of sliders and legend entries.
#include "viz/screen_layout.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::viz;

TEST_CASE("screen_layout: no panel, slider, chart, header or label rectangle overlaps another", "[viz]") {
  const std::pair<float, float> sizes[] = {{1280, 720}, {1600, 900}, {1920, 1080}, {1024, 600}};
  for (const auto& [w, h] : sizes)
    for (bool large : {false, true})
      for (std::size_t panes : {1u, 2u})
        for (std::size_t sliders : {0u, 1u, 3u, 4u})
          for (std::size_t legend : {2u, 6u, 9u, 40u}) {
            INFO(w << "x" << h << (large ? " large font" : "") << ", " << panes << " panes, " << sliders
                   << " sliders, " << legend << " legend entries");
            const auto s = compute_screen_layout(w, h, panes, large, sliders, 0, legend);
            const auto rects = drawn_rects(s);
            const Rect window{0, 0, w, h};
            for (const auto& [name, r] : rects) {
              INFO(name);
              CHECK(r.w > 0);
              CHECK(r.h > 0);
              CHECK(window.encloses(r));
            }
            for (std::size_t a = 0; a < rects.size(); ++a)
              for (std::size_t b = a + 1; b < rects.size(); ++b)
                if (rects[a].second.overlaps(rects[b].second))
                  FAIL(rects[a].first << " overlaps " << rects[b].first);
            // The panel's items stay in the panel, the sliders under the panes, the headers above them.
            for (const auto& c : s.charts) CHECK(s.panel.encloses(c.box));
            // Chart-internal labels (value scale, time axis, title) lie outside the plot box, which
            // holds the lines: no line can cross a label.
            for (const auto& c : s.charts)
              for (const Rect& label : {c.scale_max(), c.scale_min(), c.axis, c.title}) {
                CHECK(label.h > 0);
                CHECK_FALSE(label.overlaps(c.box));
                CHECK(s.panel.encloses(label));
              }
            CHECK(s.panel.encloses(s.legend));
            CHECK(s.panel.encloses(s.keys));
            for (const auto& row : s.slider_rows) CHECK(s.slider_strip.encloses(row.track));
            for (std::size_t i = 0; i < s.panes.size(); ++i)
              CHECK(s.headers[i].block.y + s.headers[i].block.h <= s.panes[i].y);
            CHECK(s.sliders.size() == sliders);
            CHECK(s.legend_capacity <= legend);
            // At the classroom sizes every chart fits, each with a usable plot and a time axis.
            if (w >= 1280) {
              CHECK(s.charts.size() == kPanelCharts);
              for (const auto& c : s.charts) CHECK(c.box.h >= 22 * s.scale);
              CHECK(s.panes[0].h >= 0.3f * h);
            }
          }
}

TEST_CASE("screen_layout: the overlap check catches an overlap", "[viz]") {
  auto s = compute_screen_layout(1280, 720, 2, true, 3, 0, 6);
  s.slider_rows[1].label = s.charts[0].box;  // as the old panel drew sliders over the Output chart
  const auto rects = drawn_rects(s);
  bool found = false;
  for (std::size_t a = 0; a < rects.size(); ++a)
    for (std::size_t b = a + 1; b < rects.size(); ++b) found |= rects[a].second.overlaps(rects[b].second);
  CHECK(found);
}

TEST_CASE("screen_layout: the overlap check catches a chart label inside its plot box", "[viz]") {
  // The old renderer drew the value-scale maximum at the top-left corner inside the plot box, under the
  // line ("0.21" in the real-output chart): that rectangle overlaps the box.
  const auto s = compute_screen_layout(1280, 720, 2, true, 3, 0, 6);
  const auto& box = s.charts[2].box;
  const Rect old_label{box.x + 3 * s.scale, box.y + 1 * s.scale, box.w / 3, 12 * s.scale};
  CHECK(old_label.overlaps(box));
  CHECK_FALSE(s.charts[2].scale_max().overlaps(box));
}

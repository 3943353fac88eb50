#pragma once
/** @file Draws a scene (one or two graph panes, the side panel with legend, KPI charts, stages and
 * the slider strip, the timeline and overlays) into any SFML render target. Nodes and edges are batched into
 * vertex arrays: one draw call per layer, not per shape. Nothing depends on the clock, so the same
 * state gives the same pixels. */
#include <SFML/Graphics.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "viz/frame_source.hpp"
#include "viz/layout.hpp"
#include "viz/screen_layout.hpp"
#include "viz/view_state.hpp"

namespace vicsim::viz {

/** @brief One graph pane: the frames it shows, their layout, and its title. */
struct PaneView {
  const FrameSource* source = nullptr;
  const LayoutEngine* layout = nullptr;
  std::string title;
  std::optional<std::size_t> hovered;  ///< node index in the current frame
};

/** @brief A classroom slider as shown. */
struct SliderView {
  std::string label;
  std::string value_text;
};

/** @brief Everything the renderer draws besides the ViewState. */
struct Scene {
  std::vector<PaneView> panes;
  std::vector<SliderView> sliders;
  std::vector<std::string> presets;
  std::string status;  ///< a transient message line (empty in headless output)
};

/** @brief Draws scenes; holds the glyph texture and reusable vertex buffers. */
class Renderer {
 public:
  /** @brief `font` must outlive the renderer. */
  explicit Renderer(const sf::Font& font);

  /** @brief Multisampling level of the graph layers: 0 (default) for interactive speed in software
   * OpenGL, 4 for exported frames. The target itself needs none (text and panels are axis-aligned). */
  void set_antialiasing(unsigned level) { antialiasing_ = level; }
  /** @brief How many times a graph layer has been redrawn (the rest of the frames reused it). */
  std::size_t graph_redraws() const { return graph_redraws_; }
  /** @brief While the camera is moving (a drag or wheel in progress, as the window loop decides), a camera
   * change alone does not redraw a graph layer: the cached picture is scaled and shifted instead, and
   * the layer is redrawn sharp once motion stops. Headless export never sets it, so frames do not depend
   * on timing. */
  void set_camera_moving(bool moving) { camera_moving_ = moving; }
  /** @brief Forgets the cached graph layers, so the next frame redraws them (for benchmarks). */
  void invalidate() {
    for (auto& c : cache_) c.key = {};
  }

  /** @brief Draws the whole scene into `target` (which is cleared first). */
  void draw(sf::RenderTarget& target, const Scene& scene, const ViewState& s, const ScreenLayout& screen);

 private:
  void draw_pane(sf::RenderTarget& t, const PaneView& pane, std::size_t index, const ViewState& s,
                 const ScreenLayout& screen, bool split);
  void draw_graph(sf::RenderTarget& t, const PaneView& pane, std::size_t index, const ViewState& s,
                  const ScreenLayout& screen);
  void draw_panel(sf::RenderTarget& t, const Scene& scene, const ViewState& s, const ScreenLayout& screen);
  void draw_sliders(sf::RenderTarget& t, const Scene& scene, const ViewState& s, const ScreenLayout& screen);
  void draw_timeline(sf::RenderTarget& t, const Scene& scene, const ViewState& s, const ScreenLayout& screen);
  void draw_tooltip(sf::RenderTarget& t, const PaneView& pane, const ViewState& s,
                    const ScreenLayout& screen);
  void draw_help(sf::RenderTarget& t, const ViewState& s, const ScreenLayout& screen);
  void draw_presets(sf::RenderTarget& t, const Scene& scene, const ScreenLayout& screen);
  float text(sf::RenderTarget& t, const std::string& s, float x, float y, float size, sf::Color c,
             bool bold = false);
  float text_width(const std::string& s, float size, bool bold = false);
  /** Draws `s` inside `r` (vertically centred, right-aligned if asked), shrunk to the row's height and
   * shortened with an ellipsis to its width, so a text never leaves the rectangle the layout gave it. */
  float text_in(sf::RenderTarget& t, const std::string& s, const Rect& r, float size, sf::Color c,
                bool bold = false, bool right = false);

  /** What a graph layer shows: when any of it changes, the layer is redrawn. */
  struct GraphKey {
    const FrameSource* source = nullptr;
    const LayoutEngine* layout = nullptr;
    std::uint64_t layout_version = 0;
    std::int32_t network_tick = 0;
    std::size_t nodes = 0, edges = 0;
    float zoom = 0, cx = 0, cy = 0;
    ColourMode colour{};
    LayoutKind layout_kind{};
    std::int32_t filter_region = 0, filter_industry = 0, filter_platform = 0;
    std::int64_t selected = -1;
    float w = 0, h = 0, scale = 0;
    bool operator==(const GraphKey&) const = default;
    /** Equal in everything but the camera (zoom, centre). */
    bool same_but_camera(GraphKey o) const {
      o.zoom = zoom, o.cx = cx, o.cy = cy;
      return o == *this;
    }
  };
  struct GraphCache {
    GraphKey key;
    std::unique_ptr<sf::RenderTexture> texture;
  };

  const sf::Font& font_;
  std::vector<GraphCache> cache_;
  unsigned antialiasing_ = 0;
  bool camera_moving_ = false;
  std::size_t graph_redraws_ = 0;
  sf::Texture glyphs_;
  sf::VertexArray edges_{sf::Lines}, nodes_{sf::Quads}, shapes_{sf::Triangles};
};

/** @brief Glyphs in the atlas: firm disc, chain-master diamond, platform hexagon. */
enum class Glyph : std::uint8_t { Disc = 0, Diamond = 1, Hexagon = 2 };

/** @brief Builds the glyph atlas image (deterministic): white shapes with a darker rim, alpha = coverage. */
sf::Image make_glyph_atlas(unsigned cell);

}  // namespace vicsim::viz

// The render benchmark behind `vicsim view --bench`: a synthetic cluster drawn in a real window.
#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "viz/renderer.hpp"
#include "viz/synthetic_source.hpp"
#include "viz/viewer.hpp"

namespace vicsim::viz {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

struct Timing {
  double mean = 0, p50 = 0, p95 = 0, fps = 0;
};

Timing summarise(std::vector<double> ms, double total_ms) {
  Timing t;
  std::sort(ms.begin(), ms.end());
  for (double m : ms) t.mean += m / static_cast<double>(ms.size());
  t.p50 = ms[ms.size() / 2];
  t.p95 = ms[std::min(ms.size() - 1, ms.size() * 95 / 100)];
  t.fps = 1000.0 * static_cast<double>(ms.size()) / total_ms;
  return t;
}

}  // namespace

int run_render_bench(std::size_t nodes, std::size_t edges, std::size_t frames, unsigned width,
                     unsigned height) {
  sf::Font font;
  if (!font.loadFromFile("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) return 1;
  SyntheticSource src(nodes, edges);
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::printf(
      "render benchmark: %zu firms, %zu ties, %ux%u window, %zu frames per case (full redraws: %zu)\n", nodes,
      src.frame().edges.size(), width, height, frames, std::max<std::size_t>(frames / 5, 5));

  // Layout costs (once per network change in the viewer, not per frame).
  LayoutEngine geo(LayoutKind::Geographic), plat(LayoutKind::Platform), force(LayoutKind::Force);
  auto t0 = Clock::now();
  geo.update(src.frame(), src.info());
  std::printf("  layout geographic:            %8.1f ms\n", ms_since(t0));
  t0 = Clock::now();
  plat.update(src.frame(), src.info());
  std::printf("  layout platform-centric:      %8.1f ms\n", ms_since(t0));
  t0 = Clock::now();
  force.update(src.frame(), src.info());
  std::printf("  layout force, first (60 it.): %8.1f ms\n", ms_since(t0));
  t0 = Clock::now();
  force.update(src.frame(), src.info());
  std::printf("  layout force, warm (6 it.):   %8.1f ms\n", ms_since(t0));

  sf::ContextSettings cs;
  cs.antialiasingLevel = 0;  // as in the viewer: the graph layers are multisampled, the window need not be
  sf::RenderWindow win(sf::VideoMode(width, height), "vicsim view --bench", sf::Style::Default, cs);
  win.setVerticalSyncEnabled(false);
  win.setFramerateLimit(0);
  Renderer renderer(font);
  // As in the interactive viewer (headless export multisamples the graph layer 4x; VICSIM_LAYER_AA=4 times
  // that).
  if (const char* aa = std::getenv("VICSIM_LAYER_AA"))
    renderer.set_antialiasing(static_cast<unsigned>(std::atoi(aa)));
  ViewState st;
  st.first_tick = 1, st.last_tick = st.horizon = src.info().ticks, st.replay = true;
  const auto screen =
      compute_screen_layout(static_cast<float>(width), static_cast<float>(height), 1, false, 0, 0);
  struct Case {
    const char* name;
    LayoutEngine* layout;
    ColourMode colour;
  };
  const Case cases[] = {{"geographic, colour by region", &geo, ColourMode::Region},
                        {"force-directed, colour by platform", &force, ColourMode::Platform},
                        {"platform-centric, colour by adoption", &plat, ColourMode::Adoption}};
  int rc = 0;
  // Three regimes per layout: every frame redraws the whole graph (the network or encoding changed every
  // frame: the worst case, e.g. a live model stepping a month per frame); panning and zooming (the camera
  // moves every frame; the window loop marks the camera as moving, so the cached picture is scaled and
  // shifted); and the viewer's usual frame, where the graph layer is reused and only the panel, timeline
  // and titles are drawn (playback between network changes, hover, sliders).
  enum class Regime { Full, Panning, Cached };
  const char* regime_names[] = {"full redraw ", "pan and zoom", "cached graph"};
  for (const Regime regime : {Regime::Full, Regime::Panning, Regime::Cached})
    for (const auto& c : cases) {
      st.colour = c.colour;
      st.camera = Camera{};
      std::vector<double> ms;
      renderer.invalidate();
      renderer.set_camera_moving(regime == Regime::Panning);
      const auto start = Clock::now();
      // Full redraws are slow in software OpenGL: a fifth of the frames are enough to time them.
      const bool full = regime == Regime::Full;
      const std::size_t count = full ? std::max<std::size_t>(frames / 5, 5) : frames;
      for (std::size_t f = 0; f < count; ++f) {
        for (sf::Event ev{}; win.pollEvent(ev);) {
        }
        const auto t = Clock::now();
        if (full) renderer.invalidate();
        if (regime == Regime::Panning) {
          st.camera.centre.x = 0.3f * static_cast<float>(std::sin(0.05 * static_cast<double>(f)));
          st.camera.zoom = 1.0f + 0.5f * static_cast<float>(std::sin(0.03 * static_cast<double>(f)));
        }
        src.seek(regime == Regime::Panning ? 120 : 1 + static_cast<std::int32_t>(f % 120));
        st.tick = src.tick();
        Scene scene;
        scene.panes.push_back({&src, c.layout, src.info().name, std::nullopt});
        renderer.draw(win, scene, st, screen);
        win.display();
        ms.push_back(ms_since(t));
      }
      const auto tm = summarise(ms, ms_since(start));
      std::printf("  %s %-38s %6.1f fps  (frame mean %.1f ms, median %.1f ms, p95 %.1f ms)\n",
                  regime_names[static_cast<int>(regime)], c.name, tm.fps, tm.mean, tm.p50, tm.p95);
      if (tm.fps < 30.0 && !full) rc = 3;
    }
  renderer.set_camera_moving(false);
  std::printf(
      "%s\n",
      rc == 0
          ? "ok: at least 30 fps with the cached graph layer and while panning and zooming, in every layout"
          : "below 30 fps with the cached graph layer or while panning in at least one layout");
  return rc == 0 ? 0 : 1;
}

}  // namespace vicsim::viz

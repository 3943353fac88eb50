#include "viz/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "viz/label_placement.hpp"
#include "viz/palette.hpp"
#include "viz/picking.hpp"

namespace vicsim::viz {

namespace {

constexpr unsigned kCell = 64;  // glyph atlas cell size (pixels)

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

void add_quad(sf::VertexArray& va, float cx, float cy, float r, Glyph g, sf::Color c) {
  const float u0 = static_cast<float>(static_cast<unsigned>(g) * kCell), u1 = u0 + kCell;
  va.append({{cx - r, cy - r}, c, {u0, 0}});
  va.append({{cx + r, cy - r}, c, {u1, 0}});
  va.append({{cx + r, cy + r}, c, {u1, static_cast<float>(kCell)}});
  va.append({{cx - r, cy + r}, c, {u0, static_cast<float>(kCell)}});
}

void add_rect(sf::VertexArray& tri, const Rect& r, sf::Color c) {
  const sf::Vector2f a{r.x, r.y}, b{r.x + r.w, r.y}, d{r.x + r.w, r.y + r.h}, e{r.x, r.y + r.h};
  for (const auto& p : {a, b, d, a, d, e}) tri.append({p, c});
}

void fill_rect(sf::RenderTarget& t, const Rect& r, sf::Color c) {
  sf::VertexArray tri(sf::Triangles);
  add_rect(tri, r, c);
  t.draw(tri);
}

sf::Color with_alpha(sf::Color c, std::uint8_t a) { return {c.r, c.g, c.b, a}; }

/** Views the target so that pixel coordinates inside `r` are drawn clipped to `r`. */
sf::View clip_view(const sf::RenderTarget& t, const Rect& r) {
  const auto size = t.getSize();
  sf::View v(sf::FloatRect(r.x, r.y, r.w, r.h));
  v.setViewport(sf::FloatRect(r.x / static_cast<float>(size.x), r.y / static_cast<float>(size.y),
                              r.w / static_cast<float>(size.x), r.h / static_cast<float>(size.y)));
  return v;
}

const KpiRow* kpi_at(const FrameSource& src, std::int32_t tick) {
  const KpiRow* best = nullptr;
  for (const auto& k : src.kpis())
    if (k.tick <= tick) best = &k;
  return best;
}

std::string stage_label(const std::string& s) { return s.empty() ? "-" : s; }

/** The evolution stage to show: the platform-led path's once it has begun, else the traditional path's. */
std::string evolution_label(const KpiRow* k) {
  if (!k) return "-";
  if (!k->platform_path_stage.empty()) return "platform path: " + k->platform_path_stage;
  return "traditional: " + stage_label(k->stage);
}

}  // namespace

sf::Image make_glyph_atlas(unsigned cell) {
  sf::Image img;
  img.create(cell * 3, cell, sf::Color::Transparent);
  const float c = static_cast<float>(cell) / 2.0f - 0.5f, R = static_cast<float>(cell) / 2.0f - 1.5f;
  for (unsigned g = 0; g < 3; ++g)
    for (unsigned y = 0; y < cell; ++y)
      for (unsigned x = 0; x < cell; ++x) {
        const float dx = static_cast<float>(x) - c, dy = static_cast<float>(y) - c;
        float d = 0;  // signed distance to the outline, negative inside (pixels)
        if (g == 0) {
          d = std::hypot(dx, dy) - R;
        } else if (g == 1) {
          d = (std::fabs(dx) + std::fabs(dy) - R) * 0.70710678f;
        } else {
          const float ax = std::fabs(dx), ay = std::fabs(dy);
          d = std::max(ax * 0.8660254f + ay * 0.5f, ay) - R * 0.92f;
        }
        const float cover = std::clamp(0.5f - d, 0.0f, 1.0f);
        if (cover <= 0) continue;
        // A darker rim 12% of the radius wide, so touching nodes stay distinguishable.
        const float rim = std::clamp((d + 0.12f * R) / 1.5f + 0.5f, 0.0f, 1.0f);
        const auto shade = static_cast<std::uint8_t>(255.0f - 120.0f * rim);
        img.setPixel(g * cell + x, y, {shade, shade, shade, static_cast<std::uint8_t>(cover * 255.0f)});
      }
  return img;
}

Renderer::Renderer(const sf::Font& font) : font_(font) {
  glyphs_.loadFromImage(make_glyph_atlas(kCell));
  glyphs_.setSmooth(true);
}

float Renderer::text(sf::RenderTarget& t, const std::string& s, float x, float y, float size, sf::Color c,
                     bool bold) {
  sf::Text tx(sf::String::fromUtf8(s.begin(), s.end()), font_, static_cast<unsigned>(std::lround(size)));
  tx.setFillColor(c);
  if (bold) tx.setStyle(sf::Text::Bold);
  tx.setPosition(std::round(x), std::round(y));
  t.draw(tx);
  return tx.getLocalBounds().width;
}

float Renderer::text_in(sf::RenderTarget& t, const std::string& s, const Rect& r, float size, sf::Color c,
                        bool bold, bool right) {
  // Never larger than the row, never wider than the rectangle: shorten with an ellipsis instead.
  size = std::min(size, r.h / 1.2f);
  std::string shown = s;
  float w = text_width(shown, size, bold);
  while (w > r.w && !shown.empty()) {
    shown.pop_back();
    while (!shown.empty() && (static_cast<unsigned char>(shown.back()) & 0xC0) == 0x80) shown.pop_back();
    w = text_width(shown + "\u2026", size, bold);
    if (w <= r.w) shown += "\u2026";
  }
  if (shown.empty()) return 0;
  text(t, shown, right ? r.x + r.w - w : r.x, r.y + (r.h - size * 1.2f) / 2, size, c, bold);
  return w;
}

float Renderer::text_width(const std::string& s, float size, bool bold) {
  sf::Text tx(sf::String::fromUtf8(s.begin(), s.end()), font_, static_cast<unsigned>(std::lround(size)));
  if (bold) tx.setStyle(sf::Text::Bold);
  return tx.getLocalBounds().width;
}

void Renderer::draw(sf::RenderTarget& t, const Scene& scene, const ViewState& s, const ScreenLayout& screen) {
  t.setView(t.getDefaultView());
  t.clear(theme::kBackground);
  const bool split = scene.panes.size() > 1;
  for (std::size_t i = 0; i < scene.panes.size() && i < screen.panes.size(); ++i)
    draw_pane(t, scene.panes[i], i, s, screen, split);
  t.setView(t.getDefaultView());
  draw_timeline(t, scene, s, screen);
  draw_sliders(t, scene, s, screen);
  draw_panel(t, scene, s, screen);
  for (std::size_t i = 0; i < scene.panes.size() && i < screen.panes.size(); ++i)
    if (scene.panes[i].hovered) draw_tooltip(t, scene.panes[i], s, screen);
  if (s.show_help) draw_help(t, s, screen);
  if (s.presets_open) draw_presets(t, scene, screen);
}

void Renderer::draw_graph(sf::RenderTarget& t, const PaneView& pane, std::size_t index, const ViewState& s,
                          const ScreenLayout& screen) {
  const Rect& r = screen.panes[index];
  fill_rect(t, {r.x + 1, r.y, r.w - 2, r.h}, theme::kPaneBackground);
  const auto& f = pane.source->frame();
  const auto& info = pane.source->info();
  const auto& pos = pane.layout->positions();
  const float sc = screen.scale;
  const auto to_px = [&](Vec2 p) { return layout_to_screen(s.camera, r, p); };

  // Regions: discs in the geographic layout, labels elsewhere.
  for (const auto& a : pane.layout->areas()) {
    const auto c = region_colour(static_cast<std::size_t>(a.region));
    const Vec2 p = to_px(a.centre);
    const std::string name = static_cast<std::size_t>(a.region) < info.regions.size()
                                 ? info.regions[static_cast<std::size_t>(a.region)].name
                                 : "";
    if (a.radius > 0) {
      const float rad = a.radius * pixels_per_unit(s.camera, r);
      sf::CircleShape disc(rad, 96);
      disc.setOrigin(rad, rad);
      disc.setPosition(p.x, p.y);
      disc.setFillColor(with_alpha(c, 26));
      disc.setOutlineColor(with_alpha(c, 110));
      disc.setOutlineThickness(1.5f * sc);
      t.draw(disc);
    }
  }

  // Selection: the selected firm and its partners stay bright, the rest dims.
  std::optional<std::size_t> sel;
  std::vector<char> near;
  if (s.selected && s.selected_pane == static_cast<std::int32_t>(index))
    for (std::size_t i = 0; i < f.nodes.size(); ++i)
      if (f.nodes[i].id == *s.selected) sel = i;
  if (sel) {
    near.assign(f.nodes.size(), 0);
    near[*sel] = 1;
    for (auto j : neighbours(f, *sel)) near[j] = 1;
  }
  std::vector<char> vis(f.nodes.size());
  for (std::size_t i = 0; i < f.nodes.size(); ++i) vis[i] = node_visible(f.nodes[i], s);

  // Edges: local first, then cross-regional, then platform-mediated on top.
  edges_.clear();
  for (auto cls : {EdgeClass::Local, EdgeClass::CrossRegion, EdgeClass::Platform})
    for (const auto& e : f.edges) {
      if (e.cls != cls || !vis[e.source] || !vis[e.target] || e.source >= pos.size() ||
          e.target >= pos.size())
        continue;
      sf::Color c = edge_colour(cls);
      if (sel) {
        const bool incident = e.source == *sel || e.target == *sel;
        c = incident ? with_alpha(c, 255) : with_alpha(c, static_cast<std::uint8_t>(c.a / 5));
        if (incident && cls == EdgeClass::Local) c = sf::Color(235, 240, 250, 230);
      }
      const Vec2 a = to_px(pos[e.source]), b = to_px(pos[e.target]);
      edges_.append({{a.x, a.y}, c});
      edges_.append({{b.x, b.y}, c});
    }
  t.draw(edges_);

  // Nodes: firms as discs sized by employees, chain-masters as outlined diamonds on top.
  nodes_.clear();
  for (int pass = 0; pass < 2; ++pass)
    for (std::size_t i = 0; i < f.nodes.size() && i < pos.size(); ++i) {
      const auto& n = f.nodes[i];
      if (!vis[i] || n.chain_master != (pass == 1)) continue;
      sf::Color c = node_colour(s.colour, n);
      if (sel && !near[i]) c.a = 45;
      const Vec2 p = to_px(pos[i]);
      const float rad = node_radius_px(n.employees, sc, s.camera.zoom);
      if (n.chain_master) {
        add_quad(nodes_, p.x, p.y, rad * 1.9f + 2.0f * sc, Glyph::Diamond, sf::Color(255, 255, 255, c.a));
        add_quad(nodes_, p.x, p.y, rad * 1.9f, Glyph::Diamond, c);
      } else {
        add_quad(nodes_, p.x, p.y, rad, Glyph::Disc, c);
      }
      if (sel && i == *sel) add_quad(nodes_, p.x, p.y, rad * 0.45f, Glyph::Disc, sf::Color::White);
    }
  // Platforms: hexagon hubs sized by membership (glyphs first, then labels on top of every glyph).
  const auto& hubs = pane.layout->hubs();
  std::vector<std::size_t> shown_hubs;
  for (std::size_t p = 0; p < f.platforms.size() && p < hubs.size(); ++p)
    if (f.platforms[p].alive && (s.filter_platform < 0 || s.filter_platform == static_cast<std::int32_t>(p)))
      shown_hubs.push_back(p);
  const auto hub_radius = [&](std::size_t p) {
    return (7.0f + 1.2f * std::log2(1.0f + static_cast<float>(f.platforms[p].members))) * sc;
  };
  for (const std::size_t p : shown_hubs) {
    const Vec2 h = to_px(hubs[p]);
    const float rad = hub_radius(p);
    add_quad(nodes_, h.x, h.y, rad + 2.5f * sc, Glyph::Hexagon, sf::Color::White);
    add_quad(nodes_, h.x, h.y, rad, Glyph::Hexagon, platform_colour(p));
  }
  sf::RenderStates states;
  states.texture = &glyphs_;
  t.draw(nodes_, states);
  // Labels: region names (over their disc, or at the region's centre in the other layouts), then platform
  // hubs; placed so that none covers another label or a hub glyph.
  const float fs = 13.0f * sc, hub_fs = 12.0f * sc;
  std::vector<LabelRequest> requests;
  std::vector<std::string> texts;
  std::vector<sf::Color> colours;
  std::vector<char> backdrop;
  for (const auto& a : pane.layout->areas()) {
    if (static_cast<std::size_t>(a.region) >= info.regions.size()) continue;
    const std::string& name = info.regions[static_cast<std::size_t>(a.region)].name;
    const Vec2 p = to_px(a.centre);
    const float rad = a.radius > 0 ? a.radius * pixels_per_unit(s.camera, r) : 0.0f;
    requests.push_back({p.x, p.y, rad, text_width(name, fs, true) + 8 * sc, fs * 1.45f, false});
    texts.push_back(name);
    colours.push_back(with_alpha(region_colour(static_cast<std::size_t>(a.region)), 235));
    backdrop.push_back(a.radius <= 0);
  }
  std::vector<Rect> obstacles;
  for (const std::size_t p : shown_hubs) {
    const Vec2 h = to_px(hubs[p]);
    const float rad = hub_radius(p) + 2.5f * sc;
    obstacles.push_back({h.x - rad, h.y - rad, 2 * rad, 2 * rad});
    const std::string label = f.platforms[p].name + " (" + std::to_string(f.platforms[p].members) + ")";
    requests.push_back({h.x, h.y, rad, text_width(label, hub_fs, true) + 8 * sc, hub_fs * 1.4f, true});
    texts.push_back(label);
    colours.push_back(platform_colour(p));
    backdrop.push_back(1);
  }
  const auto placed =
      place_labels(requests, obstacles, {r.x + 2 * sc, r.y + 2 * sc, r.w - 4 * sc, r.h - 4 * sc});
  for (std::size_t i = 0; i < placed.size(); ++i) {
    const Rect& b = placed[i];
    if (b.w <= 0) continue;  // no free place in the pane: left out rather than drawn over another label
    if (backdrop[i]) fill_rect(t, b, sf::Color(10, 12, 16, 200));
    text_in(t, texts[i], {b.x + 3 * sc, b.y, b.w - 6 * sc, b.h},
            i < placed.size() - shown_hubs.size() ? fs : hub_fs, colours[i], true);
  }
  if (s.layout == LayoutKind::Platform && f.platforms.empty()) {
    const std::string msg = "no platforms in this run: all firms on the outer ring, by region";
    const Vec2 c = to_px({0.0f, 0.0f});
    fill_rect(t, {c.x - text_width(msg, fs) / 2 - 6 * sc, c.y - fs, text_width(msg, fs) + 12 * sc, fs * 2},
              sf::Color(10, 12, 16, 200));
    text(t, msg, c.x - text_width(msg, fs) / 2, c.y - fs * 0.6f, fs, theme::kMutedText);
  }
}

void Renderer::draw_pane(sf::RenderTarget& t, const PaneView& pane, std::size_t index, const ViewState& s,
                         const ScreenLayout& screen, bool split) {
  const Rect& r = screen.panes[index];
  const auto& f = pane.source->frame();
  const auto& info = pane.source->info();
  const float sc = screen.scale;
  // The graph layer is redrawn only when something it shows changed; otherwise the cached picture is
  // reused (hover, panel, timeline and playback between network changes cost no graph redraw).
  if (cache_.size() <= index) cache_.resize(index + 1);
  auto& c = cache_[index];
  const GraphKey key{pane.source,
                     pane.layout,
                     pane.layout->version(),
                     f.network_tick,
                     f.nodes.size(),
                     f.edges.size(),
                     s.camera.zoom,
                     s.camera.centre.x,
                     s.camera.centre.y,
                     s.colour,
                     s.layout,
                     s.filter_region,
                     s.filter_industry,
                     s.filter_platform,
                     s.selected_pane == static_cast<std::int32_t>(index) ? s.selected.value_or(-1) : -1,
                     r.w,
                     r.h,
                     sc};
  const auto w = static_cast<unsigned>(std::lround(r.w)), h = static_cast<unsigned>(std::lround(r.h));
  const bool transform_cached = camera_moving_ && c.texture && !(c.key == key) && c.key.same_but_camera(key);
  if (transform_cached) {
    // The layer was drawn with camera c0; under c1 a layout point moves by a uniform scale and a shift
    // (layout_to_screen is affine), so the pane centre's layout point c0 tells where the picture goes.
    const Camera c0{c.key.zoom, {c.key.cx, c.key.cy}};
    const float ratio = pixels_per_unit(s.camera, r) / pixels_per_unit(c0, r);
    const Vec2 centre_now = layout_to_screen(s.camera, r, c0.centre);
    t.setView(clip_view(t, r));
    fill_rect(t, {r.x, r.y, r.w, r.h}, theme::kPaneBackground);
    sf::Sprite moved(c.texture->getTexture());
    moved.setScale(ratio, ratio);
    moved.setPosition(centre_now.x - r.w / 2 * ratio, centre_now.y - r.h / 2 * ratio);
    t.draw(moved);
  } else if (!c.texture || !(c.key == key)) {
    if (!c.texture || c.texture->getSize() != sf::Vector2u(w, h)) {
      c.texture = std::make_unique<sf::RenderTexture>();
      sf::ContextSettings cs;
      cs.antialiasingLevel = antialiasing_;
      if (!c.texture->create(w, h, cs)) throw std::runtime_error("could not create the graph layer texture");
    }
    c.texture->setView(sf::View(sf::FloatRect(r.x, r.y, r.w, r.h)));
    c.texture->clear(theme::kPaneBackground);
    draw_graph(*c.texture, pane, index, s, screen);
    c.texture->display();
    c.key = key;
    ++graph_redraws_;
  }
  if (!transform_cached) {
    t.setView(t.getDefaultView());
    sf::Sprite layer(c.texture->getTexture());
    layer.setPosition(r.x, r.y);
    t.draw(layer, sf::BlendNone);
  }
  // Header block above the graph: title, counts, stages, and the tie shares by class.
  const PaneHeader& hd = screen.headers[index];
  fill_rect(t, hd.block, theme::kPanel);
  const float fs = 14.0f * sc;
  const sf::Color accent = split ? pane_accent(index) : theme::kText;
  text_in(t, pane.title, hd.title, 19.0f * sc, accent, true);
  const KpiRow* k = kpi_at(*pane.source, f.tick);
  text_in(t,
          "month " + std::to_string(f.tick) + " / " + std::to_string(info.ticks) + "   " +
              std::to_string(f.nodes.size()) + " firms, " + std::to_string(f.edges.size()) + " ties",
          hd.lines[0], fs, theme::kText);
  text_in(t, "stage: " + evolution_label(k), hd.lines[1], fs, theme::kText);
  if (k && !k->platform_stage.empty())
    text_in(t, "platform ecosystem: " + k->platform_stage, hd.lines[2], fs, theme::kText);
  if (f.network_tick != f.tick)
    text_in(t,
            f.network_tick < 0 ? "no network snapshot in this run"
                               : "network as at the snapshot of month " + std::to_string(f.network_tick),
            hd.lines[3], 12.0f * sc, theme::kMutedText);
  // Local ties mostly lie inside their region's disc, hidden under the firms: the bar shows their share.
  std::size_t by_class[3] = {0, 0, 0};
  for (const auto& e : f.edges) ++by_class[static_cast<std::size_t>(e.cls)];
  const float total = static_cast<float>(std::max<std::size_t>(1, f.edges.size()));
  float bx = hd.tie_bar.x;
  std::string shares;
  for (auto cls : {EdgeClass::Local, EdgeClass::CrossRegion, EdgeClass::Platform}) {
    const float share = static_cast<float>(by_class[static_cast<std::size_t>(cls)]) / total;
    fill_rect(t, {bx, hd.tie_bar.y, hd.tie_bar.w * share, hd.tie_bar.h}, with_alpha(edge_colour(cls), 255));
    bx += hd.tie_bar.w * share;
    if (cls != EdgeClass::Platform || by_class[2] > 0)
      shares += (shares.empty() ? "" : ", ") + fmt("%.0f%% ", 100.0 * share) +
                (cls == EdgeClass::Local         ? "local"
                 : cls == EdgeClass::CrossRegion ? "cross-reg."
                                                 : "platform");
  }
  if (f.edges.empty()) fill_rect(t, hd.tie_bar, theme::kGrid);
  text_in(t, "ties " + shares, hd.tie_label, 12.0f * sc, theme::kMutedText);
  if (split && index + 1 < screen.panes.size()) {
    sf::VertexArray div(sf::Lines);
    div.append({{r.x + r.w - 1, hd.block.y}, theme::kGrid});
    div.append({{r.x + r.w - 1, r.y + r.h}, theme::kGrid});
    t.draw(div);
  }
  t.setView(t.getDefaultView());
}

void Renderer::draw_timeline(sf::RenderTarget& t, const Scene& scene, const ViewState& s,
                             const ScreenLayout& screen) {
  const Rect& r = screen.timeline;
  const float sc = screen.scale;
  fill_rect(t, r, theme::kPanel);
  std::string label = "month " + std::to_string(s.tick) + "/" + std::to_string(s.horizon);
  label += s.playing ? "  > " + fmt("%g", kSpeeds[s.speed_index]) + "/s" : "  paused";
  const Rect& track = screen.timeline_track;
  const float pad = 10 * sc;
  fill_rect(t, track, theme::kGrid);
  const float span = static_cast<float>(std::max(1, s.horizon - s.first_tick));
  const auto x_of = [&](std::int32_t tick) {
    return track.x + track.w * std::clamp(static_cast<float>(tick - s.first_tick) / span, 0.0f, 1.0f);
  };
  fill_rect(t, {track.x, track.y, x_of(s.last_tick) - track.x, track.h}, sf::Color(90, 100, 120));
  fill_rect(t, {track.x, track.y, x_of(s.tick) - track.x, track.h}, sf::Color(120, 180, 255));
  for (std::int32_t y = 12; y < s.horizon; y += 12) {  // a tick mark per year
    const float x = x_of(y);
    fill_rect(t, {x, track.y - 3 * sc, 1, track.h + 6 * sc}, theme::kMutedText);
  }
  const float kx = x_of(s.tick);
  nodes_.clear();
  add_quad(nodes_, kx, track.y + track.h / 2, 7 * sc, Glyph::Disc, sf::Color(200, 225, 255));
  sf::RenderStates st;
  st.texture = &glyphs_;
  t.draw(nodes_, st);
  text_in(t, label, screen.timeline_label, 13.0f * sc, theme::kText);
  (void)scene;
  (void)pad;
}

namespace {

struct Series {
  std::vector<sf::Vector2f> points;  // (tick, value)
  sf::Color colour;
};

}  // namespace

void Renderer::draw_panel(sf::RenderTarget& t, const Scene& scene, const ViewState& s,
                          const ScreenLayout& screen) {
  const Rect& P = screen.panel;
  const float sc = screen.scale;
  fill_rect(t, P, theme::kPanel);
  const float h2 = 13.0f * sc, h3 = 12.0f * sc;
  const bool split = scene.panes.size() > 1;
  const auto& first = *scene.panes.front().source;

  // Header.
  const Rect& H = screen.panel_header;
  text_in(t, split ? "Two paths, same start" : first.info().name, {H.x, H.y, H.w, 22 * sc}, 17.0f * sc,
          theme::kText, true);
  text_in(
      t,
      std::string(first.live() ? "live model" : "replay") + "  |  seed " + std::to_string(first.info().seed),
      {H.x, H.y + 22 * sc, H.w, 16 * sc}, h3, theme::kMutedText);
  text_in(t, "layout: " + std::string(layout_name(s.layout)) + "  (L)", {H.x, H.y + 38 * sc, H.w, 16 * sc},
          h3, theme::kMutedText);

  // Legend: node colours, tie classes, glyphs.
  const Rect& L = screen.legend;
  const float x0 = L.x, w = L.w, col_w = w / 2;
  float y = L.y;
  text_in(t, "Colour = " + std::string(colour_mode_name(s.colour)) + "  (C)", {x0, y, w, 18 * sc}, h2,
          theme::kText, true);
  y += 18 * sc;
  // The legend describes the pane with the most platforms (in a split screen the other may have none).
  const FrameSource* legend_src = &first;
  std::size_t most = 0;
  for (const auto& p : scene.panes) {
    std::size_t alive = 0;
    for (const auto& pl : p.source->frame().platforms) alive += pl.alive;
    if (alive > most) most = alive, legend_src = p.source;
  }
  const auto entries = legend_entries(s.colour, legend_src->info(), legend_src->frame());
  nodes_.clear();
  const bool two_cols = entries.size() > 4;
  const std::size_t shown = std::min(entries.size(), screen.legend_capacity);
  for (std::size_t i = 0; i < shown; ++i) {
    const float ex = x0 + (two_cols ? col_w * static_cast<float>(i % 2) : 0.0f);
    const float ey = y + static_cast<float>(two_cols ? i / 2 : i) * 16 * sc;
    const bool more = i + 1 == shown && shown < entries.size();
    if (!more) add_quad(nodes_, ex + 6 * sc, ey + 8 * sc, 5.5f * sc, Glyph::Disc, entries[i].colour);
    const std::string label =
        more ? "+" + std::to_string(entries.size() - shown + 1) + " more" : entries[i].label;
    text_in(t, label, {ex + 16 * sc, ey, (two_cols ? col_w : w) - 18 * sc, 16 * sc}, h3, theme::kText);
  }
  y += static_cast<float>(screen.legend_rows) * 16 * sc + 6 * sc;
  sf::VertexArray lines(sf::Triangles);
  for (auto cls : {EdgeClass::Local, EdgeClass::CrossRegion, EdgeClass::Platform}) {
    add_rect(lines, {x0, y + 7 * sc, 22 * sc, 2.5f * sc}, with_alpha(edge_colour(cls), 255));
    text_in(t, edge_label(cls), {x0 + 30 * sc, y, w - 30 * sc, 16 * sc}, h3, theme::kText);
    y += 16 * sc;
  }
  t.draw(lines);
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 5.5f * sc, Glyph::Disc, theme::kMutedText);
  text_in(t, "firm (size = employees)", {x0 + 16 * sc, y, w - 16 * sc, 16 * sc}, h3, theme::kText);
  y += 16 * sc;
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 8 * sc, Glyph::Diamond, sf::Color::White);
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 6.5f * sc, Glyph::Diamond, theme::kMutedText);
  text_in(t, "chain-master", {x0 + 16 * sc, y, col_w - 18 * sc, 16 * sc}, h3, theme::kText);
  add_quad(nodes_, x0 + col_w + 6 * sc, y + 8 * sc, 8 * sc, Glyph::Hexagon, sf::Color::White);
  add_quad(nodes_, x0 + col_w + 6 * sc, y + 8 * sc, 6.5f * sc, Glyph::Hexagon, platform_colour(0));
  text_in(t, "platform", {x0 + col_w + 18 * sc, y, col_w - 18 * sc, 16 * sc}, h3, theme::kText);
  sf::RenderStates st;
  st.texture = &glyphs_;
  t.draw(nodes_, st);

  // Charts, as many as the layout fits: adoption S-curve, cross-regional tie share, real output; one line
  // per pane, each with a time axis in months.
  const auto chart = [&](const ChartSlot& slot, const std::string& title, auto value, bool share,
                         const char* vfmt) {
    std::vector<Series> series;
    float vmax = share ? 1.0f : 0.0f;
    bool any = false;
    for (std::size_t i = 0; i < scene.panes.size(); ++i) {
      Series sr{{}, split ? pane_accent(i) : sf::Color(120, 180, 255)};
      const auto* src = scene.panes[i].source;
      for (const auto& k : src->kpis()) {
        if (k.tick > src->tick()) break;
        const double v = value(k);
        if (std::isnan(v)) continue;
        sr.points.push_back({static_cast<float>(k.tick), static_cast<float>(v)});
        if (!share) vmax = std::max(vmax, static_cast<float>(v) * 1.1f);
        any = true;
      }
      series.push_back(std::move(sr));
    }
    std::string last;
    for (std::size_t i = 0; i < series.size(); ++i)
      if (!series[i].points.empty())
        last += (last.empty() ? "" : "  ") + std::string(split ? (i == 0 ? "A " : "B ") : "") +
                fmt(vfmt, series[i].points.back().y);
    const float last_w = last.empty() ? 0.0f : std::min(slot.title.w * 0.45f, text_width(last, h3) + 2 * sc);
    text_in(t, title, {slot.title.x, slot.title.y, slot.title.w - last_w - 6 * sc, slot.title.h}, h3,
            theme::kText, true);
    if (!last.empty())
      text_in(t, last, {slot.title.x + slot.title.w - last_w, slot.title.y, last_w, slot.title.h}, h3,
              theme::kMutedText, false, true);
    const Rect& box = slot.box;
    fill_rect(t, box, theme::kPaneBackground);
    // Time axis: the first month, the middle and the horizon.
    const float span = static_cast<float>(std::max(1, s.horizon - s.first_tick));
    const float third = slot.axis.w / 3;
    const float afs = 10.0f * sc;
    text_in(t, std::to_string(s.first_tick), {slot.axis.x, slot.axis.y, third, slot.axis.h}, afs,
            theme::kMutedText);
    const std::string mid = std::to_string(s.first_tick + (s.horizon - s.first_tick) / 2);
    const float mid_w = text_width(mid, afs);
    text_in(t, mid, {slot.axis.x + slot.axis.w / 2 - mid_w / 2, slot.axis.y, third, slot.axis.h}, afs,
            theme::kMutedText);
    text_in(t, "month " + std::to_string(s.horizon),
            {slot.axis.x + 2 * third, slot.axis.y, third, slot.axis.h}, afs, theme::kMutedText, false, true);
    if (!any) {
      text_in(t, "not recorded by this run", {box.x + 8 * sc, box.y, box.w - 16 * sc, box.h}, h3,
              theme::kMutedText);
      return;
    }
    if (vmax <= 0) vmax = 1;
    sf::VertexArray grid(sf::Lines);
    for (float g : {0.25f, 0.5f, 0.75f}) {
      grid.append({{box.x, box.y + box.h * (1 - g)}, with_alpha(theme::kGrid, 120)});
      grid.append({{box.x + box.w, box.y + box.h * (1 - g)}, with_alpha(theme::kGrid, 120)});
    }
    for (float g : {0.0f, 0.5f, 1.0f}) {  // axis ticks at the labelled months
      grid.append({{box.x + box.w * g, box.y + box.h}, theme::kMutedText});
      grid.append({{box.x + box.w * g, box.y + box.h - 4 * sc}, theme::kMutedText});
    }
    t.draw(grid);
    sf::VertexArray tri(sf::Triangles);
    for (const auto& sr : series)
      for (std::size_t k = 1; k < sr.points.size(); ++k) {
        const auto a = sr.points[k - 1], b = sr.points[k];
        const sf::Vector2f pa{box.x + box.w * (a.x - static_cast<float>(s.first_tick)) / span,
                              box.y + box.h * (1 - std::clamp(a.y / vmax, 0.0f, 1.0f))};
        const sf::Vector2f pb{box.x + box.w * (b.x - static_cast<float>(s.first_tick)) / span,
                              box.y + box.h * (1 - std::clamp(b.y / vmax, 0.0f, 1.0f))};
        // A 2-pixel polyline as thin quads (sf::Lines is 1 pixel wide).
        sf::Vector2f d{pb.x - pa.x, pb.y - pa.y};
        const float len = std::max(std::hypot(d.x, d.y), 1e-3f);
        const sf::Vector2f nrm{-d.y / len * sc, d.x / len * sc};
        for (const auto& v : {pa - nrm, pa + nrm, pb + nrm, pa - nrm, pb + nrm, pb - nrm})
          tri.append({v, sr.colour});
      }
    t.draw(tri);
    // The value scale, in its gutter left of the box: no label inside the box, so no line crosses one.
    text_in(t, share ? "1" : fmt(vfmt, vmax), slot.scale_max(), 10.0f * sc, theme::kMutedText, false, true);
    text_in(t, "0", slot.scale_min(), 10.0f * sc, theme::kMutedText, false, true);
  };
  const auto& C = screen.charts;
  if (C.size() > 0)
    chart(
        C[0], "Cloud adoption (S-curve)", [](const KpiRow& k) { return k.adoption_share; }, true, "%.2f");
  if (C.size() > 1)
    chart(
        C[1], "Cross-regional tie share", [](const KpiRow& k) { return k.cross_region_tie_share; }, true,
        "%.2f");
  if (C.size() > 2)
    chart(
        C[2], "Real output (bn yuan/mo)", [](const KpiRow& k) { return k.real_output / 1e9; }, false, "%.2f");

  // Stages, when the layout has room (the pane headers show them too).
  if (screen.stages.h > 0) {
    y = screen.stages.y;
    const auto stage_block = [&](const std::string& title, const auto& label) {
      text_in(t, title, {x0, y, w, 16 * sc}, h3, theme::kText, true);
      y += 16 * sc;
      for (std::size_t i = 0; i < scene.panes.size(); ++i) {
        const auto* src = scene.panes[i].source;
        const std::string tag = split ? (i == 0 ? "A: " : "B: ") : "";
        text_in(t, tag + label(kpi_at(*src, src->tick())), {x0, y, w, 15 * sc}, h3,
                split ? pane_accent(i) : theme::kText);
        y += 15 * sc;
      }
      y += 4 * sc;
    };
    stage_block("Evolution stage", [](const KpiRow* k) { return evolution_label(k); });
    stage_block("Platform ecosystem", [](const KpiRow* k) {
      return k && !k->platform_stage.empty() ? k->platform_stage : std::string("no platforms");
    });
  }
  const std::string keys =
      scene.status.empty() ? "H help  M presets  S screenshot  F large font" : scene.status;
  text_in(t, keys, screen.keys, 11.0f * sc, theme::kMutedText);
}

void Renderer::draw_sliders(sf::RenderTarget& t, const Scene& scene, const ViewState& s,
                            const ScreenLayout& screen) {
  if (screen.slider_strip.h <= 0) return;
  const float sc = screen.scale, h3 = 12.0f * sc;
  fill_rect(t, screen.slider_strip, theme::kPanel);
  sf::RenderStates st;
  st.texture = &glyphs_;
  for (std::size_t i = 0;
       i < scene.sliders.size() && i < screen.slider_rows.size() && i < s.slider_values.size(); ++i) {
    const Rect& lr = screen.slider_rows[i].label;
    const Rect& tr = screen.slider_rows[i].track;
    const float vw = std::min(lr.w * 0.3f, text_width(scene.sliders[i].value_text, h3) + 2 * sc);
    text_in(t, scene.sliders[i].label, {lr.x, lr.y, lr.w - vw - 8 * sc, lr.h}, h3, theme::kText);
    text_in(t, scene.sliders[i].value_text, {lr.x + lr.w - vw, lr.y, vw, lr.h}, h3, theme::kMutedText, false,
            true);
    fill_rect(t, tr, theme::kGrid);
    const double u = std::clamp(
        (s.slider_values[i] - s.slider_min[i]) / std::max(1e-12, s.slider_max[i] - s.slider_min[i]), 0.0,
        1.0);
    fill_rect(t, {tr.x, tr.y, tr.w * static_cast<float>(u), tr.h}, sf::Color(120, 180, 255));
    nodes_.clear();
    add_quad(nodes_, tr.x + tr.w * static_cast<float>(u), tr.y + tr.h / 2, 6.5f * sc, Glyph::Disc,
             s.active_slider == static_cast<std::int32_t>(i) ? sf::Color::White : sf::Color(200, 225, 255));
    t.draw(nodes_, st);
  }
}

void Renderer::draw_tooltip(sf::RenderTarget& t, const PaneView& pane, const ViewState& s,
                            const ScreenLayout& screen) {
  const auto& f = pane.source->frame();
  const auto i = *pane.hovered;
  if (i >= f.nodes.size()) return;
  const auto& n = f.nodes[i];
  const auto& info = pane.source->info();
  const float sc = screen.scale, fs = 12.0f * sc;
  std::vector<std::string> lines;
  lines.push_back("firm " + std::to_string(n.id) + (n.chain_master ? "  (chain-master)" : ""));
  const auto name = [](const auto& v, std::int32_t k) -> std::string {
    return k >= 0 && static_cast<std::size_t>(k) < v.size() ? v[static_cast<std::size_t>(k)] : "?";
  };
  std::vector<std::string> regions;
  for (const auto& r : info.regions) regions.push_back(r.name);
  lines.push_back("region: " + name(regions, n.region));
  lines.push_back("industry: " + name(info.industries, n.industry) + " / " + n.stage);
  lines.push_back("employees: " + fmt("%.0f", n.employees) +
                  "   productivity: " + fmt("%.2f", n.productivity));
  std::size_t ties = neighbours(f, i).size();
  lines.push_back("partners: " + std::to_string(ties));
  std::string plats;
  for (std::size_t p = 0; p < f.platforms.size(); ++p)
    if ((n.platforms >> p) & 1u) plats += (plats.empty() ? "" : ", ") + f.platforms[p].name;
  if (!f.platforms.empty()) lines.push_back("platforms: " + (plats.empty() ? std::string("none") : plats));
  if (info.has_adoption) lines.push_back(n.adopted ? "on the cloud / platform" : "offline");
  float w = 0;
  for (const auto& l : lines) w = std::max(w, text_width(l, fs));
  const float h = static_cast<float>(lines.size()) * fs * 1.4f + 10 * sc;
  float x = s.mouse_x + 16 * sc, y = s.mouse_y + 12 * sc;
  if (x + w + 16 * sc > screen.panel.x) x = s.mouse_x - w - 26 * sc;
  if (y + h > screen.height) y = screen.height - h - 4;
  fill_rect(t, {x, y, w + 16 * sc, h}, sf::Color(10, 12, 16, 235));
  float ly = y + 5 * sc;
  for (const auto& l : lines) {
    text(t, l, x + 8 * sc, ly, fs, theme::kText);
    ly += fs * 1.4f;
  }
}

void Renderer::draw_help(sf::RenderTarget& t, const ViewState& s, const ScreenLayout& screen) {
  (void)s;
  const float sc = screen.scale, fs = 14.0f * sc;
  const std::vector<std::string> lines = {"Space  play / pause",
                                          "Right / .  one month forward",
                                          "Left / ,  one month back (replay)",
                                          "Home / End  first / last month",
                                          "+ / -  speed",
                                          "L  layout: geographic, force, platform",
                                          "C  colour: region, industry, platform, adoption",
                                          "R / I / P  filter region / industry / platform",
                                          "0  clear filters and view",
                                          "wheel  zoom   drag  pan",
                                          "click a firm  highlight its partners",
                                          "S  screenshot   F  large font",
                                          "M  presets menu   Esc  close / quit"};
  const float w = 460 * sc, h = static_cast<float>(lines.size()) * fs * 1.5f + 50 * sc;
  const float x = (screen.panel.x - w) / 2, y = (screen.height - h) / 2;
  fill_rect(t, {x, y, w, h}, sf::Color(10, 12, 16, 235));
  text(t, "Keys", x + 16 * sc, y + 10 * sc, 17.0f * sc, theme::kText, true);
  float ly = y + 40 * sc;
  for (const auto& l : lines) {
    text(t, l, x + 16 * sc, ly, fs, theme::kText);
    ly += fs * 1.5f;
  }
}

void Renderer::draw_presets(sf::RenderTarget& t, const Scene& scene, const ScreenLayout& screen) {
  if (screen.presets.empty()) return;
  const float sc = screen.scale, fs = 14.0f * sc;
  const Rect& r0 = screen.presets.front();
  const Rect box{r0.x - 10 * sc, r0.y - r0.h - 10 * sc, r0.w + 20 * sc,
                 r0.h * static_cast<float>(screen.presets.size() + 1) + 20 * sc};
  fill_rect(t, box, sf::Color(10, 12, 16, 240));
  text(t, "Presets (press 1-9 or click)", r0.x, r0.y - r0.h, 16.0f * sc, theme::kText, true);
  for (std::size_t i = 0; i < screen.presets.size() && i < scene.presets.size(); ++i) {
    const Rect& r = screen.presets[i];
    text(t, std::to_string(i + 1) + "   " + scene.presets[i], r.x + 4 * sc, r.y + (r.h - fs) / 2 - 2 * sc, fs,
         theme::kText);
  }
}

}  // namespace vicsim::viz

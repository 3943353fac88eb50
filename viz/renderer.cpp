#include "viz/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

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
      const float fs = 13.0f * sc;
      text(t, name, p.x - text_width(name, fs) / 2, p.y - rad - fs * 1.45f, fs, with_alpha(c, 235), true);
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
  for (const std::size_t p : shown_hubs) {
    const Vec2 h = to_px(hubs[p]);
    const float rad = hub_radius(p);
    // The name and member count under the hub, on a backdrop, kept inside the pane.
    const std::string label = f.platforms[p].name + " (" + std::to_string(f.platforms[p].members) + ")";
    const float fs = 12.0f * sc, tw = text_width(label, fs, true);
    const float lx = std::clamp(h.x - tw / 2, r.x + 4 * sc, r.x + r.w - tw - 4 * sc), ly = h.y + rad + 3 * sc;
    fill_rect(t, {lx - 3 * sc, ly, tw + 6 * sc, fs * 1.4f}, sf::Color(10, 12, 16, 200));
    text(t, label, lx, ly, fs, platform_colour(p), true);
  }

  // Region labels of the layouts without discs, over the nodes on a dark backdrop.
  for (const auto& a : pane.layout->areas()) {
    if (a.radius > 0 || static_cast<std::size_t>(a.region) >= info.regions.size()) continue;
    const std::string& name = info.regions[static_cast<std::size_t>(a.region)].name;
    const float fs = 13.0f * sc, tw = text_width(name, fs);
    const Vec2 p = to_px(a.centre);
    fill_rect(t, {p.x - tw / 2 - 4 * sc, p.y - fs / 2 - 2 * sc, tw + 8 * sc, fs * 1.5f},
              sf::Color(10, 12, 16, 190));
    text(t, name, p.x - tw / 2, p.y - fs / 2, fs, region_colour(static_cast<std::size_t>(a.region)), true);
  }
  if (s.layout == LayoutKind::Platform && f.platforms.empty()) {
    const std::string msg = "no platforms in this run: all firms on the outer ring, by region";
    const float fs = 13.0f * sc;
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
  t.setView(clip_view(t, r));

  // Title block.
  const float fs = 14.0f * sc, x0 = r.x + 12 * sc;
  float y = r.y + 8 * sc;
  const sf::Color accent = split ? pane_accent(index) : theme::kText;
  text(t, pane.title, x0, y, 19.0f * sc, accent, true);
  y += 26.0f * sc;
  const KpiRow* k = kpi_at(*pane.source, f.tick);
  std::string line = "month " + std::to_string(f.tick) + " / " + std::to_string(info.ticks) + "   " +
                     std::to_string(f.nodes.size()) + " firms, " + std::to_string(f.edges.size()) + " ties";
  text(t, line, x0, y, fs, theme::kText);
  y += fs * 1.35f;
  text(t, "stage: " + evolution_label(k), x0, y, fs, theme::kText);
  y += fs * 1.35f;
  if (k && !k->platform_stage.empty()) {
    text(t, "platform ecosystem: " + k->platform_stage, x0, y, fs, theme::kText);
    y += fs * 1.35f;
  }
  if (f.network_tick != f.tick)
    text(t,
         f.network_tick < 0 ? "no network snapshot in this run"
                            : "network as at the snapshot of month " + std::to_string(f.network_tick),
         x0, y, 12.0f * sc, theme::kMutedText);
  if (split && index + 1 < screen.panes.size()) {
    sf::VertexArray div(sf::Lines);
    div.append({{r.x + r.w - 1, r.y}, theme::kGrid});
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
  text(t, label, track.x + track.w + pad, r.y + (r.h - 15 * sc) / 2, 13.0f * sc, theme::kText);
  (void)scene;
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
  const float sc = screen.scale, pad = 12 * sc, x0 = P.x + pad, w = P.w - 2 * pad;
  fill_rect(t, P, theme::kPanel);
  float y = P.y + pad;
  const float h2 = 13.0f * sc, h3 = 12.0f * sc;
  const bool split = scene.panes.size() > 1;
  const auto& first = *scene.panes.front().source;

  text(t, split ? "Two paths, same start" : first.info().name, x0, y, 17.0f * sc, theme::kText, true);
  y += 22 * sc;
  text(t,
       std::string(first.live() ? "live model" : "replay") + "  |  seed " + std::to_string(first.info().seed),
       x0, y, h3, theme::kMutedText);
  y += 16 * sc;
  text(t, "layout: " + std::string(layout_name(s.layout)) + "  (L)", x0, y, h3, theme::kMutedText);
  y += 20 * sc;

  // Legend: node colours, tie classes, glyphs.
  text(t, "Colour = " + std::string(colour_mode_name(s.colour)) + "  (C)", x0, y, h2, theme::kText, true);
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
  const float col_w = w / 2;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const float ex = x0 + (entries.size() > 4 ? col_w * static_cast<float>(i % 2) : 0.0f);
    const float ey = y + (entries.size() > 4 ? static_cast<float>(i / 2) : static_cast<float>(i)) * 16 * sc;
    add_quad(nodes_, ex + 6 * sc, ey + 8 * sc, 5.5f * sc, Glyph::Disc, entries[i].colour);
    text(t, entries[i].label, ex + 16 * sc, ey, h3, theme::kText);
  }
  y += static_cast<float>(entries.size() > 4 ? (entries.size() + 1) / 2 : entries.size()) * 16 * sc + 6 * sc;
  sf::VertexArray lines(sf::Triangles);
  for (auto cls : {EdgeClass::Local, EdgeClass::CrossRegion, EdgeClass::Platform}) {
    add_rect(lines, {x0, y + 7 * sc, 22 * sc, 2.5f * sc}, with_alpha(edge_colour(cls), 255));
    text(t, edge_label(cls), x0 + 30 * sc, y, h3, theme::kText);
    y += 16 * sc;
  }
  t.draw(lines);
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 5.5f * sc, Glyph::Disc, theme::kMutedText);
  text(t, "firm (size = employees)", x0 + 16 * sc, y, h3, theme::kText);
  y += 16 * sc;
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 8 * sc, Glyph::Diamond, sf::Color::White);
  add_quad(nodes_, x0 + 6 * sc, y + 8 * sc, 6.5f * sc, Glyph::Diamond, theme::kMutedText);
  text(t, "chain-master", x0 + 16 * sc, y, h3, theme::kText);
  add_quad(nodes_, x0 + col_w + 6 * sc, y + 8 * sc, 8 * sc, Glyph::Hexagon, sf::Color::White);
  add_quad(nodes_, x0 + col_w + 6 * sc, y + 8 * sc, 6.5f * sc, Glyph::Hexagon, platform_colour(0));
  text(t, "platform", x0 + col_w + 18 * sc, y, h3, theme::kText);
  y += 22 * sc;
  sf::RenderStates st;
  st.texture = &glyphs_;
  t.draw(nodes_, st);

  // Charts: adoption S-curve, cross-regional tie share, output; one line per pane.
  // Charts take what the legend, stages and sliders leave.
  const float chart_h = std::clamp(
      (P.h - (440.0f + 34.0f * static_cast<float>(scene.sliders.size())) * sc) / 3.0f, 30 * sc, 90 * sc);
  const auto chart = [&](const std::string& title, auto value, bool share, const char* vfmt) {
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
    text(t, title, x0, y, h3, theme::kText, true);
    if (!last.empty()) text(t, last, x0 + w - text_width(last, h3), y, h3, theme::kMutedText);
    y += 16 * sc;
    const Rect box{x0, y, w, chart_h};
    fill_rect(t, box, theme::kPaneBackground);
    if (!any) {
      text(t, "not recorded by this run", x0 + 8 * sc, y + chart_h / 2 - 8 * sc, h3, theme::kMutedText);
    } else {
      if (vmax <= 0) vmax = 1;
      const float span = static_cast<float>(std::max(1, s.horizon - s.first_tick));
      sf::VertexArray grid(sf::Lines);
      for (float g : {0.25f, 0.5f, 0.75f}) {
        grid.append({{box.x, box.y + box.h * (1 - g)}, with_alpha(theme::kGrid, 120)});
        grid.append({{box.x + box.w, box.y + box.h * (1 - g)}, with_alpha(theme::kGrid, 120)});
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
      text(t, share ? "1" : fmt(vfmt, vmax), box.x + 3 * sc, box.y + 1 * sc, 10.0f * sc, theme::kMutedText);
    }
    y += chart_h + 8 * sc;
  };
  chart(
      "Cloud adoption (S-curve)", [](const KpiRow& k) { return k.adoption_share; }, true, "%.2f");
  chart(
      "Cross-regional tie share", [](const KpiRow& k) { return k.cross_region_tie_share; }, true, "%.2f");
  chart(
      "Output (bn yuan / month)", [](const KpiRow& k) { return k.output / 1e9; }, false, "%.2f");

  // Stages: the evolution path's stage, then the platform ecosystem's, one line per pane each.
  const auto stage_block = [&](const std::string& title, const auto& label) {
    text(t, title, x0, y, h3, theme::kText, true);
    y += 16 * sc;
    for (std::size_t i = 0; i < scene.panes.size(); ++i) {
      const auto* src = scene.panes[i].source;
      const std::string tag = split ? (i == 0 ? "A: " : "B: ") : "";
      text(t, tag + label(kpi_at(*src, src->tick())), x0, y, h3, split ? pane_accent(i) : theme::kText);
      y += 15 * sc;
    }
    y += 4 * sc;
  };
  stage_block("Evolution stage", [](const KpiRow* k) { return evolution_label(k); });
  stage_block("Platform ecosystem", [](const KpiRow* k) {
    return k && !k->platform_stage.empty() ? k->platform_stage : std::string("no platforms");
  });

  // Classroom sliders.
  for (std::size_t i = 0; i < scene.sliders.size() && i < screen.sliders.size() && i < s.slider_values.size();
       ++i) {
    const Rect& tr = screen.sliders[i];
    text(t, scene.sliders[i].label, tr.x, tr.y - 17 * sc, h3, theme::kText);
    text(t, scene.sliders[i].value_text, tr.x + tr.w - text_width(scene.sliders[i].value_text, h3),
         tr.y - 17 * sc, h3, theme::kMutedText);
    fill_rect(t, tr, theme::kGrid);
    const double u =
        (s.slider_values[i] - s.slider_min[i]) / std::max(1e-12, s.slider_max[i] - s.slider_min[i]);
    fill_rect(t, {tr.x, tr.y, tr.w * static_cast<float>(u), tr.h}, sf::Color(120, 180, 255));
    nodes_.clear();
    add_quad(nodes_, tr.x + tr.w * static_cast<float>(u), tr.y + tr.h / 2, 6.5f * sc, Glyph::Disc,
             s.active_slider == static_cast<std::int32_t>(i) ? sf::Color::White : sf::Color(200, 225, 255));
    t.draw(nodes_, st);
  }
  const std::string keys =
      scene.status.empty() ? "H help  M presets  S screenshot  F large font" : scene.status;
  text(t, keys, x0, P.y + P.h - 20 * sc, 11.0f * sc, theme::kMutedText);
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

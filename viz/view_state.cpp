#include "viz/view_state.hpp"

#include <algorithm>
#include <cmath>

namespace vicsim::viz {

namespace {

using T = Action::Type;

Action act(T t) {
  Action a;
  a.type = t;
  return a;
}

Action seek_to(std::int32_t tick) {
  Action a = act(T::Seek);
  a.tick = tick;
  return a;
}

Action preset(std::int32_t index) {
  Action a = act(T::LoadPreset);
  a.index = index;
  return a;
}

std::int32_t cycle_filter(std::int32_t current, std::int32_t count) {
  if (count <= 0) return -1;
  return current + 1 >= count ? -1 : current + 1;
}

std::int32_t pane_at(const ScreenLayout& screen, float x, float y) {
  for (std::size_t i = 0; i < screen.panes.size(); ++i)
    if (screen.panes[i].contains(x, y)) return static_cast<std::int32_t>(i);
  return -1;
}

double slider_value_at(const ViewState& s, const ScreenLayout& screen, std::int32_t i, float x) {
  const auto& r = screen.sliders[static_cast<std::size_t>(i)];
  const double u = std::clamp((x - r.x) / std::max(r.w, 1.0f), 0.0f, 1.0f);
  const auto k = static_cast<std::size_t>(i);
  return s.slider_min[k] + u * (s.slider_max[k] - s.slider_min[k]);
}

std::vector<Action> on_key(ViewState& s, Key k) {
  if (s.presets_open) {
    if (k >= Key::Num1 && k <= Key::Num9) {
      s.presets_open = false;
      return {preset(static_cast<std::int32_t>(k) - static_cast<std::int32_t>(Key::Num1))};
    }
    if (k == Key::Escape || k == Key::M) {
      s.presets_open = false;
      return {};
    }
  }
  switch (k) {
    case Key::Space:
      s.playing = !s.playing;
      return {};
    case Key::Right:
    case Key::Period:
      s.playing = false;
      return {act(T::Step)};
    case Key::Left:
    case Key::Comma:
      s.playing = false;
      if (!s.replay) return {};
      return {act(T::StepBack)};
    case Key::Home:
      if (!s.replay) return {};
      return {seek_to(s.first_tick)};
    case Key::End:
      return {seek_to(s.replay ? s.last_tick : s.horizon)};
    case Key::Plus:
    case Key::Up:
      s.speed_index = std::min(s.speed_index + 1, kSpeedCount - 1);
      return {};
    case Key::Minus:
    case Key::Down:
      s.speed_index = std::max(s.speed_index - 1, 0);
      return {};
    case Key::L:
      s.layout = static_cast<LayoutKind>((static_cast<int>(s.layout) + 1) % 3);
      s.camera = {};
      return {act(T::Relayout)};
    case Key::C:
      s.colour = static_cast<ColourMode>((static_cast<int>(s.colour) + 1) % 4);
      return {act(T::Restyle)};
    case Key::R:
      s.filter_region = cycle_filter(s.filter_region, s.regions);
      return {act(T::Restyle)};
    case Key::I:
      s.filter_industry = cycle_filter(s.filter_industry, s.industries);
      return {act(T::Restyle)};
    case Key::P:
      s.filter_platform = cycle_filter(s.filter_platform, s.platforms);
      return {act(T::Restyle)};
    case Key::Num0:
      s.filter_region = s.filter_industry = s.filter_platform = -1;
      s.camera = {};
      return {act(T::Restyle)};
    case Key::S:
      return {act(T::Screenshot)};
    case Key::F:
      s.large_font = !s.large_font;
      return {act(T::Restyle)};
    case Key::H:
      s.show_help = !s.show_help;
      return {};
    case Key::M:
      s.presets_open = !s.presets_open;
      return {};
    case Key::Escape:
      if (s.show_help) {
        s.show_help = false;
        return {};
      }
      if (s.selected) {
        s.selected.reset();
        s.selected_pane = -1;
        return {act(T::ClearSelection)};
      }
      return {act(T::Quit)};
    case Key::Q:
      return {act(T::Quit)};
    default:
      return {};
  }
}

}  // namespace

std::string_view colour_mode_name(ColourMode m) {
  switch (m) {
    case ColourMode::Region:
      return "region";
    case ColourMode::Industry:
      return "industry";
    case ColourMode::Platform:
      return "platform";
    case ColourMode::Adoption:
      return "adoption";
  }
  return "?";
}

float pixels_per_unit(const Camera& c, const Rect& pane) {
  return 0.5f * 0.94f * std::min(pane.w, pane.h) * c.zoom;
}

Vec2 screen_to_layout(const Camera& c, const Rect& pane, float px, float py) {
  const float k = pixels_per_unit(c, pane);
  return {c.centre.x + (px - (pane.x + pane.w / 2)) / k, c.centre.y + (py - (pane.y + pane.h / 2)) / k};
}

Vec2 layout_to_screen(const Camera& c, const Rect& pane, Vec2 p) {
  const float k = pixels_per_unit(c, pane);
  return {pane.x + pane.w / 2 + (p.x - c.centre.x) * k, pane.y + pane.h / 2 + (p.y - c.centre.y) * k};
}

std::int32_t timeline_tick(const ScreenLayout& screen, const ViewState& s, float x) {
  const auto& r = screen.timeline_track;
  const float u = std::clamp((x - r.x) / std::max(r.w, 1.0f), 0.0f, 1.0f);
  const auto t =
      s.first_tick + static_cast<std::int32_t>(std::lround(u * static_cast<float>(s.horizon - s.first_tick)));
  return std::clamp(t, s.first_tick, std::max(s.first_tick, s.horizon));
}

std::vector<Action> handle(ViewState& s, const InputEvent& e, const ScreenLayout& screen) {
  using E = InputEvent::Type;
  switch (e.type) {
    case E::Closed:
      return {act(T::Quit)};
    case E::Resized:
      return {act(T::Restyle)};
    case E::KeyPressed:
      return on_key(s, e.key);
    case E::MouseWheel: {
      const auto p = pane_at(screen, e.x, e.y);
      if (p < 0 || e.wheel == 0) return {};
      const auto& pane = screen.panes[static_cast<std::size_t>(p)];
      // Zoom about the cursor: the layout point under it stays under it.
      const Vec2 before = screen_to_layout(s.camera, pane, e.x, e.y);
      s.camera.zoom = std::clamp(s.camera.zoom * std::pow(1.2f, e.wheel), 0.5f, 40.0f);
      const Vec2 after = screen_to_layout(s.camera, pane, e.x, e.y);
      s.camera.centre.x += before.x - after.x;
      s.camera.centre.y += before.y - after.y;
      return {};
    }
    case E::MouseMoved: {
      s.mouse_x = e.x, s.mouse_y = e.y;
      if (s.scrubbing) return {seek_to(timeline_tick(screen, s, e.x))};
      if (s.active_slider >= 0) {
        s.slider_values[static_cast<std::size_t>(s.active_slider)] =
            slider_value_at(s, screen, s.active_slider, e.x);
        return {};
      }
      if (s.dragging && s.drag_pane >= 0) {
        const auto& pane = screen.panes[static_cast<std::size_t>(s.drag_pane)];
        if (std::hypot(e.x - s.drag_x, e.y - s.drag_y) > 4.0f) s.drag_moved = true;
        if (s.drag_moved) {
          const float k = pixels_per_unit(s.camera, pane);
          s.camera.centre.x -= (e.x - s.drag_x) / k;
          s.camera.centre.y -= (e.y - s.drag_y) / k;
          s.drag_x = e.x, s.drag_y = e.y;
        }
      }
      return {};
    }
    case E::MousePressed: {
      s.mouse_x = e.x, s.mouse_y = e.y;
      if (!e.left_button) return {};
      if (s.presets_open) {
        s.presets_open = false;
        for (std::size_t i = 0; i < screen.presets.size(); ++i)
          if (screen.presets[i].contains(e.x, e.y)) return {preset(static_cast<std::int32_t>(i))};
        return {};
      }
      for (std::size_t i = 0; i < screen.sliders.size() && i < s.slider_values.size(); ++i) {
        Rect grab = screen.sliders[i];
        grab.y -= grab.h, grab.h *= 3;  // a forgiving hit area around the thin track
        if (grab.contains(e.x, e.y)) {
          s.active_slider = static_cast<std::int32_t>(i);
          s.slider_values[i] = slider_value_at(s, screen, s.active_slider, e.x);
          return {};
        }
      }
      if (screen.timeline.contains(e.x, e.y)) {
        s.scrubbing = true;
        s.playing = false;
        return {seek_to(timeline_tick(screen, s, e.x))};
      }
      const auto p = pane_at(screen, e.x, e.y);
      if (p >= 0) {
        s.dragging = true, s.drag_moved = false, s.drag_pane = p, s.drag_x = e.x, s.drag_y = e.y;
      }
      return {};
    }
    case E::MouseReleased: {
      s.mouse_x = e.x, s.mouse_y = e.y;
      if (s.scrubbing) {
        s.scrubbing = false;
        return {};
      }
      if (s.active_slider >= 0) {
        const auto i = s.active_slider;
        s.active_slider = -1;
        s.slider_values[static_cast<std::size_t>(i)] = slider_value_at(s, screen, i, e.x);
        Action a = act(T::SliderChanged);
        a.index = i;
        a.value = s.slider_values[static_cast<std::size_t>(i)];
        return {a};
      }
      if (!s.dragging) return {};
      s.dragging = false;
      const auto pane = s.drag_pane;
      s.drag_pane = -1;
      if (s.drag_moved || pane < 0) return {};
      // A click without movement selects the firm under the cursor (the viewer picks it).
      Action a = act(T::Select);
      a.pane = pane;
      a.point = screen_to_layout(s.camera, screen.panes[static_cast<std::size_t>(pane)], e.x, e.y);
      return {a};
    }
  }
  return {};
}

}  // namespace vicsim::viz

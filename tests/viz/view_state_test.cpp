// The viewer's logic layer: keyboard and mouse handling without a display.
#include "viz/view_state.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::viz;
using T = Action::Type;

namespace {

InputEvent key(Key k) {
  InputEvent e;
  e.type = InputEvent::Type::KeyPressed;
  e.key = k;
  return e;
}

InputEvent mouse(InputEvent::Type t, float x, float y, float wheel = 0) {
  InputEvent e;
  e.type = t;
  e.x = x, e.y = y, e.wheel = wheel;
  return e;
}

struct Fixture {
  ScreenLayout screen = compute_screen_layout(1280, 720, 1, false, 2, 3);
  ViewState s;
  Fixture() {
    s.regions = 3, s.industries = 2, s.platforms = 0;
    s.first_tick = 1, s.last_tick = 120, s.horizon = 120, s.tick = 10, s.replay = true;
    s.slider_values = {0.5, 0.05};
    s.slider_min = {0.0, 0.0};
    s.slider_max = {1.0, 0.2};
  }
  std::vector<Action> on(const InputEvent& e) { return handle(s, e, screen); }
};

}  // namespace

TEST_CASE("view_state: space toggles play; right steps and pauses; left steps back only in a replay",
          "[viz]") {
  Fixture f;
  CHECK(f.on(key(Key::Space)).empty());
  CHECK(f.s.playing);
  const auto step = f.on(key(Key::Right));
  REQUIRE(step.size() == 1);
  CHECK(step[0].type == T::Step);
  CHECK_FALSE(f.s.playing);
  CHECK(f.on(key(Key::Left)).at(0).type == T::StepBack);
  f.s.replay = false;
  CHECK(f.on(key(Key::Left)).empty());
  CHECK(f.on(key(Key::Home)).empty());
  const auto end = f.on(key(Key::End));
  REQUIRE(end.size() == 1);
  CHECK(end[0].type == T::Seek);
  CHECK(end[0].tick == 120);
}

TEST_CASE("view_state: speed is bounded; L and C cycle layout and colour; S asks for a screenshot", "[viz]") {
  Fixture f;
  for (int i = 0; i < 20; ++i) f.on(key(Key::Plus));
  CHECK(f.s.speed_index == kSpeedCount - 1);
  for (int i = 0; i < 20; ++i) f.on(key(Key::Minus));
  CHECK(f.s.speed_index == 0);
  CHECK(f.s.layout == LayoutKind::Geographic);
  CHECK(f.on(key(Key::L)).at(0).type == T::Relayout);
  CHECK(f.s.layout == LayoutKind::Force);
  f.on(key(Key::L));
  CHECK(f.s.layout == LayoutKind::Platform);
  f.on(key(Key::L));
  CHECK(f.s.layout == LayoutKind::Geographic);
  for (auto m : {ColourMode::Industry, ColourMode::Platform, ColourMode::Adoption, ColourMode::Region}) {
    f.on(key(Key::C));
    CHECK(f.s.colour == m);
  }
  CHECK(f.on(key(Key::S)).at(0).type == T::Screenshot);
}

TEST_CASE("view_state: filters cycle through each index and back to all; 0 clears them", "[viz]") {
  Fixture f;
  for (int r : {0, 1, 2, -1}) {
    f.on(key(Key::R));
    CHECK(f.s.filter_region == r);
  }
  f.on(key(Key::I));
  CHECK(f.s.filter_industry == 0);
  f.on(key(Key::P));  // no platforms: stays "all"
  CHECK(f.s.filter_platform == -1);
  f.on(key(Key::R));
  f.on(key(Key::Num0));
  CHECK(f.s.filter_region == -1);
  CHECK(f.s.filter_industry == -1);
}

TEST_CASE("view_state: Escape closes help, then clears the selection, then quits", "[viz]") {
  Fixture f;
  f.on(key(Key::H));
  CHECK(f.s.show_help);
  CHECK(f.on(key(Key::Escape)).empty());
  CHECK_FALSE(f.s.show_help);
  f.s.selected = 42;
  CHECK(f.on(key(Key::Escape)).at(0).type == T::ClearSelection);
  CHECK_FALSE(f.s.selected);
  CHECK(f.on(key(Key::Escape)).at(0).type == T::Quit);
  CHECK(f.on(key(Key::Q)).at(0).type == T::Quit);
}

TEST_CASE("view_state: the presets menu takes a digit or a click", "[viz]") {
  Fixture f;
  f.on(key(Key::M));
  CHECK(f.s.presets_open);
  const auto a = f.on(key(Key::Num2));
  REQUIRE(a.size() == 1);
  CHECK(a[0].type == T::LoadPreset);
  CHECK(a[0].index == 1);
  CHECK_FALSE(f.s.presets_open);
  f.on(key(Key::M));
  const auto& row = f.screen.presets.at(2);
  const auto c = f.on(mouse(InputEvent::Type::MousePressed, row.x + 5, row.y + 5));
  REQUIRE(c.size() == 1);
  CHECK(c[0].index == 2);
}

TEST_CASE("view_state: the wheel zooms about the cursor", "[viz]") {
  Fixture f;
  const auto& pane = f.screen.panes[0];
  const float x = pane.x + pane.w * 0.8f, y = pane.y + pane.h * 0.3f;
  const Vec2 before = screen_to_layout(f.s.camera, pane, x, y);
  f.on(mouse(InputEvent::Type::MouseWheel, x, y, 2));
  CHECK(f.s.camera.zoom == Approx(1.44f));
  const Vec2 after = screen_to_layout(f.s.camera, pane, x, y);
  CHECK(after.x == Approx(before.x).margin(1e-5));
  CHECK(after.y == Approx(before.y).margin(1e-5));
  for (int i = 0; i < 100; ++i) f.on(mouse(InputEvent::Type::MouseWheel, x, y, 1));
  CHECK(f.s.camera.zoom == Approx(40.0f));
}

TEST_CASE("view_state: a drag pans, a click without movement selects the point under the cursor", "[viz]") {
  Fixture f;
  const auto& pane = f.screen.panes[0];
  const float x = pane.x + 300, y = pane.y + 300;
  const Vec2 grabbed = screen_to_layout(f.s.camera, pane, x, y);
  CHECK(f.on(mouse(InputEvent::Type::MousePressed, x, y)).empty());
  f.on(mouse(InputEvent::Type::MouseMoved, x + 50, y - 20));
  CHECK(f.on(mouse(InputEvent::Type::MouseReleased, x + 50, y - 20)).empty());  // a drag, not a click
  const Vec2 now = screen_to_layout(f.s.camera, pane, x + 50, y - 20);
  CHECK(now.x == Approx(grabbed.x).margin(1e-5));  // the grabbed point followed the cursor
  CHECK(now.y == Approx(grabbed.y).margin(1e-5));

  f.on(mouse(InputEvent::Type::MousePressed, x, y));
  const auto click = f.on(mouse(InputEvent::Type::MouseReleased, x + 1, y));
  REQUIRE(click.size() == 1);
  CHECK(click[0].type == T::Select);
  CHECK(click[0].pane == 0);
  const Vec2 p = screen_to_layout(f.s.camera, pane, x + 1, y);
  CHECK(click[0].point.x == Approx(p.x));
  CHECK(click[0].point.y == Approx(p.y));
}

TEST_CASE("view_state: the timeline seeks where it is clicked and while dragged", "[viz]") {
  Fixture f;
  const auto& tl = f.screen.timeline_track;
  const auto a = f.on(mouse(InputEvent::Type::MousePressed, tl.x, tl.y + tl.h / 2));
  REQUIRE(a.size() == 1);
  CHECK(a[0].type == T::Seek);
  CHECK(a[0].tick == 1);
  const auto b = f.on(mouse(InputEvent::Type::MouseMoved, tl.x + tl.w - 1, tl.y + 2));
  REQUIRE(b.size() == 1);
  CHECK(b[0].tick == 120);
  f.on(mouse(InputEvent::Type::MouseReleased, tl.x + tl.w - 1, tl.y + 2));
  CHECK_FALSE(f.s.scrubbing);
  CHECK(timeline_tick(f.screen, f.s, tl.x + tl.w / 2) == 61);  // 1 + round(0.5 * 119)
}

TEST_CASE("view_state: dragging a slider reports its value on release", "[viz]") {
  Fixture f;
  const auto& tr = f.screen.sliders.at(1);
  CHECK(f.on(mouse(InputEvent::Type::MousePressed, tr.x + tr.w * 0.25f, tr.y + tr.h / 2)).empty());
  CHECK(f.s.active_slider == 1);
  f.on(mouse(InputEvent::Type::MouseMoved, tr.x + tr.w * 0.75f, tr.y));
  CHECK(f.s.slider_values[1] == Approx(0.15));
  const auto a = f.on(mouse(InputEvent::Type::MouseReleased, tr.x + tr.w, tr.y));
  REQUIRE(a.size() == 1);
  CHECK(a[0].type == T::SliderChanged);
  CHECK(a[0].index == 1);
  CHECK(a[0].value == Approx(0.2));
  CHECK(f.s.active_slider == -1);
}

TEST_CASE("view_state: the large-font option scales the screen layout", "[viz]") {
  Fixture f;
  f.on(key(Key::F));
  CHECK(f.s.large_font);
  const auto big = compute_screen_layout(1280, 720, 2, true, 0, 0);
  const auto normal = compute_screen_layout(1280, 720, 2, false, 0, 0);
  CHECK(big.scale == Approx(1.5f * normal.scale));
  CHECK(big.panes.size() == 2);
  CHECK(big.panes[0].w == Approx(big.panes[1].w));
  CHECK(big.panel.x + big.panel.w == Approx(1280));
}

#pragma once
/** @file The viewer's logic layer: a plain ViewState, display-independent input events, and
 * handle(state, event) → actions. Keyboard and mouse behaviour is defined (and tested) here; the
 * SFML loop only translates events and carries out the actions. */
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "viz/layout.hpp"
#include "viz/screen_layout.hpp"

namespace vicsim::viz {

/** @brief What node colour encodes. */
enum class ColourMode : std::uint8_t { Region = 0, Industry = 1, Platform = 2, Adoption = 3 };

/** @brief Display name of a colour mode. */
std::string_view colour_mode_name(ColourMode m);

/** @brief Keys the viewer reacts to (everything else is Other). */
enum class Key : std::uint8_t {
  Other,
  Space,
  Right,
  Left,
  Up,
  Down,
  Home,
  End,
  Plus,
  Minus,
  Period,
  Comma,
  L,
  C,
  R,
  I,
  P,
  S,
  F,
  H,
  M,
  Q,
  Escape,
  Num0,
  Num1,
  Num2,
  Num3,
  Num4,
  Num5,
  Num6,
  Num7,
  Num8,
  Num9
};

/** @brief A display-independent input event. Coordinates are window pixels. */
struct InputEvent {
  enum class Type : std::uint8_t {
    KeyPressed,
    MouseMoved,
    MousePressed,
    MouseReleased,
    MouseWheel,
    Resized,
    Closed
  };
  Type type = Type::KeyPressed;
  Key key = Key::Other;
  float x = 0, y = 0;       ///< mouse position, or the new size for Resized
  float wheel = 0;          ///< wheel ticks, positive = zoom in
  bool left_button = true;  ///< for MousePressed/MouseReleased
};

/** @brief The pan and zoom of the graph panes (shared, so split panes stay comparable). */
struct Camera {
  float zoom = 1.0f;        ///< 1 = the [-1,1]² box fits the pane
  Vec2 centre{0.0f, 0.0f};  ///< layout point at the pane's centre
};

/** @brief Everything the viewer's interaction changes. */
struct ViewState {
  // playback
  bool playing = false;
  int speed_index = 2;  ///< into kSpeeds
  // encoding and layout
  LayoutKind layout = LayoutKind::Geographic;
  ColourMode colour = ColourMode::Region;
  // filters: -1 = all, else the one index shown
  std::int32_t filter_region = -1, filter_industry = -1, filter_platform = -1;
  std::int32_t regions = 0, industries = 0, platforms = 0;  ///< counts, for cycling the filters
  Camera camera;
  // pointer
  float mouse_x = -1, mouse_y = -1;
  bool dragging = false, drag_moved = false;
  float drag_x = 0, drag_y = 0;  ///< where the current drag started
  std::int32_t drag_pane = -1;
  bool scrubbing = false;  ///< dragging on the timeline
  std::int32_t active_slider = -1;
  // selection (firm id) and which pane it belongs to
  std::optional<std::int64_t> selected;
  std::int32_t selected_pane = -1;
  // overlays and options
  bool large_font = false, show_help = false, presets_open = false;
  std::vector<double> slider_values;  ///< current value of each classroom slider
  std::vector<double> slider_min, slider_max;
  // timeline bounds, refreshed by the viewer each frame
  std::int32_t first_tick = 0, last_tick = 0, horizon = 0, tick = 0;
  bool replay = false;  ///< stepping back is allowed
};

/** @brief Playback speeds (ticks per second) selectable with + and -. */
inline constexpr float kSpeeds[] = {0.5f, 1.0f, 2.0f, 4.0f, 8.0f, 15.0f, 30.0f};
inline constexpr int kSpeedCount = 7;

/** @brief What the viewer must do after an event. */
struct Action {
  enum class Type : std::uint8_t {
    Quit,
    Step,
    StepBack,
    Seek,
    Screenshot,
    Select,
    ClearSelection,
    Relayout,
    SliderChanged,
    LoadPreset,
    Restyle
  };
  Type type = Type::Quit;
  std::int32_t tick = 0;   ///< Seek
  std::int32_t pane = 0;   ///< Select
  Vec2 point;              ///< Select: layout coordinates
  std::int32_t index = 0;  ///< SliderChanged, LoadPreset
  double value = 0;        ///< SliderChanged
  bool operator==(const Action&) const = default;
};

/** @brief Updates the state for one event and returns the actions to carry out. */
std::vector<Action> handle(ViewState& s, const InputEvent& e, const ScreenLayout& screen);

/** @brief Pane pixel → layout coordinates for the state's camera. */
Vec2 screen_to_layout(const Camera& c, const Rect& pane, float px, float py);
/** @brief Layout coordinates → pane pixel. */
Vec2 layout_to_screen(const Camera& c, const Rect& pane, Vec2 p);
/** @brief Pixels per layout unit at the camera's zoom. */
float pixels_per_unit(const Camera& c, const Rect& pane);
/** @brief The tick under a timeline x position. */
std::int32_t timeline_tick(const ScreenLayout& screen, const ViewState& s, float x);

}  // namespace vicsim::viz

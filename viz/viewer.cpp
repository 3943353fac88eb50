#include "viz/viewer.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <SFML/Graphics.hpp>
#include <climits>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "reports/output_directory.hpp"
#include "scenarios/scenario_loader.hpp"
#include "viz/classroom.hpp"
#include "viz/live_source.hpp"
#include "viz/palette.hpp"
#include "viz/picking.hpp"
#include "viz/renderer.hpp"
#include "viz/replay_source.hpp"
#include "viz/sfml_input.hpp"

extern char** environ;

namespace vicsim::viz {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

std::string problems_text(const scenarios::Diagnostics& d) {
  std::string s;
  for (const auto& p : d) s += (s.empty() ? "" : "\n") + p.format();
  return s;
}

/** One graph pane: its frames, its layout and what it was opened from. */
struct Pane {
  std::unique_ptr<FrameSource> source;
  LiveSource* live = nullptr;
  LayoutEngine layout;
  std::string title, input;
  std::optional<scenarios::Scenario> base;  ///< the scenario as loaded (live panes)
  std::int32_t laid_tick = INT_MIN;
  LayoutKind laid_kind = LayoutKind::Geographic;
};

scenarios::Scenario load_scenario_input(const std::string& input, const ViewerOptions& o,
                                        std::optional<std::uint64_t> seed) {
  auto sets = o.sets;
  if (seed) sets.push_back("seed=" + std::to_string(*seed));
  if (o.ticks) sets.push_back("ticks=" + std::to_string(*o.ticks));
  auto r = scenarios::load_scenario_file(input, sets);
  if (!r.scenario) throw ViewerInputError(problems_text(r.problems));
  return *r.scenario;
}

std::unique_ptr<Pane> open_pane(const std::string& input, const ViewerOptions& o,
                                std::optional<std::uint64_t> seed, LayoutKind layout) {
  auto p = std::make_unique<Pane>();
  p->input = input;
  p->layout.set_kind(layout);
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    try {
      p->source = std::make_unique<ReplaySource>(input);
    } catch (const NotARunDirectory& e) {
      throw ViewerInputError(e.what());
    } catch (const GraphmlError& e) {
      throw ViewerInputError(e.what());
    }
  } else if (fs::is_regular_file(input, ec)) {
    p->base = load_scenario_input(input, o, seed);
    auto live = std::make_unique<LiveSource>(*p->base, input);
    p->live = live.get();
    p->source = std::move(live);
  } else {
    throw ViewerInputError(input +
                           ": no such file or directory (expected a scenario .json file or a run directory)");
  }
  p->title = p->source->info().name;
  return p;
}

/** The state of one viewing session: panes, interaction state, classroom sliders and presets. */
class Session {
 public:
  explicit Session(const ViewerOptions& o) : o_(o) {
    if (o.inputs.empty() || o.inputs.size() > 2)
      throw ViewerInputError("view takes one or two inputs (scenario files or run directories)");
    state_.layout = o.layout;
    state_.colour = o.colour;
    state_.large_font = o.large_font;
    open_all(o.inputs);
    presets_ = list_presets(o.presets_dir);
  }

  ViewState& state() { return state_; }
  std::vector<std::unique_ptr<Pane>>& panes() { return panes_; }
  bool any_live() const {
    for (const auto& p : panes_)
      if (p->live) return true;
    return false;
  }

  void open_all(const std::vector<std::string>& inputs) {
    panes_.clear();
    std::optional<std::uint64_t> seed = o_.seed;
    for (const auto& in : inputs) {
      panes_.push_back(open_pane(in, o_, seed, state_.layout));
      // Split screen: both live panes start from the same seed (the first one's unless --seed).
      if (!seed && panes_.back()->base) seed = panes_.back()->base->seed;
    }
    if (panes_.size() == 2) {
      panes_[0]->title = "A: " + panes_[0]->title;
      panes_[1]->title = "B: " + panes_[1]->title;
    }
    // Lockstep: start every pane at the same tick.
    const auto start = first_tick();
    for (auto& p : panes_) p->source->seek(start);
    setup_sliders();
    sync();
  }

  std::int32_t first_tick() const {
    std::int32_t t = INT_MIN;
    for (const auto& p : panes_) t = std::max(t, p->source->first_tick());
    return t;
  }

  void setup_sliders() {
    sliders_.clear();
    state_.slider_values.clear(), state_.slider_min.clear(), state_.slider_max.clear();
    const Pane* first_live = nullptr;
    for (const auto& p : panes_)
      if (p->live) {
        first_live = p.get();
        break;
      }
    if (!first_live) return;
    // A slider is offered when any live pane's scenario has its key; it changes the panes that have it.
    std::vector<ActiveSlider> offered;
    for (const auto& p : panes_)
      if (p->live)
        for (const auto& s : available_sliders(scenarios::to_json(*p->base))) {
          bool seen = false;
          for (const auto& o : offered) seen |= o.spec.label == s.spec.label;
          if (!seen) offered.push_back(s);
        }
    // Keep the table's order.
    for (const auto& spec : classroom_slider_table())
      for (const auto& s : offered) {
        if (s.spec.label != spec.label) continue;
        sliders_.push_back(s);
        state_.slider_values.push_back(s.initial);
        state_.slider_min.push_back(s.spec.min);
        state_.slider_max.push_back(s.spec.max);
      }
  }

  /** Refreshes the counts and tick bounds the input logic reads. */
  void sync() {
    const auto& f = panes_.front()->source->frame();
    const auto& info = panes_.front()->source->info();
    state_.regions = static_cast<std::int32_t>(info.regions.size());
    state_.industries = static_cast<std::int32_t>(info.industries.size());
    state_.platforms = static_cast<std::int32_t>(f.platforms.size());
    state_.first_tick = first_tick();
    state_.tick = panes_.front()->source->tick();
    state_.horizon = 0;
    state_.last_tick = INT_MAX;
    state_.replay = true;
    for (const auto& p : panes_) {
      state_.horizon = std::max(state_.horizon, p->source->info().ticks);
      state_.last_tick = std::min(state_.last_tick, p->source->last_tick());
      if (p->source->live()) state_.replay = false;
    }
  }

  /** Moves every pane to `tick` (lockstep). */
  void seek(std::int32_t tick) {
    tick = std::clamp(tick, state_.first_tick, state_.replay ? state_.last_tick : state_.horizon);
    for (auto& p : panes_) p->source->seek(tick);
    sync();
  }
  bool at_end() const { return state_.tick >= (state_.replay ? state_.last_tick : state_.horizon); }

  /** Lays out panes whose network or layout kind changed since the last time. */
  void relayout() {
    for (auto& p : panes_) {
      const auto& f = p->source->frame();
      if (p->laid_tick == f.network_tick && p->laid_kind == state_.layout) continue;
      p->layout.set_kind(state_.layout);
      p->layout.update(f, p->source->info());
      p->laid_tick = f.network_tick;
      p->laid_kind = state_.layout;
    }
  }

  ScreenLayout screen(float w, float h) const {
    std::size_t legend = 0;  // the panel's legend rows depend on the colour mode and the pane shown
    for (const auto& p : panes_)
      legend = std::max(legend, legend_entries(state_.colour, p->source->info(), p->source->frame()).size());
    return compute_screen_layout(w, h, panes_.size(), state_.large_font, sliders_.size(),
                                 state_.presets_open ? std::min<std::size_t>(presets_.size(), 9) : 0, legend);
  }

  Scene scene(const ScreenLayout& screen, bool with_hover) const {
    Scene sc;
    for (std::size_t i = 0; i < panes_.size(); ++i) {
      PaneView pv{panes_[i]->source.get(), &panes_[i]->layout, panes_[i]->title, std::nullopt};
      if (with_hover && i < screen.panes.size() && screen.panes[i].contains(state_.mouse_x, state_.mouse_y) &&
          !state_.dragging) {
        const auto& pane = screen.panes[i];
        const Vec2 p = screen_to_layout(state_.camera, pane, state_.mouse_x, state_.mouse_y);
        pv.hovered = pick_node(panes_[i]->source->frame(), panes_[i]->layout.positions(), state_, p,
                               8.0f * screen.scale / pixels_per_unit(state_.camera, pane));
      }
      sc.panes.push_back(pv);
    }
    for (std::size_t i = 0; i < sliders_.size(); ++i) {
      char buf[64];
      std::snprintf(buf, sizeof buf, sliders_[i].spec.format, state_.slider_values[i]);
      sc.sliders.push_back({sliders_[i].spec.label, buf});
    }
    for (std::size_t i = 0; i < presets_.size() && i < 9; ++i)
      sc.presets.push_back(presets_[i].filename().string());
    sc.status = status_;
    return sc;
  }

  /** Carries out one action; returns false to quit. */
  bool apply(const Action& a, const ScreenLayout& screen) {
    using T = Action::Type;
    switch (a.type) {
      case T::Quit:
        return false;
      case T::Step:
        seek(state_.tick + 1);
        break;
      case T::StepBack:
        seek(state_.tick - 1);
        break;
      case T::Seek:
        seek(a.tick);
        break;
      case T::Select: {
        const auto& pane = screen.panes[static_cast<std::size_t>(a.pane)];
        const auto& p = *panes_[static_cast<std::size_t>(a.pane)];
        const auto hit = pick_node(p.source->frame(), p.layout.positions(), state_, a.point,
                                   10.0f * screen.scale / pixels_per_unit(state_.camera, pane));
        if (hit) {
          state_.selected = p.source->frame().nodes[*hit].id;
          state_.selected_pane = a.pane;
        } else {
          state_.selected.reset();
          state_.selected_pane = -1;
        }
        break;
      }
      case T::SliderChanged:
        apply_slider(static_cast<std::size_t>(a.index));
        break;
      case T::LoadPreset:
        load_preset(static_cast<std::size_t>(a.index));
        break;
      case T::Screenshot:
      case T::ClearSelection:
      case T::Relayout:
      case T::Restyle:
        break;
    }
    return true;
  }

  void set_status(std::string s) { status_ = std::move(s); }

 private:
  /** Applies slider i alone, from the next month, to the scenario each live pane runs with now: the other
   * sliders' keys and every evolved value (learned fees, rolled-out infrastructure) are left as they are. */
  void apply_slider(std::size_t i) {
    if (i >= sliders_.size()) return;
    for (auto& p : panes_) {
      if (!p->live) continue;
      std::string error;
      auto next =
          scenario_with_slider(p->live->scenario(), sliders_[i], state_.slider_values[i], p->input, error);
      if (!next) {
        status_ = "slider not applied: " + error;
        return;
      }
      p->live->retune(*next);
    }
    status_ = sliders_[i].spec.label + " applied from month " + std::to_string(state_.tick + 1);
  }

  void load_preset(std::size_t i) {
    if (i >= presets_.size()) return;
    std::vector<std::string> inputs;
    for (const auto& p : panes_) inputs.push_back(p->input);
    inputs.front() = presets_[i].string();
    try {
      open_all(inputs);
      status_ = "preset " + presets_[i].filename().string();
    } catch (const ViewerInputError& e) {
      status_ = "preset not loaded: " + std::string(e.what()).substr(0, 80);
    }
  }

  ViewerOptions o_;
  ViewState state_;
  std::vector<std::unique_ptr<Pane>> panes_;
  std::vector<ActiveSlider> sliders_;
  std::vector<fs::path> presets_;
  std::string status_;
};

sf::Font load_font() {
  sf::Font font;
  if (!font.loadFromFile(kFontPath))
    throw std::runtime_error(std::string(kFontPath) +
                             " not found: install fonts-dejavu-core (scripts/setup.sh)");
  return font;
}

int run_ffmpeg(const fs::path& frames, const std::string& video, int fps) {
  const std::string exe = find_on_path("ffmpeg");
  const std::string partial = video + ".partial";
  const std::string pattern = (frames / "frame_%05d.png").string(), rate = std::to_string(fps);
  std::vector<std::string> args = {
      exe,     "-y",   "-loglevel", "error",    "-framerate", rate,  "-i",
      pattern, "-c:v", "libx264",   "-pix_fmt", "yuv420p",    "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2",
      "-f",    "mp4",  partial};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  if (posix_spawn(&pid, exe.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
    throw std::runtime_error("could not start " + exe);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::error_code ec;
    fs::remove(partial, ec);
    throw std::runtime_error("ffmpeg failed to write " + video);
  }
  fs::rename(partial, video);
  return 0;
}

int run_headless(Session& session, const ViewerOptions& o) {
  if (o.frames_dir.empty()) throw ViewerInputError("--headless needs --frames DIR");
  if (!o.video.empty() && find_on_path("ffmpeg").empty())
    throw ViewerInputError("--video needs ffmpeg, which is not on PATH (apt-get install ffmpeg)");
  std::unique_ptr<reports::OutputDirectory> out;
  try {
    out = std::make_unique<reports::OutputDirectory>(o.frames_dir, o.force);
  } catch (const reports::OutputDirectoryError& e) {
    throw ViewerInputError(e.what());
  }
  const sf::Font font = load_font();
  sf::RenderTexture rt;
  sf::ContextSettings cs;
  cs.antialiasingLevel = 0;  // the graph layers are multisampled; text and panels need none
  if (!rt.create(o.width, o.height, cs))
    throw std::runtime_error("could not create a " + std::to_string(o.width) + "x" +
                             std::to_string(o.height) +
                             " render texture (is the X server's OpenGL working?)");
  rt.setSmooth(false);
  Renderer renderer(font);
  renderer.set_antialiasing(4);  // exported frames: smooth ties; speed matters less
  auto& st = session.state();
  std::size_t frame_no = 0;
  const auto end_tick = [&] { return st.replay ? st.last_tick : st.horizon; };
  const std::int32_t start = st.tick;
  for (;;) {
    if (o.interrupted && o.interrupted()) throw ViewerInterrupted{};
    const bool force_layout = session.state().layout == LayoutKind::Force;
    const bool due = (st.tick - start) % std::max(1, o.every) == 0 || st.tick >= end_tick();
    if (due || force_layout) session.relayout();  // the force layout warms up every tick, drawn or not
    if (due) {
      const auto screen = session.screen(static_cast<float>(o.width), static_cast<float>(o.height));
      renderer.draw(rt, session.scene(screen, false), st, screen);
      rt.display();
      char name[32];
      std::snprintf(name, sizeof name, "frame_%05zu.png", frame_no++);
      if (!rt.getTexture().copyToImage().saveToFile((out->staging() / name).string()))
        throw std::runtime_error((fs::path(o.frames_dir) / name).string() + ": write failed");
    }
    if (st.tick >= end_tick()) break;
    session.seek(st.tick + 1);
  }
  out->commit();
  std::cerr << "wrote " << frame_no << " frames to " << o.frames_dir << "\n";
  if (!o.video.empty()) {
    run_ffmpeg(o.frames_dir, o.video, 10);
    std::cerr << "wrote " << o.video << "\n";
  }
  return 0;
}

fs::path screenshot_path(const std::string& dir, std::int32_t tick) {
  for (int k = 0;; ++k) {
    char name[64];
    std::snprintf(name, sizeof name, "vicsim_view_month%04d%s.png", tick,
                  k ? ("_" + std::to_string(k)).c_str() : "");
    fs::path p = fs::path(dir) / name;
    if (!fs::exists(p)) return p;
  }
}

int run_window(Session& session, const ViewerOptions& o) {
  const sf::Font font = load_font();
  sf::ContextSettings cs;
  cs.antialiasingLevel = 0;  // the graph layers are multisampled; text and panels need none
  sf::RenderWindow win(sf::VideoMode(o.width, o.height), "vicsim view", sf::Style::Default, cs);
  win.setFramerateLimit(60);
  Renderer renderer(font);
  auto& st = session.state();
  sf::Clock clock;
  float due = 0;
  sf::Clock status_clock;
  sf::Clock wheel_clock;  // time since the last wheel zoom
  bool wheeled = false;
  while (win.isOpen()) {
    if (o.interrupted && o.interrupted()) return 130;
    auto screen = session.screen(static_cast<float>(win.getSize().x), static_cast<float>(win.getSize().y));
    bool shot = false;
    for (sf::Event ev{}; win.pollEvent(ev);) {
      if (ev.type == sf::Event::Resized)
        win.setView(sf::View(
            sf::FloatRect(0, 0, static_cast<float>(ev.size.width), static_cast<float>(ev.size.height))));
      if (ev.type == sf::Event::MouseWheelScrolled) wheeled = true, wheel_clock.restart();
      const auto in = translate_event(ev);
      if (!in) continue;
      for (const auto& a : handle(st, *in, screen)) {
        if (a.type == Action::Type::Screenshot) shot = true;
        if (!session.apply(a, screen)) {
          win.close();
          return 0;
        }
        status_clock.restart();
      }
      screen = session.screen(static_cast<float>(win.getSize().x), static_cast<float>(win.getSize().y));
    }
    const float dt = clock.restart().asSeconds();
    if (st.playing) {
      due += dt * kSpeeds[st.speed_index];
      for (int k = 0; due >= 1.0f && k < 4; ++k, due -= 1.0f) {
        if (session.at_end()) {
          st.playing = false;
          break;
        }
        session.seek(st.tick + 1);
      }
      due = std::min(due, 1.0f);
    } else {
      due = 0;
    }
    if (status_clock.getElapsedTime().asSeconds() > 6) session.set_status("");
    session.relayout();
    // Pan and zoom move the cached graph picture; it is redrawn sharp 0.2 s after the last wheel step or
    // when the drag ends (a full redraw of 50,000 ties is too slow for every frame in software OpenGL).
    renderer.set_camera_moving((st.dragging && st.drag_moved) ||
                               (wheeled && wheel_clock.getElapsedTime().asSeconds() < 0.2f));
    renderer.draw(win, session.scene(screen, true), st, screen);
    win.display();
    if (shot) {
      sf::Texture tex;
      tex.create(win.getSize().x, win.getSize().y);
      tex.update(win);
      const auto path = screenshot_path(o.screenshot_dir, st.tick);
      session.set_status(tex.copyToImage().saveToFile(path.string()) ? "saved " + path.string()
                                                                     : "could not save " + path.string());
      status_clock.restart();
    }
  }
  return 0;
}

}  // namespace

std::string find_on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  std::string p(path);
  std::size_t start = 0;
  while (start <= p.size()) {
    const auto end = p.find(':', start);
    const std::string dir = p.substr(start, end == std::string::npos ? std::string::npos : end - start);
    const fs::path cand = fs::path(dir.empty() ? "." : dir) / program;
    if (::access(cand.c_str(), X_OK) == 0) return cand.string();
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return "";
}

int run_viewer(const ViewerOptions& o) {
  if (o.every < 1) throw ViewerInputError("--every must be at least 1");
  Session session(o);
  return o.headless ? run_headless(session, o) : run_window(session, o);
}

}  // namespace vicsim::viz

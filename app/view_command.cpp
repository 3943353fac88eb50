// `vicsim view`: the SFML visualizer, live (scenario files) or replayed (run directories), one pane or
// a split screen, in a window or headless to PNG frames.
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <regex>

#include "app/cli_support.hpp"
#include "app/commands.hpp"
#include "viz/display.hpp"
#include "viz/viewer.hpp"

namespace vicsim::app {

namespace {

namespace fs = std::filesystem;

struct ViewCliOptions {
  viz::ViewerOptions viewer;
  std::string size = "1280x720", layout = "geographic", colour = "region", presets;
  bool compare = false, bench = false;
  std::size_t bench_nodes = 10000, bench_edges = 50000, bench_frames = 300;
};

/** With no display, re-runs this command under xvfb-run (headless output needs an X server for OpenGL). */
int reexec_under_xvfb(unsigned w, unsigned h) {
  const std::string xvfb = viz::find_on_path("xvfb-run");
  if (xvfb.empty() || std::getenv("VICSIM_XVFB_CHILD")) return -1;
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::vector<std::string> args;
  for (std::string a; std::getline(in, a, '\0');) args.push_back(a);
  if (args.empty()) return -1;
  char exe[4096];
  const auto n = ::readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return -1;
  args[0] = std::string(exe, static_cast<std::size_t>(n));
  std::vector<std::string> full = {
      xvfb, "-a", "-s",
      "-screen 0 " + std::to_string(std::max(w, 640u)) + "x" + std::to_string(std::max(h, 480u)) + "x24"};
  full.insert(full.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : full) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::setenv("VICSIM_XVFB_CHILD", "1", 1);
  std::cerr << "view: no X display; running under xvfb-run\n";
  ::execv(xvfb.c_str(), argv.data());
  return -1;  // exec failed
}

int run(ViewCliOptions& o) {
  auto& v = o.viewer;
  std::smatch m;
  static const std::regex size_re("([0-9]{2,5})x([0-9]{2,5})");
  if (!std::regex_match(o.size, m, size_re)) {
    std::cerr << "error: --size '" << o.size << "': expected WIDTHxHEIGHT, e.g. 1280x720\n";
    return 2;
  }
  v.width = static_cast<unsigned>(std::stoul(m[1])), v.height = static_cast<unsigned>(std::stoul(m[2]));
  if (v.width < 320 || v.height < 240 || v.width > 8192 || v.height > 8192) {
    std::cerr << "error: --size '" << o.size << "': each side must be between 320x240 and 8192x8192\n";
    return 2;
  }
  v.layout = o.layout == "force"      ? viz::LayoutKind::Force
             : o.layout == "platform" ? viz::LayoutKind::Platform
                                      : viz::LayoutKind::Geographic;
  v.colour = o.colour == "industry"   ? viz::ColourMode::Industry
             : o.colour == "platform" ? viz::ColourMode::Platform
             : o.colour == "adoption" ? viz::ColourMode::Adoption
                                      : viz::ColourMode::Region;
  const fs::path bundled = scenarios_dir();
  v.presets_dir = o.presets.empty() ? bundled.string() : o.presets;
  if (!o.bench && (v.inputs.empty() || o.compare)) {
    if (o.compare && v.inputs.size() == 2) {
      // explicit pair
    } else if (v.inputs.empty()) {
      v.inputs = {(bundled / "traditional.json").string(), (bundled / "platform_led.json").string()};
    } else {
      std::cerr << "error: --compare takes no inputs or exactly two\n";
      return 2;
    }
    for (const auto& in : v.inputs)
      if (!fs::exists(in)) {
        std::cerr << "error: " << in << ": not found (the default comparison is traditional.json against "
                  << "platform_led.json in " << bundled.string() << "; give two scenario files instead)\n";
        return 2;
      }
  }
  if (!v.headless && !o.bench && (!v.frames_dir.empty() || !v.video.empty())) {
    std::cerr << "error: --frames and --video go with --headless\n";
    return 2;
  }
  if (!viz::display_available()) {
    if (v.headless || o.bench) {
      reexec_under_xvfb(v.width, v.height);
      std::cerr << "error: no X display and no working xvfb-run: run under `xvfb-run -a vicsim view ...` "
                   "(apt-get install xvfb xauth)\n";
      return 2;
    }
    std::cerr << "error: no X display (DISPLAY is unset or unreachable): run under `xvfb-run -a`, or use "
                 "--headless --frames DIR to write PNG frames\n";
    return 2;
  }
  if (o.bench) return viz::run_render_bench(o.bench_nodes, o.bench_edges, o.bench_frames, v.width, v.height);
  v.interrupted = [] { return g_interrupted.load(); };
  try {
    return viz::run_viewer(v);
  } catch (const viz::ViewerInputError& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 2;
  } catch (const viz::ViewerInterrupted&) {
    throw Interrupted{};
  }
}

}  // namespace

Command add_view_command(CLI::App& app) {
  auto o = std::make_shared<ViewCliOptions>();
  auto& v = o->viewer;
  auto* cmd = app.add_subcommand(
      "view",
      "Show cluster networks in a window (live from scenario files, or replayed from run directories); two "
      "inputs give a split screen. With no input: traditional.json against platform_led.json");
  cmd->add_option("inputs", v.inputs, "Scenario .json files (live) or run directories (replay); at most two")
      ->expected(0, 2);
  cmd->add_flag("--compare", o->compare, "Split screen of two inputs (default: traditional vs platform_led)");
  cmd->add_flag("--headless", v.headless, "No window: write PNG frames (needs --frames)");
  cmd->add_option("--frames", v.frames_dir, "Headless: directory for frame_NNNNN.png (written atomically)");
  cmd->add_option("--size", o->size, "Window or frame size WIDTHxHEIGHT")->capture_default_str();
  cmd->add_option("--every", v.every, "Headless: write every K-th month (the last is always written)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--video", v.video, "Headless: also encode the frames into this .mp4 with ffmpeg");
  cmd->add_flag("--force", v.force, "Replace a non-empty --frames directory");
  cmd->add_option("--seed", v.seed,
                  "Master seed for scenario inputs (default: the first scenario's, for both)")
      ->check(seed_validator());
  cmd->add_option("--ticks", v.ticks, "Months to simulate (scenario inputs)");
  cmd->add_option("--set", v.sets,
                  "Override a scenario key: path=value (repeatable), applied to every scenario");
  cmd->add_option("--layout", o->layout, "Initial layout")
      ->check(CLI::IsMember({"geographic", "force", "platform"}))
      ->capture_default_str();
  cmd->add_option("--colour,--color", o->colour, "Initial node colour")
      ->check(CLI::IsMember({"region", "industry", "platform", "adoption"}))
      ->capture_default_str();
  cmd->add_flag("--large-font", v.large_font, "Larger text and widgets, for projectors (key F toggles)");
  cmd->add_option("--presets", o->presets,
                  "Folder of scenario files for the presets menu (default: scenarios/)");
  cmd->add_option("--screenshots", v.screenshot_dir, "Folder for screenshots (key S)")->capture_default_str();
  cmd->add_flag("--bench", o->bench, "Render benchmark on a synthetic cluster; prints fps and frame times");
  cmd->add_option("--bench-nodes", o->bench_nodes, "Benchmark firms")->capture_default_str();
  cmd->add_option("--bench-edges", o->bench_edges, "Benchmark ties")->capture_default_str();
  cmd->add_option("--bench-frames", o->bench_frames, "Benchmark frames per case")->capture_default_str();
  return {cmd, [o] { return run(*o); }};
}

}  // namespace vicsim::app

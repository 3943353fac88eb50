#pragma once
/** @file The viewer: opens one or two frame sources (scenario files run live, or run directories
 * replayed), lays them out, and either shows them in a window or writes PNG frames headless. */
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "viz/layout.hpp"
#include "viz/view_state.hpp"

namespace vicsim::viz {

/** @brief Bad input (unreadable scenario, not a run directory, unwritable frames directory...): exit 2. */
struct ViewerInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief Thrown when `ViewerOptions::interrupted` reports a signal (headless output is then discarded). */
struct ViewerInterrupted {};

/** @brief Everything `vicsim view` was asked to do. */
struct ViewerOptions {
  std::vector<std::string> inputs;  ///< one or two scenario files or run directories
  std::vector<std::string> sets;    ///< scenario overrides (path=value), applied to every scenario input
  std::optional<std::uint64_t> seed;
  std::optional<std::int32_t> ticks;
  std::string presets_dir = "scenarios";  ///< where the presets menu looks for scenario files
  // presentation
  unsigned width = 1280, height = 720;
  LayoutKind layout = LayoutKind::Geographic;
  ColourMode colour = ColourMode::Region;
  bool large_font = false;
  // headless
  bool headless = false;
  std::string frames_dir;  ///< where frame_NNNNN.png go
  std::int32_t every = 1;  ///< write every k-th tick (the last tick is always written)
  std::string video;       ///< optional .mp4 made from the frames with ffmpeg
  bool force = false;      ///< allow a non-empty frames directory (its frame_*.png are replaced)
  std::string screenshot_dir = ".";
  std::function<bool()> interrupted;  ///< polled every month and frame; true stops the viewer
};

/** @brief Runs the viewer; returns the exit code. Throws ViewerInputError for bad input. */
int run_viewer(const ViewerOptions& o);

/** @brief Renders a synthetic cluster of `nodes` firms and `edges` ties in a window for `frames` frames
 * and prints frame times and layout times; returns the exit code. */
int run_render_bench(std::size_t nodes, std::size_t edges, std::size_t frames, unsigned width,
                     unsigned height);

/** @brief Absolute path of an executable found on PATH, or "" if there is none. */
std::string find_on_path(const std::string& program);

}  // namespace vicsim::viz

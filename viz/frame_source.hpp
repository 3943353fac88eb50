#pragma once
/** @file Where frames come from: a live model stepped tick by tick, or a replayed run directory. The
 * viewer sees only this interface, so panes, charts and headless export work the same for both. */
#include <cstdint>
#include <vector>

#include "viz/view_model.hpp"

namespace vicsim::viz {

/** @brief A sequence of frames over ticks 1..horizon. */
class FrameSource {
 public:
  virtual ~FrameSource() = default;
  /** @brief The run's static facts (name, regions, industries, horizon). */
  virtual const RunInfo& info() const = 0;
  /** @brief True when the frames are computed now (a model), false for a replay. */
  virtual bool live() const = 0;
  /** @brief The tick currently shown (0 before the first live step). */
  virtual std::int32_t tick() const = 0;
  /** @brief The last tick that can be shown without further work: the horizon for a replay, the newest
   * computed tick for a live model. */
  virtual std::int32_t last_tick() const = 0;
  /** @brief The first tick that can be shown. */
  virtual std::int32_t first_tick() const = 0;
  /** @brief Moves to `tick`. A live model can only move forward (it steps until it gets there) and stops
   * at the horizon; a replay moves anywhere in [first_tick, last_tick]. Returns false if it did not move. */
  virtual bool seek(std::int32_t tick) = 0;
  /** @brief The frame at the current tick. */
  virtual const ViewFrame& frame() const = 0;
  /** @brief KPI rows for every tick known so far, in tick order. */
  virtual const std::vector<KpiRow>& kpis() const = 0;
};

}  // namespace vicsim::viz

#pragma once
/** @file The tick loop with observers: steps the model, computes metrics and the stage each tick,
 * and hands them to observers (recorders live in reports/ so the model never does I/O). */
#include <functional>
#include <vector>

#include "agents/cluster_model.hpp"
#include "sim/platform_stage.hpp"
#include "sim/tick_metrics.hpp"

namespace vicsim::agents {

/** @brief Receives the world and metrics after every tick. */
class RunObserver {
 public:
  virtual ~RunObserver() = default;
  /** @brief Called once per tick after metrics are computed; `snapshot` is the undirected network. */
  virtual void on_tick(const sim::World& w, const sim::TickMetrics& m,
                       const sim::UndirectedSnapshot& snapshot) = 0;
};

/** @brief The traditional stage thresholds in force: the scenario's, with a negative `chain_trust` replaced
 * by the trust derived from the belief model (docs/ODD.md 7.14). */
sim::TraditionalStageParams resolved_stage_params(const ModelParams& p);

/** @brief Steps a model one tick at a time, computing each tick's metrics and stage and notifying
 * observers: the loop body of run_simulation, for callers that drive ticks themselves (the visualizer). */
class TickRunner {
 public:
  /** @brief Drives `model`, which must outlive the runner. */
  explicit TickRunner(ClusterModel& model);
  /** @brief Advances one tick (one month), notifies observers and returns the tick's metrics. */
  sim::TickMetrics step(const std::vector<RunObserver*>& observers = {});

 private:
  ClusterModel& model_;
  sim::TraditionalStageDetector detector_;
  sim::PlatformStageDetector platform_detector_;
  double spent_ = 0.0;  ///< cumulative policy spending (yuan)
};

/** @brief Steps `model` for `ticks` months, notifying observers; returns the time series. */
std::vector<sim::TickMetrics> run_simulation(
    ClusterModel& model, std::int32_t ticks, const std::vector<RunObserver*>& observers,
    const std::function<void(std::int32_t, std::int32_t)>& progress = {});

}  // namespace vicsim::agents

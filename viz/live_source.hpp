#pragma once
/** @file Live frames: a model built from a scenario, stepped one tick at a time. */
#include <memory>
#include <string>

#include "agents/simulation_run.hpp"
#include "scenarios/scenario.hpp"
#include "viz/frame_source.hpp"

namespace vicsim::viz {

/** @brief Owns a model and steps it on demand; the frame is rebuilt after every step. */
class LiveSource : public FrameSource {
 public:
  /** @brief Builds the model from a validated scenario; `source` names it in the panel. */
  LiveSource(const scenarios::Scenario& s, std::string source);

  const RunInfo& info() const override { return info_; }
  bool live() const override { return true; }
  std::int32_t tick() const override { return frame_.tick; }
  std::int32_t last_tick() const override { return frame_.tick; }
  std::int32_t first_tick() const override { return 0; }
  bool seek(std::int32_t tick) override;
  const ViewFrame& frame() const override { return frame_; }
  const std::vector<KpiRow>& kpis() const override { return kpis_; }

  /** @brief The scenario the model currently runs with (after any retune). */
  const scenarios::Scenario& scenario() const { return scenario_; }
  /** @brief Applies what `s` changes against scenario() (same regions, platforms and policies) from the next
   * tick on; evolved state that `s` does not change is kept (scenarios::retune_model). */
  void retune(const scenarios::Scenario& s);
  /** @brief The running model, for inspection. */
  const agents::ClusterModel& model() const { return *model_; }

 private:
  scenarios::Scenario scenario_;
  std::unique_ptr<agents::ClusterModel> model_;
  std::unique_ptr<agents::TickRunner> runner_;
  RunInfo info_;
  ViewFrame frame_;
  std::vector<KpiRow> kpis_;
};

}  // namespace vicsim::viz

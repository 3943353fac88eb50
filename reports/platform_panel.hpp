#pragma once
/** @file platforms.csv: the platform × month panel (fee, members, trade, accounts and infrastructure load
 * of every platform), recorded while the model runs. */
#include <ostream>
#include <vector>

#include "agents/simulation_run.hpp"
#include "reports/run_writers.hpp"
#include "sim/platform_metrics.hpp"

namespace vicsim::reports {

/** @brief One platform in one month. */
struct PlatformPanelRow {
  std::int32_t tick;
  std::size_t platform;
  sim::PlatformMetrics metrics;
};

/** @brief Observer collecting every platform's metrics each tick; writes them as tidy CSV at the end. */
class PlatformPanelRecorder : public agents::RunObserver {
 public:
  /** @brief Records the platforms of `model`, which must outlive the recorder. */
  explicit PlatformPanelRecorder(const agents::ClusterModel& model) : model_(model) {}
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;
  /** @brief Writes scenario, seed, tick, platform, level, owner, host_region and the metrics, one row per
   * tick × platform. */
  void write_csv(std::ostream& out, const RunLabel& label) const;
  /** @brief The rows recorded so far, tick by tick in platform order. */
  const std::vector<PlatformPanelRow>& rows() const { return rows_; }

 private:
  const agents::ClusterModel& model_;
  std::vector<PlatformPanelRow> rows_;
};

}  // namespace vicsim::reports

#pragma once
/** @file platforms.csv: the platform × month panel (fee, members, trade, accounts and infrastructure load
 * of every platform), recorded while the model runs. */
#include <ostream>
#include <string>
#include <string_view>
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

/** @brief What a label column of platforms.csv is written from: the run, the world at the end and the row. */
struct PlatformLabelSource {
  const RunLabel& label;
  const sim::World& world;
  const PlatformPanelRow& row;
};

/** @brief A label column of platforms.csv (before the metrics of sim::platform_columns): its name and the
 * CSV field it writes, already quoted where needed (docs/outputs.md lists both kinds). */
struct PlatformLabelColumn {
  std::string_view name;
  std::string (*field)(const PlatformLabelSource&);
};

/** @brief The label columns of platforms.csv in output order: the one list the writer's header and rows use.
 */
const std::vector<PlatformLabelColumn>& platform_label_columns();

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

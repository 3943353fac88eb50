#pragma once
/** @file regions.csv: the region × month panel (treated flag included), recorded while the model runs so a
 * pilot program can be evaluated by difference-in-differences against the other regions. */
#include <ostream>
#include <vector>

#include "agents/simulation_run.hpp"
#include "reports/run_writers.hpp"
#include "sim/region_metrics.hpp"

namespace vicsim::reports {

/** @brief One region in one month. */
struct RegionPanelRow {
  std::int32_t tick;
  std::size_t region;
  bool treated;
  sim::RegionMetrics metrics;
};

/** @brief Observer collecting every region's metrics each tick; writes them as tidy CSV at the end. */
class RegionPanelRecorder : public agents::RunObserver {
 public:
  /** @brief Records regions of `model`, which must outlive the recorder. */
  explicit RegionPanelRecorder(const agents::ClusterModel& model) : model_(model) {}
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;
  /** @brief Writes scenario, seed, tick, region, treated and the metrics, one row per tick × region. */
  void write_csv(std::ostream& out, const RunLabel& label) const;
  /** @brief The rows recorded so far, tick by tick in region order. */
  const std::vector<RegionPanelRow>& rows() const { return rows_; }

 private:
  const agents::ClusterModel& model_;
  std::vector<RegionPanelRow> rows_;
};

}  // namespace vicsim::reports

#pragma once
/** @file routes.csv: the route × month panel of the SimGrid layer (region → platform data centre): the bytes
 * each traffic kind sent, the completion times SimGrid returned and what the model derived from them
 * (docs/ODD.md 7.23, 7.45–7.48). The completion times are the one part of a run that a rebuild from the
 * ODD cannot compute without SimGrid itself, so they are written out for it to read. */
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "agents/infrastructure_outcome.hpp"
#include "agents/simulation_run.hpp"
#include "reports/run_writers.hpp"

namespace vicsim::reports {

/** @brief One route in one month. */
struct RoutePanelRow {
  std::int32_t tick;
  std::size_t region, platform;
  std::string
      platform_name;  ///< the slot's name this month ("founding slot k" until a platform is founded in it)
  agents::RouteService service;
};

/** @brief Observer collecting every route's service each month the layer resolved; writes tidy CSV. */
class RoutePanelRecorder : public agents::RunObserver {
 public:
  /** @brief Records the routes of `model`, which must outlive the recorder. */
  explicit RoutePanelRecorder(const agents::ClusterModel& model) : model_(model) {}
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;
  /** @brief Writes scenario, seed, tick, region, platform and the route's service, one row per month ×
   * region × platform, regions in scenario order, platforms in platforms.csv order. */
  void write_csv(std::ostream& out, const RunLabel& label) const;

 private:
  const agents::ClusterModel& model_;
  std::vector<RoutePanelRow> rows_;
};

}  // namespace vicsim::reports

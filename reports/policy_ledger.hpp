#pragma once
/** @file policies.csv: each policy's spending per month, recorded while the model runs, so cost per unit
 * of KPI gained can be computed against the KPI's change. */
#include <ostream>
#include <string>
#include <vector>

#include "agents/simulation_run.hpp"
#include "reports/run_writers.hpp"

namespace vicsim::reports {

/** @brief A policy's target in words: "regions=A;B", "industry=electronics", "size=sme",
 * "platform=name", joined by spaces; "all" when it reaches every firm. */
std::string policy_target_text(const agents::Policy& p, const sim::World& w);

/** @brief Observer collecting each policy's spending every tick; writes policies.csv at the end. */
class PolicyLedgerRecorder : public agents::RunObserver {
 public:
  /** @brief Records the policies of `model`, which must outlive the recorder. */
  explicit PolicyLedgerRecorder(const agents::ClusterModel& model) : model_(model) {}
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;
  /** @brief Writes scenario, seed, tick, policy, instrument, target, active, spend and cumulative_spend. */
  void write_csv(std::ostream& out, const RunLabel& label) const;

 private:
  struct Row {
    std::int32_t tick;
    std::size_t policy;
    bool active;
    double spend, cumulative;
  };
  const agents::ClusterModel& model_;
  std::vector<Row> rows_;
};

}  // namespace vicsim::reports

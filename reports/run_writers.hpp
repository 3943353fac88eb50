#pragma once
/** @file Writers for a run directory: timeseries.csv, firms.csv, summary.json, GraphML snapshots. */
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "agents/simulation_run.hpp"
#include "reports/graphml_writer.hpp"

namespace vicsim::reports {

/** @brief Identifies a run in every tidy row (so files from many runs can be stacked). */
struct RunLabel {
  std::string scenario;
  std::uint64_t seed = 0;
};

/** @brief Writes the time series as tidy CSV: scenario, seed, one column per metric, stage_name. */
void write_timeseries_csv(std::ostream& out, const RunLabel& label,
                          const std::vector<sim::TickMetrics>& series);

/** @brief Writes the final state of every firm ever created (exited ones included). */
void write_firms_csv(std::ostream& out, const sim::World& w);

/** @brief The run summary: provenance, first and last tick metrics, when each stage of the three stage
 * ladders was first reached, the size-tail exponent, each policy's spending and each shock's resilience
 * measures (output and firms) against the pre-shock level and, when `no_shock` is given (the same
 * scenario and seed run without its shocks), against that counterfactual. */
nlohmann::json run_summary(const RunLabel& label, const agents::ClusterModel& model,
                           const std::vector<sim::TickMetrics>& series,
                           const std::vector<sim::TickMetrics>* no_shock = nullptr);

/** @brief Observer writing network/tick_NNNN.graphml every `every` ticks and at the last tick. */
class GraphmlRecorder : public agents::RunObserver {
 public:
  /** Writes every `every` ticks and at tick `last`, formatting on up to `threads` threads (same bytes). */
  GraphmlRecorder(std::filesystem::path dir, std::int32_t every, std::int32_t last, unsigned threads = 1)
      : dir_(std::move(dir)), every_(every), last_(last), threads_(threads) {}
  void on_tick(const sim::World& w, const sim::TickMetrics& m, const sim::UndirectedSnapshot& s) override;

 private:
  std::filesystem::path dir_;
  std::int32_t every_, last_;
  unsigned threads_;
  std::filesystem::path
      previous_;  ///< the last snapshot written, whose cached pages the next one frees first
};

}  // namespace vicsim::reports

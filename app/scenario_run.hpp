#pragma once
/** @file Runs one validated scenario and writes its run-directory files (used by run, compare and sweep). */
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "agents/simulation_run.hpp"
#include "scenarios/scenario.hpp"

namespace vicsim::app {

/** @brief Where a scenario came from, recorded in scenario.resolved.json so the run can be reproduced. */
struct RunProvenance {
  std::string source_file;
  std::vector<std::string> overrides;
};

/**
 * @brief Runs s and writes scenario.resolved.json, timeseries.csv, firms.csv, summary.json (and GraphML
 * snapshots if the scenario asks) into dir, which must exist. Returns the per-tick metrics.
 * @param progress called after each tick with (tick, ticks); may throw to abort. SIGINT/SIGTERM also stop
 * the twin runs (without shocks, without the pilot) and the writing (throws Interrupted).
 * Throws UserError naming the scenario file when the firm count passes its hard cap.
 */
std::vector<sim::TickMetrics> run_scenario_into(
    const scenarios::Scenario& s, const std::filesystem::path& dir, const RunProvenance& provenance,
    unsigned threads, const std::function<void(std::int32_t, std::int32_t)>& progress);

}  // namespace vicsim::app

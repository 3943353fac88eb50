#pragma once
/** @file Many scenario runs, each in a forked child process (SimGrid keeps one Engine per process), with a
 * progress bar; used by `vicsim compare` and `vicsim attribute`. */
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"
#include "scenarios/scenario_loader.hpp"

namespace vicsim::app {

/** @brief One run: a validated scenario, where it came from, and its own output directory. */
struct ScenarioJob {
  const scenarios::Scenario* scenario;
  std::string source;                    ///< scenario file, recorded in scenario.resolved.json
  std::filesystem::path dir;             ///< created if missing
  std::vector<std::string> overrides{};  ///< recorded after the shared --set overrides (e.g. switches)
};

/**
 * @brief Runs the jobs, at most `jobs` at once; outputs do not depend on `jobs` (each run writes only its own
 * directory). Throws UserError when a child failed on its input (exit 2, its message is on stderr),
 * std::runtime_error on another failure, Interrupted on SIGINT/SIGTERM (children are stopped).
 */
void run_scenario_jobs(const std::vector<ScenarioJob>& jobs_list, int jobs,
                       const std::vector<std::string>& sets, bool quiet, const std::string& label);

/** @brief Loads both arms of a paired comparison with the shared --set overrides (plus --seed and --ticks)
 * and prints every problem. Returns 0, or 2 on bad input or when the arms' horizons differ. */
int load_paired_arms(const std::string& a, const std::string& b, std::vector<std::string> sets,
                     std::optional<std::uint64_t> seed, std::optional<std::int32_t> ticks,
                     scenarios::LoadResult& la, scenarios::LoadResult& lb);

}  // namespace vicsim::app

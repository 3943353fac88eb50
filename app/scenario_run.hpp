#pragma once
/** @file Runs one validated scenario and writes its run-directory files (used by run, compare and sweep). */
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/simulation_run.hpp"
#include "scenarios/scenario.hpp"
#include "sim/phase_clock.hpp"

namespace vicsim::app {

/** @brief Where a scenario came from, recorded in scenario.resolved.json so the run can be reproduced. */
struct RunProvenance {
  std::string source_file;
  std::vector<std::string> overrides;
};

/** @brief What `vicsim bench` observes of a run besides its files. */
/** @brief CPU time of this process so far (user + system, all threads), s. */
double process_cpu_seconds();

/** @brief The phase-clock name of a run's setup: building the world and the initial network, and the
 * warm-up months (which RunInstruments::warm_up takes apart). */
inline constexpr std::string_view kSetupPhase = "setup: world, initial network and warm-up";

struct RunInstruments {
  sim::PhaseClock clock;     ///< setup, every phase of every tick, output files
  double setup_cpu_s = 0.0;  ///< process CPU time (user + system, all threads) when setup ended, s
  sim::PhaseClock warm_up;   ///< the warm-up months' phases, a part of setup (ClusterModel::warm_up_clock)
  /** @brief Called with the model after its last tick, before the final files are written (not timed). */
  std::function<void(const agents::ClusterModel&)> inspect_final;
  /** @brief If set, called with the phase's name at the end of every phase (setup, each tick's phases, the
   * files), outside the phases' times (`vicsim bench` reads the peak RSS there). */
  std::function<void(std::string_view)> lap_hook;
  /** @brief Keep exited firms' slots (no compaction): same outputs, more memory (`--keep-exited-slots`). */
  bool keep_exited_slots = false;
};

/**
 * @brief Runs s and writes scenario.resolved.json, timeseries.csv, firms.csv, summary.json (and GraphML
 * snapshots if the scenario asks) into dir, which must exist. Returns the per-tick metrics.
 * @param progress called after each tick with (tick, ticks); may throw to abort.
 * @param pilot_replications with a pilot policy: with/without-pilot pairs (seeds seed, seed + 1, ...) behind
 * pilot_effect.csv; the first pair reuses this run.
 * @param instruments if given, receives the wall time of setup, of every phase of the ticks and of the output
 * files, and sees the model after its last tick (`vicsim bench`).
 * SIGINT/SIGTERM also stop the twin runs (without shocks, without the pilot) and the writing (throws
 * Interrupted).
 * Throws UserError naming the scenario file when the firm count passes its hard cap.
 */
std::vector<sim::TickMetrics> run_scenario_into(
    const scenarios::Scenario& s, const std::filesystem::path& dir, const RunProvenance& provenance,
    unsigned threads, const std::function<void(std::int32_t, std::int32_t)>& progress,
    int pilot_replications = 1, RunInstruments* instruments = nullptr);

}  // namespace vicsim::app

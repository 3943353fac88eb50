#pragma once
/** @file The runs of an experiment: one per design point and replication, each with its own seed and
 * its `--set` overrides. */
#include <cstdint>
#include <string>
#include <vector>

#include "experiments/design.hpp"
#include "experiments/factor_values.hpp"

namespace vicsim::experiments {

/** @brief A run's seed: a counter-based hash of (master seed, point, replication), 53 bits so that it
 * survives a round trip through a double (R, spreadsheets). With common random numbers the point is
 * ignored: every point's replication r uses the same seed. */
std::uint64_t run_seed(std::uint64_t master, std::uint64_t point, std::uint64_t replication);

/** @brief One run to do. run_id = point × replications + replication. */
struct PlannedRun {
  std::int64_t run_id = 0;
  std::int64_t point = 0;
  std::int32_t replication = 0;
  std::uint64_t seed = 0;
  std::vector<FactorValue> values;  ///< one per factor
  std::vector<std::string> sets;    ///< the experiment's fixed `set` list, then path=value per factor
};

/** @brief Every run of the experiment, in run_id order. */
std::vector<PlannedRun> plan_runs(const Experiment& e, const UnitPoints& design);

}  // namespace vicsim::experiments

#pragma once
/** @file Loading an experiment file: every problem is reported with the file, the JSON path and what
 * was expected (scenarios::Diagnostics), including factor values the base scenario would reject. */
#include <optional>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"
#include "scenarios/diagnostics.hpp"

namespace vicsim::experiments {

/** @brief The outcome of loading: an experiment when there were no problems, and the problems. */
struct ExperimentLoad {
  std::optional<Experiment> experiment;
  scenarios::Diagnostics problems;
  std::string text;  ///< the experiment file's bytes
  std::string
      scenario_text;  ///< the base scenario file's bytes (plus its resolved form if it extends others)
};

/**
 * @brief Reads and validates an experiment document.
 * @param file the experiment file's path (for messages and to resolve the scenario path)
 * @param timeseries_columns the columns a run's timeseries.csv has; KPI columns are checked against
 * them (empty: not checked)
 */
ExperimentLoad load_experiment(const nlohmann::json& doc, const std::string& file,
                               const std::vector<std::string>& timeseries_columns);

/** @brief Same, from a file on disk. */
ExperimentLoad load_experiment_file(const std::string& file,
                                    const std::vector<std::string>& timeseries_columns);

/** @brief Checks one KPI declaration (exactly one of column or summary; the column among `columns` unless
 * empty; tick or a known aggregate; to_tick >= from_tick) and sets its kind; problems name `file` and `path`.
 * Shared by experiment outputs and calibration targets. */
void check_output(OutputSpec& o, const std::vector<std::string>& columns, const std::string& path,
                  const std::string& file, scenarios::Diagnostics& diag);

/** @brief Adds a problem at `path` when the output's tick or window start lies after the runs' last month
 * `ticks` (known when no factor varies the run length). */
void check_window(const OutputSpec& o, std::int32_t ticks, const std::string& path, const std::string& file,
                  scenarios::Diagnostics& diag);

}  // namespace vicsim::experiments

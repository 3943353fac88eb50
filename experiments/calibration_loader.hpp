#pragma once
/** @file Loading a calibration file: every problem is reported with the file, the JSON path and what was
 * expected (scenarios::Diagnostics), in the experiment loader's style; parameter bounds and starts are
 * checked against the base scenario's schema ranges by loading the scenario with them. */
#include <optional>
#include <string>
#include <vector>

#include "experiments/calibration.hpp"
#include "scenarios/diagnostics.hpp"

namespace vicsim::experiments {

/** @brief The outcome of loading: a calibration when there were no problems, and the problems. */
struct CalibrationLoad {
  std::optional<Calibration> calibration;
  scenarios::Diagnostics problems;
  std::string text;           ///< the calibration file's bytes
  std::string scenario_text;  ///< the base scenario's bytes (plus its resolved form if it extends others)
};

/** @brief The NLopt algorithms a calibration may name (derivative-free, deterministic, bound-constrained). */
const std::vector<std::string>& calibration_algorithms();

/**
 * @brief Reads and validates a calibration document.
 * @param file the calibration file's path (for messages and to resolve the scenario path)
 * @param timeseries_columns the columns a run's timeseries.csv has (empty: not checked)
 */
CalibrationLoad load_calibration(const nlohmann::json& doc, const std::string& file,
                                 const std::vector<std::string>& timeseries_columns);

/** @brief Same, from a file on disk. */
CalibrationLoad load_calibration_file(const std::string& file,
                                      const std::vector<std::string>& timeseries_columns);

}  // namespace vicsim::experiments

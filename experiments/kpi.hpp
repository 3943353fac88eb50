#pragma once
/** @file KPIs of one run, computed from its timeseries.csv (columns found by name) and summary.json. */
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <vector>

#include "experiments/experiment.hpp"
#include "reports/csv_table.hpp"

namespace vicsim::experiments {

/** @brief Thrown when a KPI cannot be computed (missing column, no rows, not a number); the message
 * says what was expected. */
struct KpiError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/** @brief One KPI's value; NaN when a summary value is null (e.g. a stage never reached); KpiError when
 * the key names nothing the run wrote. */
double compute_kpi(const OutputSpec& o, const reports::CsvTable& timeseries, const nlohmann::json& summary);

/** @brief Every KPI of the experiment, in order. */
std::vector<double> compute_kpis(const std::vector<OutputSpec>& outputs, const reports::CsvTable& timeseries,
                                 const nlohmann::json& summary);

}  // namespace vicsim::experiments

#pragma once
/** @file The analyses of a finished sweep: sensitivity indices (Morris or Sobol designs) and scenario
 * discovery (PRIM), as JSON and tidy CSV text. Pure functions of the experiment, its runs and records. */
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "experiments/design.hpp"
#include "experiments/experiment.hpp"
#include "experiments/run_plan.hpp"
#include "experiments/run_record.hpp"
#include "reports/csv_table.hpp"

namespace vicsim::experiments {

/** @brief A finished sweep: the experiment, its design, its runs and their records (both in run_id
 * order, one record per run). */
struct SweepData {
  const Experiment& experiment;
  const UnitPoints& design;
  const std::vector<PlannedRun>& runs;
  const std::vector<RunRecord>& records;
};

/** @brief Whether the design has sensitivity indices (Morris or Sobol). */
bool has_sensitivity(const Experiment& e);

/** @brief Each KPI's mean over the successful replications of each design point (NaN if none). */
std::vector<std::vector<double>> point_means(const SweepData& d);

/** @brief sensitivity.json: per KPI and factor, Morris μ, μ*, σ or Sobol S1, ST with bootstrap CIs. */
nlohmann::json sensitivity_json(const SweepData& d);

/** @brief sensitivity.csv, tidy: kpi, factor, index, estimate, ci_low, ci_high. */
std::string sensitivity_csv(const nlohmann::json& sensitivity);

/** @brief A factor column of results.csv: its name and, for factors given by levels, the levels' texts
 * in order (their index is the factor's numeric value; empty for numeric factors). */
struct FactorColumn {
  std::string name;
  std::vector<std::string> levels;
};

/** @brief The factor columns of an experiment. */
std::vector<FactorColumn> factor_columns(const Experiment& e);

/** @brief Thrown when results.csv lacks a column or holds a value that is not a number. */
struct DiscoveryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/**
 * @brief prim.json: PRIM boxes where `condition` holds, over the successful runs of a results.csv
 * table (columns found by name; rows whose condition is NA are left out).
 */
nlohmann::json prim_json(const reports::CsvTable& results, const std::vector<FactorColumn>& factors,
                         const ConditionSpec& condition, const DiscoverySpec& options);

/** @brief prim.csv, tidy: box, factor, low, high, restricted, coverage, density, mass. */
std::string prim_csv(const nlohmann::json& prim);

}  // namespace vicsim::experiments

#pragma once
/** @file The outcome of one run of a sweep, as stored in DIR/runs/run_NNNNNN.json and as a row of
 * results.csv. Numbers are stored as their shortest round-trip text, so rebuilding results.csv from
 * the records is byte-exact. */
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"
#include "experiments/run_plan.hpp"

namespace vicsim::experiments {

/** @brief One finished run. status is "ok" or "failed" (then kpis are "NA" and error says why). */
struct RunRecord {
  std::int64_t run_id = 0;
  std::int64_t point = 0;
  std::int32_t replication = 0;
  std::uint64_t seed = 0;
  std::vector<std::string> factors;  ///< results.csv text of each factor value
  std::vector<std::string> kpis;     ///< results.csv text of each KPI ("NA" when missing)
  std::string status = "ok";
  std::string error;
  bool transient =
      false;  ///< failed for a reason outside the model (disk full, I/O error, killed): retried on resume
};

/** @brief A record for a planned run with the given KPI values. */
RunRecord make_record(const PlannedRun& run, const std::vector<double>& kpis);

/** @brief A failed run's record: every KPI "NA". */
RunRecord failed_record(const PlannedRun& run, std::size_t n_kpis, const std::string& error);

/** @brief The record as JSON. */
nlohmann::json to_json(const RunRecord& r);

/** @brief Reads a record back; throws nlohmann::json::exception if it is malformed. */
RunRecord record_from_json(const nlohmann::json& j);

/** @brief The results.csv header line (with '\n'): run_id, point, replication, seed, one column per
 * factor, one per KPI, status, error. */
std::string results_header(const Experiment& e);

/** @brief The results.csv line of a record (with '\n'). */
std::string results_row(const RunRecord& r);

/** @brief The KPI values of a record (NaN for "NA"). */
std::vector<double> kpi_values(const RunRecord& r);

}  // namespace vicsim::experiments

#pragma once
/** @file trace.csv of a calibration: one row per evaluation, in evaluation order, with numbers as their
 * shortest round-trip text, so that a resumed calibration replays the optimiser exactly from it
 * (docs/outputs.md "vicsim calibrate"). */
#include <cstdint>
#include <string>
#include <vector>

#include "experiments/calibration.hpp"
#include "reports/csv_table.hpp"

namespace vicsim::experiments {

/** @brief One evaluation: where it belongs, the candidate, the objective and the KPI moments. */
struct TraceRow {
  std::int64_t eval = 0;                ///< 0-based, in the order the optimisers asked
  std::string stage;                    ///< "fit", "refit" (another seed block), "profile" or "hessian"
  std::int32_t block = 0;               ///< seed block
  std::string profiled;                 ///< profile: the parameter varied; hessian: "a" or "a;b"; else ""
  std::vector<std::string> values;      ///< each parameter's value (text)
  std::string objective;                ///< text
  std::string status = "ok";            ///< "ok" or "failed"
  std::vector<std::string> means, sds;  ///< each target's replication mean and sd (text, "NA" if missing)
  std::string error;                    ///< why a failed evaluation failed
};

/** @brief The header line (with '\n'): eval, stage, block, profiled, one column per parameter, objective,
 * status, <target>_mean and <target>_sd per target, error. */
std::string trace_header(const Calibration& c);

/** @brief A row's line (with '\n'). */
std::string trace_line(const TraceRow& r);

/**
 * @brief The rows of a trace.csv table written for this calibration, in order, up to the first row that does
 * not continue the sequence (a different header, a gap in `eval`, a malformed value): what follows it is not
 * trusted. Returns an empty list when the header differs.
 */
std::vector<TraceRow> read_trace(const reports::CsvTable& t, const Calibration& c);

/** @brief Whether a stored row is the evaluation the optimiser asks for now (same stage, block, profiled
 * parameter and parameter texts). */
bool same_candidate(const TraceRow& stored, const TraceRow& asked);

}  // namespace vicsim::experiments

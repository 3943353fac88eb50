#pragma once
/** @file `vicsim report`: recognise the kind of directory, build its page and write it atomically. */
#include <filesystem>
#include <string>

#include "reports/report_context.hpp"

namespace vicsim::reports {

/** @brief The kinds of directory a report can be made from. */
enum class SourceKind { Run, Pilot, Comparison, Sweep, Calibration, Attribution };

/** @brief Recognises a directory by its files (comparison.csv, results.csv, calibrate.json, attribution.csv
 * with attribution.json, timeseries.csv); a run directory is reported as a pilot program once read
 * (is_pilot). Throws ReportInputError otherwise. */
SourceKind detect_source(const std::filesystem::path& dir);

/** @brief "run", "pilot program", "comparison", "sweep", "calibration" or "attribution". */
const char* source_kind_name(SourceKind kind);

/** @brief What was written. */
struct ReportResult {
  SourceKind kind = SourceKind::Run;
  std::size_t charts = 0;
  std::size_t bytes = 0;
};

/** @brief Builds the HTML of ctx.source and writes it to ctx.out through a temporary file renamed into
 * place, so no half-written report is ever left. Throws ReportInputError (bad input), VegaAssetsMissing,
 * or std::runtime_error (I/O). */
ReportResult write_report(const ReportContext& ctx);

}  // namespace vicsim::reports

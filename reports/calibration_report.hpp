#pragma once
/** @file The report of a calibration directory (`vicsim calibrate`): the fit, the targets, the trace, the
 * spread over seed blocks and the identifiability profiles. */
#include <filesystem>

#include "reports/html_document.hpp"
#include "reports/report_context.hpp"

namespace vicsim::reports {

/** @brief Builds the page for a finished calibration directory (calibrate.json, trace.csv, fit.json); throws
 * ReportInputError on unusable input (an unfinished calibration has no fit.json). */
HtmlDocument calibration_report(const std::filesystem::path& dir, const ReportContext& ctx);

}  // namespace vicsim::reports

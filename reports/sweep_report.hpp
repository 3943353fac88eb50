#pragma once
/** @file The report of a sweep directory. */
#include <filesystem>

#include "reports/html_document.hpp"
#include "reports/report_context.hpp"

namespace vicsim::reports {

/** @brief Builds the page for a sweep directory; throws ReportInputError on unusable input. */
HtmlDocument sweep_report(const std::filesystem::path& dir, const ReportContext& ctx);

}  // namespace vicsim::reports

#pragma once
/** @file The report of a comparison directory. */
#include <filesystem>

#include "reports/html_document.hpp"
#include "reports/report_context.hpp"

namespace vicsim::reports {

/** @brief Builds the page for a comparison directory; throws ReportInputError on unusable input. */
HtmlDocument comparison_report(const std::filesystem::path& dir, const ReportContext& ctx);

}  // namespace vicsim::reports

#pragma once
/** @file The platform part of a run report: members and transaction fee of every platform over time, from
 * platforms.csv. */
#include "reports/html_document.hpp"
#include "reports/run_directory.hpp"

namespace vicsim::reports {

/** @brief Adds the platform section when the run has platforms.csv (nothing otherwise). */
void add_platform_sections(HtmlDocument& doc, const RunDirectory& run);

}  // namespace vicsim::reports

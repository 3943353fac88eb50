#pragma once
/** @file The pilot-program part of a run report: treated against control regions, a
 * difference-in-differences estimate with its CI for each outcome, and policy spending with the cost per
 * unit of KPI gained. */
#include "reports/html_document.hpp"
#include "reports/run_directory.hpp"

namespace vicsim::reports {

/** @brief Adds the pilot sections (needs run.regions with a `treated` column). */
void add_pilot_sections(HtmlDocument& doc, const RunDirectory& run);

}  // namespace vicsim::reports

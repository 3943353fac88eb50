#pragma once
/** @file The report of one run: headline cards, KPI small multiples, the evolution-stage timeline,
 * network snapshots on a region map and the resolved parameters. Pilot runs add the pilot section. */
#include "reports/html_document.hpp"
#include "reports/report_context.hpp"
#include "reports/run_directory.hpp"

namespace vicsim::reports {

/** @brief Builds the page for a run (or pilot-program run) directory. */
HtmlDocument run_report(const RunDirectory& run, const ReportContext& ctx);

/** @brief The reproducing command for a run, from its scenario.resolved.json provenance. */
std::string run_reproduce_command(const RunDirectory& run, const ReportContext& ctx);

/** @brief Adds the resolved-parameter tables of a scenario (scalars, mechanisms, arrays as tables). */
void add_parameter_tables(HtmlDocument& doc, const nlohmann::json& resolved);

}  // namespace vicsim::reports

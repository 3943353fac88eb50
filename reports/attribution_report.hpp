#pragma once
/** @file Output of `vicsim attribute`: attribution.csv and attribution.html (a waterfall chart per KPI). */
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "reports/html_document.hpp"
#include "reports/report_context.hpp"
#include "reports/vega_assets.hpp"

namespace vicsim::reports {

/** @brief One row of attribution.csv: a mechanism group's contribution to a KPI's difference B − A at a tick,
 * or one of the rows "unexplained", "interaction" and "total" (docs/outputs.md). */
struct AttributionRow {
  std::string kpi;
  int tick = 0;
  std::string mechanism;
  double contribution = 0, ci_low = 0, ci_high = 0;
};

/** @brief Writes attribution.csv: `kpi,tick,mechanism,contribution,ci_low,ci_high`. */
void write_attribution_csv(std::ostream& out, const std::vector<AttributionRow>& rows);

/** @brief Reads attribution.csv; throws ReportInputError naming the file, row and column on bad input. */
std::vector<AttributionRow> read_attribution_csv(const std::filesystem::path& path);

/** @brief The attribution results that belong to a comparison or attribution directory: DIR/attribution.csv,
 * else DIR/attribution/attribution.csv (`vicsim attribute A B --out DIR/attribution`); empty path if none. */
std::filesystem::path find_attribution_csv(const std::filesystem::path& dir);

/** @brief Adds the attribution section to a report: per KPI at its last tick, a waterfall from 0 (arm A)
 * through each group's contribution and the unexplained part to the total (arm B), then the table. */
void add_attribution_section(HtmlDocument& doc, const std::vector<AttributionRow>& rows,
                             const std::string& name_a, const std::string& name_b,
                             const std::string& command);

/** @brief `vicsim report` of an attribution directory (attribution.csv and attribution.json). */
HtmlDocument attribution_report(const std::filesystem::path& dir, const ReportContext& ctx);

/** @brief Writes the self-contained attribution page: per KPI at its last tick, a waterfall from 0 through
 * each group's contribution and the unexplained part to the total, and the table of every row. */
void write_attribution_html(std::ostream& out, const std::vector<AttributionRow>& rows,
                            const std::string& name_a, const std::string& name_b, const std::string& command,
                            const VegaAssets& assets);

}  // namespace vicsim::reports

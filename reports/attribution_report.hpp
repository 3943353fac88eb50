#pragma once
/** @file Output of `vicsim attribute`: attribution.csv and attribution.html (a waterfall chart per KPI). */
#include <ostream>
#include <string>
#include <vector>

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

/** @brief Writes the self-contained attribution page: per KPI at its last tick, a waterfall from 0 through
 * each group's contribution and the unexplained part to the total, and the table of every row. */
void write_attribution_html(std::ostream& out, const std::vector<AttributionRow>& rows,
                            const std::string& name_a, const std::string& name_b, const std::string& command,
                            const VegaAssets& assets);

}  // namespace vicsim::reports

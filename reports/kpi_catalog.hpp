#pragma once
/** @file What reports know about the time-series KPIs: readable labels, units and which ones lead. */
#include <string>
#include <string_view>
#include <vector>

namespace vicsim::reports {

/** @brief How a KPI's values read: shares are reported in percentage points. */
enum class KpiKind { Share, Count, Money, Days, Index, Other };

/** @brief A KPI as a report presents it. */
struct KpiInfo {
  std::string name;   ///< the column name
  std::string label;  ///< e.g. "cross-regional tie share"
  std::string unit;   ///< e.g. "yuan per month", empty for shares and indices
  KpiKind kind = KpiKind::Other;
};

/** @brief The catalogue entry for a column, or a generic one derived from its name. */
KpiInfo kpi_info(std::string_view column);

/** @brief The headline KPIs in display order (those missing from a file are skipped by callers). */
const std::vector<std::string>& headline_kpis();

/** @brief Columns that identify a row rather than measure something (tick, seed, arm, ...). */
bool is_identifier_column(std::string_view column);

}  // namespace vicsim::reports

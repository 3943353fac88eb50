#pragma once
/** @file What reports know about the time-series KPIs: readable labels, units and which ones lead. */
#include <string>
#include <string_view>
#include <vector>

namespace vicsim::reports {

/** @brief How a KPI's values read: shares are reported in percentage points. */
enum class KpiKind { Share, Count, Money, Days, Index, Other };

/** @brief Which way is better for a KPI; Neutral when the model's brief does not rank its values (e.g. the
 * cross-regional tie share describes the network, it is not a goal in itself). */
enum class Direction { HigherIsBetter, LowerIsBetter, Neutral };

/** @brief A KPI as a report presents it. */
struct KpiInfo {
  std::string name;   ///< the column name
  std::string label;  ///< e.g. "cross-regional tie share"
  std::string unit;   ///< e.g. "yuan per month", empty for shares and indices
  KpiKind kind = KpiKind::Other;
  Direction direction = Direction::Neutral;
  bool input = false;  ///< a policy lever (e.g. infrastructure), never an outcome
};

/** @brief +1 if a change of `diff` is an improvement, −1 if it is a deterioration, 0 if the KPI has no
 * better direction or diff is 0. */
int improvement_sign(const KpiInfo& k, double diff);

/** @brief The CSS class of a changed value: "better", "worse" or "changed" (no better direction). */
const char* change_class(const KpiInfo& k, double diff);

/** @brief The noun a cost is "per" for one unit of a KPI's gain: "worker", "firm", "percentage point"
 * (shares), "yuan of monthly gross output", ... */
std::string cost_unit(const KpiInfo& k);

/** @brief How a cost per unit of gain reads: "per extra worker", "per extra percentage point of cloud
 * adoption share", "per day off the delivery lead time" (a gain of a lower-is-better KPI is a fall). */
std::string cost_phrase(const KpiInfo& k);

/** @brief A chart facet's title: the KPI's label with its unit in brackets, "(%)" for shares; none for
 * indices and counts, whose label already says what they count. The one rule every report's charts use. */
std::string facet_label(const KpiInfo& k);

/** @brief The catalogue entry for a column, or a generic one derived from its name. */
KpiInfo kpi_info(std::string_view column);

/** @brief The headline KPIs in display order (those missing from a file are skipped by callers). */
const std::vector<std::string>& headline_kpis();

/** @brief Columns that identify a row rather than measure something (tick, seed, arm, ...). */
bool is_identifier_column(std::string_view column);

}  // namespace vicsim::reports

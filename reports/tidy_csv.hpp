#pragma once
/** @file Long ("tidy") CSV for R and pandas: one row per observation and metric. */
#include <ostream>
#include <set>
#include <string>

#include "reports/csv_table.hpp"

namespace vicsim::reports {

/** @brief Writes `table` in long form: its identifier columns (tick, seed, arm, replication, run_id, point,
 * region, treated, text columns, and numeric columns named like scenario paths, e.g.
 * mechanisms.trade.x, which are sweep factors), then `metric,value`, one row per numeric measurement.
 * `factors` (a sweep's factor names, from sweep.json) are kept as columns too, whatever their names, so
 * `metric` holds only measurements (KPIs). Values are copied as text, so the output is exactly as precise
 * as the input. */
void write_tidy_csv(std::ostream& out, const CsvTable& table, const std::set<std::string>& factors = {});

}  // namespace vicsim::reports

#pragma once
/** @file The platform hierarchy as an inline SVG drawing (docs/ODD.md 7.51): the 1+N middle platform on top,
 * then regional surfaces, industry lines and enterprise points, each linked to its parent, from the last
 * month of platforms.csv. */
#include <string>

#include "reports/csv_table.hpp"

namespace vicsim::reports {

/** @brief SVG markup of the hierarchy in the last month of `platforms` (a platforms.csv table), or an empty
 * string when the table has no `level` column or no rows. Platforms that exited are drawn grey and dashed;
 * founded platforms carry their founding month. */
std::string platform_hierarchy_svg(const CsvTable& platforms);

}  // namespace vicsim::reports

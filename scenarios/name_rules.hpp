#pragma once
/** @file What a name in an input file may be (regions, industries, stages, platforms, policies, shocks,
 * experiment columns): names become CSV cells and headers, report labels and --set selectors. */
#include <string>

namespace vicsim::scenarios {

/** @brief Why `name` is not acceptable, or "" if it is. Refused: empty names, control characters (NUL, line
 * breaks, tabs), and a leading '=', '+', '-' or '@', which spreadsheets read as a formula when they open a
 * CSV file (the CSV writers keep names verbatim so R and pandas read them back unchanged). */
std::string name_problem(const std::string& name);

}  // namespace vicsim::scenarios

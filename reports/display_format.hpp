#pragma once
/** @file Numbers formatted for people reading a report (not for round-tripping: see number_format.hpp). */
#include <string>

namespace vicsim::reports {

/** @brief About three significant figures, with k/M/bn suffixes for large values and "–" for NaN. */
std::string display_number(double x);
/** @brief A share in [0,1] as a percentage with one decimal, e.g. "41.2%". */
std::string display_percent(double share);
/** @brief `x` with `decimals` fixed decimals (C locale). */
std::string display_fixed(double x, int decimals);
/** @brief Like display_number but with an explicit sign (+/−). */
std::string display_signed(double x);

}  // namespace vicsim::reports

#pragma once
/** @file Locale-independent shortest round-trip number formatting, so outputs are byte-identical. */
#include <charconv>
#include <cmath>
#include <string>

namespace vicsim::reports {

/** @brief Shortest decimal text that reads back to the same double ("NA" for NaN, as R expects). */
inline std::string format_number(double x) {
  if (std::isnan(x)) return "NA";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, end);
}

}  // namespace vicsim::reports

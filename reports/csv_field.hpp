#pragma once
/** @file RFC 4180 quoting of one CSV field, shared by every CSV writer so R and pandas read names with
 * commas, quotes or line breaks. */
#include <string>

namespace vicsim::reports {

/** @brief `s` as a CSV field: unchanged unless it holds a comma, quote or line break, else quoted with
 * inner quotes doubled. */
inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

}  // namespace vicsim::reports

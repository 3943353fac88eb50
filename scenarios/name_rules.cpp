#include "scenarios/name_rules.hpp"

#include "scenarios/json_file.hpp"

namespace vicsim::scenarios {

std::string name_problem(const std::string& name) {
  if (name.empty()) return "expected a non-empty name";
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return "expected a name without control characters (NUL, tab, line break), got \"" + excerpt(name) +
             "\"";
  if (std::string("=+-@").find(name.front()) != std::string::npos)
    return "expected a name not starting with '=', '+', '-' or '@' (spreadsheets read it as a formula), got "
           "\"" +
           excerpt(name) + "\"";
  return "";
}

}  // namespace vicsim::scenarios

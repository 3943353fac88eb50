#pragma once
/** @file The parameter table of docs/PARAMETERS.md (included by docs/ODD.md): every numeric scenario
 * parameter with its unit, default, range (from the describe() declarations of scenario_schema.hpp) and its
 * source (from parameter_sources.cpp), then the constants fixed in code with their justification. */
#include <string>
#include <vector>

namespace vicsim::scenarios {

/** @brief One numeric parameter as the table shows it. */
struct ParameterRow {
  std::string path;  ///< key-reference path, array items as `[]`, e.g. `regions[].infrastructure`
  std::string unit;  ///< as declared
  std::string default_value;
  std::string range;   ///< "[lo, hi]", or empty
  std::string source;  ///< citation, "calibrated: …" or "assumption: …"; empty when none is recorded
};

/** @brief Every numeric parameter of the scenario format, in declaration order (outputs, the seed and the
 * firm register are inputs, not parameters, and are left out). */
std::vector<ParameterRow> parameter_rows();

/** @brief Source entries whose path names no parameter (stale entries after a key was renamed or removed). */
std::vector<std::string> unknown_source_paths();

/** @brief The Markdown text that docs/PARAMETERS.md holds between its markers. */
std::string parameter_table();

}  // namespace vicsim::scenarios

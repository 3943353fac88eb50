#pragma once
/** @file Where each parameter's default comes from, in one place: the source of every numeric scenario key,
 * keyed by its key-reference path, and the constants fixed in code with their justification. The generator of
 * docs/PARAMETERS.md (parameter_table.cpp) reads both; a test fails when a parameter has no source. */
#include <vector>

namespace vicsim::scenarios {

/** @brief The source of one scenario parameter: a citation, "calibrated: …" or "assumption: …". */
struct ParameterSource {
  const char* path;    ///< key-reference path, array items as `[]`
  const char* source;  ///< Markdown text
};

/** @brief A constant fixed in code rather than a scenario key, with why it is not a parameter. */
struct FixedConstant {
  const char* name;           ///< what it is
  const char* where;          ///< the function that uses it, `file: function`
  const char* value;          ///< its value with unit
  const char* justification;  ///< source, or why it is fixed
};

/** @brief The source of every numeric scenario parameter. */
const std::vector<ParameterSource>& parameter_sources();

/** @brief The constants that influence results but are not scenario keys. */
const std::vector<FixedConstant>& fixed_constants();

}  // namespace vicsim::scenarios

#pragma once
/** @file The error thrown when a report's input directory or files are unusable (exit code 2). */
#include <stdexcept>

namespace vicsim::reports {

/** @brief Bad input to the report generator or the exporters: the message names the file and what was
 * expected. The command line turns it into exit code 2. */
struct ReportInputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace vicsim::reports

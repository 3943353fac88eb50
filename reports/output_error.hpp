#pragma once
/** @file The error for an output location that cannot be written (read-only, full disk, in use by another
 * writer): the message names the path; the command line turns it into exit code 2. */
#include <stdexcept>

namespace vicsim::reports {

/** @brief An output path cannot be created, locked or written; what() names the path and the reason. */
struct OutputError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace vicsim::reports

#pragma once
/** @file Writing one output file atomically: a temporary sibling renamed into place when complete. */
#include <filesystem>
#include <functional>
#include <ostream>

namespace vicsim::reports {

/** @brief Writes `path` through `fill` into a hidden temporary file beside it and renames it into place, so
 * a failure never leaves a half-written file (and an existing one stays intact); temporaries of killed
 * writers are removed. Throws OutputError
 * naming the file on an I/O failure; exceptions from `fill` remove the temporary file and propagate. */
void write_file_atomically(const std::filesystem::path& path, const std::function<void(std::ostream&)>& fill);

}  // namespace vicsim::reports

#pragma once
/** @file What the parent of `vicsim run` child processes reads back (sweep and calibrate): the columns a
 * run's timeseries.csv has, a file's bytes and the line of a child's log that says what went wrong. */
#include <filesystem>
#include <string>
#include <vector>

namespace vicsim::app {

/** @brief The columns `vicsim run` writes to timeseries.csv, read from the writer itself. */
std::vector<std::string> timeseries_columns();

/** @brief The bytes of a file; throws std::runtime_error naming it if it cannot be opened. */
std::string read_text(const std::filesystem::path& p);

/** @brief What went wrong, from a child's log: its first "error:" line, else its last non-empty line. */
std::string log_summary(const std::filesystem::path& log);

}  // namespace vicsim::app

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

/** @brief Checks an output directory that a resumable command (sweep, calibrate) owns through its manifest
 * file: refuses (exit code 2, message printed) a non-directory, a non-empty directory without the manifest,
 * an unreadable manifest, one written by another vicsim build (its `git_hash`, so that results of two model
 * versions never mix) or one whose fingerprint differs (`mismatch` says what changed); with `force`
 * removes it. Sets `resume` when an earlier run of the same inputs can be continued. Returns 0 or 2. */
int open_resumable_directory(const std::filesystem::path& dir, const std::string& manifest_name,
                             const std::string& fingerprint, bool force, const std::string& mismatch,
                             bool& resume);

/** @brief What went wrong, from a child's log: its first "error:" line, else its last non-empty line. */
std::string log_summary(const std::filesystem::path& log);

}  // namespace vicsim::app

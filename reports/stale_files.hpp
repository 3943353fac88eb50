#pragma once
/** @file Cleaning up after writers that died without tidying (SIGKILL, power loss): their hidden staging
 * entries are named PREFIX + PID, and are removed once that process is gone. */
#include <filesystem>
#include <string>

namespace vicsim::reports {

/** @brief True when no process with this pid exists (kill(pid, 0) fails with ESRCH) or it is a zombie. */
bool process_is_gone(long pid);

/** @brief Removes the entries of `dir` named `prefix` + PID whose process is gone; never this process's
 * own. Errors are ignored (the entry stays). Returns how many were removed. */
std::size_t remove_stale_entries(const std::filesystem::path& dir, const std::string& prefix);

}  // namespace vicsim::reports

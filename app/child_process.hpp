#pragma once
/** @file Child processes for the sweep: each run is `vicsim run` in its own process, because SimGrid
 * allows one Engine per process (BRIEF §3). Children die with their parent (PR_SET_PDEATHSIG), so a
 * killed sweep leaves no run behind writing into its directory. */
#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace vicsim::app {

/** @brief How a child ended. */
struct ChildExit {
  int code = 0;    ///< exit code when it exited
  int signal = 0;  ///< the signal that killed it, or 0
  bool ok() const { return signal == 0 && code == 0; }
  /** @brief "exit code 2" or "killed by signal 9 (Killed)". */
  std::string describe() const;
};

/**
 * @brief Starts `exe args...` with stdout and stderr going to `log` (created or truncated) and the
 * MPI launcher's variables removed from its environment. Throws std::system_error if it cannot.
 */
pid_t spawn_child(const std::string& exe, const std::vector<std::string>& args,
                  const std::filesystem::path& log);

/** @brief The child's exit if it has ended (reaps it), without blocking. */
std::optional<ChildExit> poll_child(pid_t pid);

/** @brief Sends SIGTERM, then SIGKILL after `grace_ms`, and reaps the child. */
void stop_child(pid_t pid, int grace_ms = 2000);

}  // namespace vicsim::app

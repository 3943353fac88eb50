#pragma once
/** @file An optional MPI session for `vicsim sweep`. MPI is initialised only when the process was
 * started by an MPI launcher (mpirun, srun: detected from its environment) and vicsim was built with
 * MPI; otherwise the session is a single rank and every call is a no-op. */
#include <optional>
#include <string>
#include <utility>

namespace vicsim::app {

class MpiSession {
 public:
  /** @brief Message tags between ranks. */
  enum Tag : int { Record = 1, Done = 2 };

  MpiSession();
  ~MpiSession();  ///< MPI_Finalize when MPI was initialised
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  /** @brief Whether an MPI launcher started this process (whatever the build). */
  static bool launched_by_mpi();
  /** @brief Whether vicsim was built with MPI. */
  static bool built_with_mpi();

  bool active() const { return active_; }
  int rank() const { return rank_; }
  int size() const { return size_; }

  /** @brief Rank 0's `data` replaces every other rank's. */
  void broadcast(std::string& data) const;
  /** @brief Sends `data` to rank 0 (blocking until buffered). */
  void send_to_root(Tag tag, const std::string& data) const;
  /** @brief On rank 0: a message that has arrived from any rank, if any (non-blocking). */
  std::optional<std::pair<Tag, std::string>> poll() const;
  /** @brief Waits for every rank. */
  void barrier() const;
  /** @brief Ends every rank with this exit code. */
  [[noreturn]] void abort(int code) const;

 private:
  bool active_ = false;
  int rank_ = 0, size_ = 1;
};

}  // namespace vicsim::app

#pragma once
/** @file An optional MPI session for `vicsim sweep`. MPI is used only when the process was started by an
 * MPI launcher (mpirun, srun: detected from its environment); the MPI calls live in the module
 * libvicsim_mpi.so beside the executable, loaded at run time, so vicsim needs no MPI to run otherwise.
 * Without MPI the session is a single rank and every call is a no-op. */
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace vicsim::app {

/** @brief Thrown when an MPI launcher started vicsim but the MPI module cannot be loaded. */
struct MpiUnavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class MpiSession {
 public:
  /** @brief Message tags between ranks. */
  enum Tag : int { Record = 1, Done = 2 };

  /** @brief Initialises MPI if an MPI launcher started this process; throws MpiUnavailable if it did
   * but the module or Open MPI cannot be loaded. */
  MpiSession();
  ~MpiSession();  ///< MPI_Finalize when MPI was initialised
  MpiSession(const MpiSession&) = delete;
  MpiSession& operator=(const MpiSession&) = delete;

  /** @brief Whether an MPI launcher started this process. */
  static bool launched_by_mpi();

  bool active() const { return api_ != nullptr; }
  int rank() const { return rank_; }
  int size() const { return size_; }

  /** @brief Rank 0's `data` replaces every other rank's. */
  void broadcast(std::string& data) const;
  /** @brief Sends `data` to rank 0. */
  void send_to_root(Tag tag, const std::string& data) const;
  /** @brief On rank 0: a message that has arrived from any rank, if any (non-blocking). */
  std::optional<std::pair<Tag, std::string>> poll() const;
  /** @brief Waits for every rank. */
  void barrier() const;
  /** @brief Ends every rank with this exit code. */
  [[noreturn]] void abort(int code) const;

 private:
  struct Api;
  Api* api_ = nullptr;
  void* module_ = nullptr;
  int rank_ = 0, size_ = 1;
};

}  // namespace vicsim::app

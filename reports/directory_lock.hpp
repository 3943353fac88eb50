#pragma once
/** @file An exclusive lock on an output location, so two writers (run, compare, sweep) never write one
 * directory at once. The lock is flock(2) on a hidden sibling file `.NAME.lock` that records the holder's
 * pid and command line; the kernel releases it when the holder exits, however it dies. */
#include <filesystem>

#include "reports/output_error.hpp"

namespace vicsim::reports {

/** @brief Holds the lock on `target` for the object's lifetime; the lock file is removed on release. */
class DirectoryLock {
 public:
  /** @brief Takes the lock without waiting. Throws OutputError naming the holder (pid and command) when
   * another process holds it, or naming the lock file when it cannot be created. The parent of `target`
   * must exist. */
  explicit DirectoryLock(const std::filesystem::path& target);
  ~DirectoryLock();
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;

  /** @brief The lock file of `target`: `.NAME.lock` beside it. */
  static std::filesystem::path lock_file(const std::filesystem::path& target);

 private:
  std::filesystem::path file_;
  int fd_ = -1;
};

}  // namespace vicsim::reports

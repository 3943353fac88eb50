#pragma once
/** @file An output directory written atomically: everything goes to a hidden sibling directory that
 * is renamed into place only on commit(), so a failed or interrupted run never leaves a directory
 * that looks complete, and an existing directory is replaced only when the new one is whole. The
 * directory is locked (DirectoryLock) from construction to destruction, so a second writer is refused;
 * staging left by writers that were killed is cleaned up by the next one. */
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "reports/directory_lock.hpp"
#include "reports/output_error.hpp"

namespace vicsim::reports {

/** @brief Thrown when the target exists and may not be replaced, is locked, or cannot be created. */
struct OutputDirectoryError : OutputError {
  using OutputError::OutputError;
};

class OutputDirectory {
 public:
  /** @brief Locks `target` and prepares a staging directory beside it. `target` may be given with a trailing
   * "/" or "/." ("out/." is "out"). Throws if `target` is a non-empty directory or a file and `replace` is
   * false, if it is the current directory or one of its ancestors, if replacing it would delete one of the
   * command's `inputs` (files it reads, e.g. the scenario), or if another process holds the lock. */
  OutputDirectory(std::filesystem::path target, bool replace,
                  const std::vector<std::filesystem::path>& inputs = {});
  ~OutputDirectory();  ///< removes the staging directory unless committed
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;

  /** @brief True if `path` is `dir` or lies below it (both normalised first). */
  static bool within(const std::filesystem::path& path, const std::filesystem::path& dir);

  /** @brief Where to write files now. */
  const std::filesystem::path& staging() const { return staging_; }
  /** @brief The directory that commit() creates (normalised). */
  const std::filesystem::path& target() const { return target_; }
  /** @brief Moves the finished directory into place (replacing the old one if allowed); throws
   * OutputDirectoryError naming the path if it cannot. */
  void commit();
  /** @brief Removes the staging directory now (also safe from a signal-driven shutdown path). */
  void abandon();

  /** @brief `p` made absolute and normal, without a trailing "/" or "/.": the form commit() can rename onto.
   */
  static std::filesystem::path normalise(const std::filesystem::path& p);

 private:
  std::filesystem::path target_, staging_;
  std::unique_ptr<DirectoryLock> lock_;
  bool replace_ = false, done_ = false;
};

}  // namespace vicsim::reports

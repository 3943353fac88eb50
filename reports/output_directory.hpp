#pragma once
/** @file An output directory written atomically: everything goes to a hidden sibling directory that
 * is renamed into place only on commit(), so a failed or interrupted run never leaves a directory
 * that looks complete, and an existing directory is replaced only when the new one is whole. */
#include <filesystem>
#include <string>

namespace vicsim::reports {

/** @brief Thrown when the target exists and may not be replaced, or cannot be created. */
struct OutputDirectoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class OutputDirectory {
 public:
  /** @brief Prepares a staging directory beside `target`. Throws if `target` is a non-empty directory
   * or a file and `replace` is false. */
  OutputDirectory(std::filesystem::path target, bool replace);
  ~OutputDirectory();  ///< removes the staging directory unless committed
  OutputDirectory(const OutputDirectory&) = delete;
  OutputDirectory& operator=(const OutputDirectory&) = delete;

  /** @brief Where to write files now. */
  const std::filesystem::path& staging() const { return staging_; }
  /** @brief Moves the finished directory into place (replacing the old one if allowed). */
  void commit();
  /** @brief Removes the staging directory now (also safe from a signal-driven shutdown path). */
  void abandon();

 private:
  std::filesystem::path target_, staging_;
  bool replace_ = false, done_ = false;
};

}  // namespace vicsim::reports

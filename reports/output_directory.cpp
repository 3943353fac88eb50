#include "reports/output_directory.hpp"

#include <unistd.h>

namespace vicsim::reports {

namespace fs = std::filesystem;

OutputDirectory::OutputDirectory(fs::path target, bool replace)
    : target_(std::move(target)), replace_(replace) {
  if (target_.has_filename() == false) target_ = target_.parent_path();
  std::error_code ec;
  if (fs::exists(target_, ec)) {
    if (!fs::is_directory(target_))
      throw OutputDirectoryError(target_.string() + ": exists and is not a directory");
    if (!fs::is_empty(target_) && !replace_)
      throw OutputDirectoryError(target_.string() +
                                 ": directory exists and is not empty (use --force to replace it)");
  }
  const fs::path parent = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
  fs::create_directories(parent, ec);
  if (ec) throw OutputDirectoryError(parent.string() + ": cannot create directory: " + ec.message());
  staging_ = parent / ("." + target_.filename().string() + ".tmp-" + std::to_string(::getpid()));
  fs::remove_all(staging_, ec);
  fs::create_directories(staging_, ec);
  if (ec) throw OutputDirectoryError(staging_.string() + ": cannot create directory: " + ec.message());
}

OutputDirectory::~OutputDirectory() { abandon(); }

void OutputDirectory::abandon() {
  if (done_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);
  done_ = true;
}

void OutputDirectory::commit() {
  if (done_) return;
  const fs::path old =
      target_.parent_path() / ("." + target_.filename().string() + ".old-" + std::to_string(::getpid()));
  const bool had_old = fs::exists(target_);
  if (had_old) fs::rename(target_, old);  // keep the old one until the new one is in place
  try {
    fs::rename(staging_, target_);
  } catch (...) {
    if (had_old) fs::rename(old, target_);
    throw;
  }
  done_ = true;
  if (had_old) fs::remove_all(old);
}

}  // namespace vicsim::reports

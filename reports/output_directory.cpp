#include "reports/output_directory.hpp"

#include <unistd.h>

#include "reports/stale_files.hpp"

namespace vicsim::reports {

namespace fs = std::filesystem;

fs::path OutputDirectory::normalise(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  if (ec) a = p;
  a = a.lexically_normal();
  while (!a.has_filename() && a.has_parent_path() && a != a.parent_path()) a = a.parent_path();
  return a;
}

bool OutputDirectory::within(const fs::path& path, const fs::path& dir) {
  const fs::path rel = normalise(path).lexically_relative(normalise(dir));
  return !rel.empty() && rel.native().rfind("..", 0) != 0;
}

OutputDirectory::OutputDirectory(fs::path target, bool replace, const std::vector<fs::path>& inputs)
    : target_(normalise(target)), replace_(replace) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!target_.has_filename() || (!ec && within(cwd, target_)))
    throw OutputDirectoryError(target.string() +
                               ": is the current directory or one of its parents; choose a new directory");
  if (fs::exists(target_, ec)) {
    if (!fs::is_directory(target_, ec))
      throw OutputDirectoryError(target_.string() + ": exists and is not a directory");
    if (!fs::is_empty(target_, ec) && !replace_)
      throw OutputDirectoryError(target_.string() +
                                 ": directory exists and is not empty (use --force to replace it)");
  }
  // Replacing the directory deletes everything in it: never an input the command is still reading from.
  for (const auto& in : inputs) {
    if (within(in, target_) && fs::exists(target_, ec))
      throw OutputDirectoryError(target_.string() + ": holds " + in.string() +
                                 ", an input of this command, which replacing the directory would delete; "
                                 "choose another --out");
  }
  const fs::path parent = target_.parent_path();
  fs::create_directories(parent, ec);
  if (ec) throw OutputDirectoryError(parent.string() + ": cannot create directory: " + ec.message());
  lock_ = std::make_unique<DirectoryLock>(target_);
  // Staging of writers that were killed: only a dead process's (and we hold the lock, so no live writer
  // of this directory exists). A killed commit may have left the old directory aside: put it back.
  const std::string name = target_.filename().string();
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string entry = it->path().filename().string();
    const std::string old_prefix = "." + name + ".old-";
    if (entry.rfind(old_prefix, 0) == 0 && !fs::exists(target_)) {
      const std::string pid = entry.substr(old_prefix.size());
      if (pid.find_first_not_of("0123456789") == std::string::npos && pid.size() < 10 &&
          process_is_gone(std::stol(pid))) {
        std::error_code mv;
        fs::rename(it->path(), target_, mv);
      }
    }
  }
  remove_stale_entries(parent, "." + name + ".tmp-");
  remove_stale_entries(parent, "." + name + ".old-");
  staging_ = parent / ("." + name + ".tmp-" + std::to_string(::getpid()));
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
  std::error_code ec;
  const bool had_old = fs::exists(target_, ec);
  if (had_old) {
    fs::rename(target_, old, ec);  // keep the old one until the new one is in place
    if (ec)
      throw OutputDirectoryError(target_.string() + ": cannot move the old directory aside: " + ec.message());
  }
  fs::rename(staging_, target_, ec);
  if (ec) {
    std::error_code back;
    if (had_old) fs::rename(old, target_, back);
    throw OutputDirectoryError(target_.string() +
                               ": cannot move the finished directory into place: " + ec.message());
  }
  done_ = true;
  if (had_old) fs::remove_all(old, ec);
}

}  // namespace vicsim::reports

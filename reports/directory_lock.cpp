#include "reports/directory_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace vicsim::reports {

namespace fs = std::filesystem;

namespace {

/** "pid 123: vicsim run a.json --out x", from /proc. */
std::string holder_text() {
  std::ifstream in("/proc/self/cmdline", std::ios::binary);
  std::string cmd((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  for (char& c : cmd)
    if (c == '\0') c = ' ';
  while (!cmd.empty() && cmd.back() == ' ') cmd.pop_back();
  if (cmd.size() > 300) cmd = cmd.substr(0, 297) + "...";
  return "pid " + std::to_string(::getpid()) + ": " + cmd;
}

}  // namespace

fs::path DirectoryLock::lock_file(const fs::path& target) {
  return target.parent_path() / ("." + target.filename().string() + ".lock");
}

DirectoryLock::DirectoryLock(const fs::path& target) : file_(lock_file(target)) {
  // The holder removes the file on release, so a lock taken on a file that was just unlinked is worthless:
  // retry until the locked file is the one at the path.
  for (int attempt = 0; attempt < 100; ++attempt) {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0)
      throw OutputError(target.string() + ": cannot create the lock file " + file_.string() + ": " +
                        std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      const int err = errno;
      std::string holder;
      char buf[512];
      const ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
      if (n > 0) holder.assign(buf, static_cast<std::size_t>(n));
      while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
      ::close(fd_);
      fd_ = -1;
      if (err == EWOULDBLOCK)
        throw OutputError(target.string() + ": in use by another vicsim (" +
                          (holder.empty() ? "holder unknown" : holder) +
                          "); wait for it to finish or choose another output directory");
      throw OutputError(target.string() + ": cannot lock " + file_.string() + ": " + std::strerror(err));
    }
    struct stat by_fd {
    }, by_path{};
    if (::fstat(fd_, &by_fd) == 0 && ::stat(file_.c_str(), &by_path) == 0 && by_fd.st_ino == by_path.st_ino &&
        by_fd.st_dev == by_path.st_dev) {
      const std::string me = holder_text() + "\n";
      if (::ftruncate(fd_, 0) == 0) {
        [[maybe_unused]] const ssize_t w = ::pwrite(fd_, me.data(), me.size(), 0);
      }
      return;
    }
    ::close(fd_);
    fd_ = -1;
  }
  throw OutputError(target.string() + ": cannot lock " + file_.string() + ": it keeps being replaced");
}

DirectoryLock::~DirectoryLock() {
  if (fd_ < 0) return;
  ::unlink(file_.c_str());  // while still holding the lock: a waiter re-checks the inode
  ::close(fd_);
}

}  // namespace vicsim::reports

#include "reports/drop_behind_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "reports/output_error.hpp"

namespace vicsim::reports {

namespace {

constexpr std::size_t kBufferBytes = std::size_t{1} << 20;  // small puts are gathered into one write()

/** What to ask the kernel about one file, on a descriptor the hint owns. A range [from, to) with from = to
 * = 0 is the whole file (both calls read a length of 0 as "to the end"). */
struct PageHint {
  int fd = -1;
  bool start = false;  ///< start writing back [start_from, start_to)
  long long start_from = 0, start_to = 0;
  bool drop = false;  ///< wait until [drop_from, drop_to) is written back, then drop its pages
  long long drop_from = 0, drop_to = 0;
};

/**
 * Runs page-cache hints on a thread of its own, in the order they were posted. Starting write-back and
 * dropping pages is work for the kernel in the calling thread (tens of milliseconds per 64 MiB window); on
 * the writer's thread it cost more at 100k firms than the reused pages saved (docs/PERFORMANCE.md, session
 * 45). A hint changes no byte of any file, so when it runs does not matter.
 */
class PageHintThread {
 public:
  static PageHintThread& instance() {
    static PageHintThread t;
    return t;
  }
  void post(const PageHint& h) {
    {
      const std::lock_guard lock(mutex_);
      queue_.push_back(h);
    }
    ready_.notify_one();
  }
  ~PageHintThread() {
    {
      const std::lock_guard lock(mutex_);
      stop_ = true;
    }
    ready_.notify_one();
    thread_.join();  // after what is queued: each hint closes its descriptor
  }
  PageHintThread(const PageHintThread&) = delete;
  PageHintThread& operator=(const PageHintThread&) = delete;

 private:
  PageHintThread() : thread_([this] { run(); }) {}
  void run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      ready_.wait(lock, [this] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing is left
      const PageHint h = queue_.front();
      queue_.pop_front();
      lock.unlock();
      apply(h);
      lock.lock();
    }
  }
  static void apply(const PageHint& h) {
    if (h.start) ::sync_file_range(h.fd, h.start_from, h.start_to - h.start_from, SYNC_FILE_RANGE_WRITE);
    if (h.drop) {
      const long long length = h.drop_to - h.drop_from;
      ::sync_file_range(h.fd, h.drop_from, length,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
      ::posix_fadvise(h.fd, h.drop_from, length, POSIX_FADV_DONTNEED);
    }
    ::close(h.fd);
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<PageHint> queue_;
  bool stop_ = false;
  std::thread thread_;  // declared last: started once the members it uses exist
};

/** Posts h on a duplicate of fd, so the caller may close its own at once; nothing if there is none. */
void post_hint(int fd, PageHint h) {
  h.fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (h.fd >= 0) PageHintThread::instance().post(h);
}

}  // namespace

void drop_cached_pages(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  PageHint h;
  h.drop = true;  // the whole file
  post_hint(fd, h);
  ::close(fd);
}

DropBehindFile::DropBehindFile(const std::filesystem::path& path, std::size_t window)
    : path_(path), window_(std::max<std::size_t>(window, 1)), buffer_(kBufferBytes) {
  fd_ = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) throw OutputError(path.string() + ": cannot create a file there: " + std::strerror(errno));
  setp(buffer_.data(), buffer_.data() + buffer_.size());
}

DropBehindFile::~DropBehindFile() {
  if (fd_ < 0) return;
  flush_buffer();
  ::close(fd_);
}

void DropBehindFile::close() {
  if (fd_ < 0) return;
  flush_buffer();
  // Start writing the tail back; its pages (under two windows) stay cached until drop_cached_pages.
  if (error_ == 0 && written_ > started_) {
    PageHint h;
    h.start = true;
    h.start_from = started_;
    h.start_to = written_;
    post_hint(fd_, h);
  }
  if (::close(fd_) != 0 && error_ == 0) error_ = errno;
  fd_ = -1;
  if (error_ != 0) throw OutputError(path_.string() + ": write failed: " + std::strerror(error_));
}

DropBehindFile::int_type DropBehindFile::overflow(int_type c) {
  if (!flush_buffer()) return traits_type::eof();
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  *pptr() = traits_type::to_char_type(c);
  pbump(1);
  return c;
}

std::streamsize DropBehindFile::xsputn(const char* s, std::streamsize n) {
  const auto size = static_cast<std::size_t>(n);
  const auto room = static_cast<std::size_t>(epptr() - pptr());
  if (size <= room) {
    std::memcpy(pptr(), s, size);
    pbump(static_cast<int>(size));
    return n;
  }
  // Large pieces (the GraphML writer's chunks) go to the kernel without a copy into the buffer.
  if (!flush_buffer()) return 0;
  if (size >= buffer_.size()) return write_all(s, size) ? n : 0;
  std::memcpy(pptr(), s, size);
  pbump(static_cast<int>(size));
  return n;
}

int DropBehindFile::sync() { return flush_buffer() ? 0 : -1; }

bool DropBehindFile::flush_buffer() {
  const auto n = static_cast<std::size_t>(pptr() - pbase());
  setp(buffer_.data(), buffer_.data() + buffer_.size());
  return write_all(buffer_.data(), n);
}

bool DropBehindFile::write_all(const char* s, std::size_t n) {
  if (error_ != 0) return false;
  while (n > 0) {
    const ssize_t k = ::write(fd_, s, n);
    if (k < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      return false;
    }
    s += k;
    n -= static_cast<std::size_t>(k);
    written_ += k;
  }
  drop_behind();
  return true;
}

void DropBehindFile::drop_behind() {
  if (written_ - started_ < static_cast<long long>(window_)) return;
  // Start the write-back of the window just filled; wait for the one before it (long since started, so
  // usually done) and drop its pages: the next windows reuse them. Hints only, run on the hint thread; where
  // the file system does not support them, the file is still written in full.
  PageHint h;
  h.start = true;
  h.start_from = started_;
  h.start_to = written_;
  h.drop = started_ > dropped_;
  h.drop_from = dropped_;
  h.drop_to = started_;
  post_hint(fd_, h);
  dropped_ = started_;
  started_ = written_;
}

}  // namespace vicsim::reports

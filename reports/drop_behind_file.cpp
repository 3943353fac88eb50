#include "reports/drop_behind_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "reports/output_error.hpp"

namespace vicsim::reports {

namespace {
constexpr std::size_t kBufferBytes = std::size_t{1} << 20;  // small puts are gathered into one write()
}

void drop_cached_pages(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
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
  // Start writing the tail back; its pages (under two windows) stay cached, so close() does not wait for
  // disk.
  if (error_ == 0 && written_ > started_)
    ::sync_file_range(fd_, started_, written_ - started_, SYNC_FILE_RANGE_WRITE);
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
  // Start the write-back of the window just filled, then wait for the one before it (long since started, so
  // usually done) and drop its pages: the next windows reuse them. Both calls are hints; where the file
  // system does not support them, the file is still written in full.
  ::sync_file_range(fd_, started_, written_ - started_, SYNC_FILE_RANGE_WRITE);
  if (started_ > dropped_) {
    ::sync_file_range(fd_, dropped_, started_ - dropped_,
                      SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
    ::posix_fadvise(fd_, dropped_, started_ - dropped_, POSIX_FADV_DONTNEED);
    dropped_ = started_;
  }
  started_ = written_;
}

}  // namespace vicsim::reports

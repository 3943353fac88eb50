#pragma once
/** @file An output file for large write-once text (GraphML snapshots): the kernel is asked to write each
 * finished window of the file to disk and then drop its pages, so the page cache holds about two windows of
 * the file instead of all of it. The requests run on a thread of their own, off the writer's path.
 *
 * Why: a 1M-firm run writes 12.6 GB of snapshots. Each page of page cache they fill is a fresh page; on a VM
 * whose balloon reports free pages to the host (free page reporting), every fresh page is a host fault, and
 * buffered writes ran at 0.42 GB/s against 2.0 GB/s when the same pages were reused (docs/PERFORMANCE.md,
 * session 45). On any machine it also keeps snapshots nobody rereads during the run from evicting other
 * cache. The bytes written are exactly those put into the stream. */
#include <cstddef>
#include <filesystem>
#include <streambuf>
#include <vector>

namespace vicsim::reports {

/** @brief Asks the kernel (on the hint thread) to write back the cached pages of `path` and drop them (a
 * hint: errors are ignored). Called on the previous snapshot before the next is written, so the next one's
 * pages are the ones just freed, not fresh pages. */
void drop_cached_pages(const std::filesystem::path& path);

/** @brief A std::streambuf over a file that writes back and drops every full window behind the writer. */
class DropBehindFile : public std::streambuf {
 public:
  /** Default window: the unit of the write-back requests; about two windows of the file stay cached. */
  static constexpr std::size_t kDefaultWindow = std::size_t{64} << 20;

  /** Creates (or truncates) `path`; throws OutputError naming it when it cannot be created. */
  explicit DropBehindFile(const std::filesystem::path& path, std::size_t window = kDefaultWindow);
  ~DropBehindFile() override;  ///< closes the file if close() was not called; errors are then lost
  DropBehindFile(const DropBehindFile&) = delete;
  DropBehindFile& operator=(const DropBehindFile&) = delete;

  /** Writes what is buffered and closes the file; throws OutputError naming the path and the reason when any
   * write failed (then the stream that used this buffer has its badbit set as well). */
  void close();

  /** Bytes handed to the kernel so far. */
  std::size_t written() const { return static_cast<std::size_t>(written_); }

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  bool flush_buffer();
  bool write_all(const char* s, std::size_t n);
  void drop_behind();

  std::filesystem::path path_;
  int fd_ = -1;
  int error_ = 0;  ///< errno of the first failed write, 0 if none
  std::size_t window_;
  std::vector<char> buffer_;
  long long written_ = 0;  ///< file offset reached
  long long started_ = 0;  ///< write-back started for [dropped_, started_)
  long long dropped_ = 0;  ///< pages before this offset were written back and dropped
};

}  // namespace vicsim::reports

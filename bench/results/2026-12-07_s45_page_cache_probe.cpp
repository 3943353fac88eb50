// Session 45 probe (docs/PERFORMANCE.md): writes N MiB (second argument) to /work/rollt in 4 MiB write()s,
// buffered ("plain") or with each 64 MiB window written back and dropped one window later ("roll"). Not part
// of the build:
//   g++ -O2 -o probe bench/results/2026-12-07_s45_page_cache_probe.cpp && ./probe roll 3000 && rm /work/rollt
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>
int main(int argc, char** argv) {
  std::string mode = argv[1];
  long total = atol(argv[2]) << 20, window = (argc > 3 ? atol(argv[3]) : 64) << 20;
  std::vector<char> buf(4 << 20, 'x');
  int fd = open("/work/rollt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  auto t0 = std::chrono::steady_clock::now();
  long off = 0, started = 0, dropped = 0;
  while (off < total) {
    off += write(fd, buf.data(), buf.size());
    if (mode == "roll" && off - started >= window) {
      sync_file_range(fd, started, off - started, SYNC_FILE_RANGE_WRITE);
      if (started - dropped >= window) {
        sync_file_range(fd, dropped, started - dropped,
                        SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER);
        posix_fadvise(fd, dropped, started - dropped, POSIX_FADV_DONTNEED);
        dropped = started;
      }
      started = off;
    }
  }
  close(fd);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  printf("%s %.2f s wall %.2f GB/s\n", mode.c_str(), s, total / s / 1e9);
}

#include "app/allocator_policy.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc
#include <cstring>
#include <fstream>
#if defined(__GLIBC__)
#include <malloc.h>
#include <unistd.h>
#endif
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif

namespace vicsim::app {

namespace {

constexpr const char* kTunables = "GLIBC_TUNABLES";
constexpr const char* kHugeHeap = "glibc.malloc.hugetlb=1";

/** The kernel's THP mode, the bracketed word of /sys/kernel/mm/transparent_hugepage/enabled ("" if none). */
std::string thp_mode() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string word;
  while (in >> word)
    if (word.size() > 2 && word.front() == '[' && word.back() == ']') return word.substr(1, word.size() - 2);
  return "";
}

bool under_valgrind() {
#if defined(RUNNING_ON_VALGRIND)
  return RUNNING_ON_VALGRIND != 0;
#else
  // Built without valgrind's header: its preloaded core is the sign.
  const char* preload = std::getenv("LD_PRELOAD");
  return preload && std::strstr(preload, "vgpreload");
#endif
}

constexpr bool sanitized() {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
  return true;
#else
  return false;
#endif
#else
  return false;
#endif
}

/** GLIBC_TUNABLES names the huge-page tunable (set by us, or by the user, either way). */
bool tunable_named() {
  const char* t = std::getenv(kTunables);
  return t && std::strstr(t, "glibc.malloc.hugetlb=");
}

}  // namespace

void use_own_mappings_for_large_buffers() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes);  // a fixed threshold also stops glibc's dynamic raising
#endif
}

void reexec_with_huge_page_heap(char** argv) {
#if defined(__GLIBC__) && defined(__linux__)
  if (sanitized() || under_valgrind() || tunable_named() || thp_mode() != "madvise") return;
  const char* old = std::getenv(kTunables);
  const std::string value = old && *old ? std::string(old) + ":" + kHugeHeap : std::string(kHugeHeap);
  if (::setenv(kTunables, value.c_str(), 1) != 0) return;
  ::execv("/proc/self/exe", argv);  // returns only on failure: run on as we are
  if (old)
    ::setenv(kTunables, old, 1);
  else
    ::unsetenv(kTunables);
#else
  (void)argv;
#endif
}

std::string heap_page_policy() {
  const std::string mode = thp_mode();
  const char* t = std::getenv(kTunables);
  const bool on = t && std::strstr(t, kHugeHeap);
  if (mode == "always") return "heap on transparent huge pages (kernel THP mode always)";
  if (mode.empty()) return "heap on 4 KiB pages (no transparent huge pages in this kernel)";
  if (mode == "never") return "heap on 4 KiB pages (kernel THP mode never)";
  if (on) return "heap on transparent huge pages (GLIBC_TUNABLES glibc.malloc.hugetlb=1, THP mode madvise)";
  if (tunable_named()) return "heap on 4 KiB pages (GLIBC_TUNABLES sets glibc.malloc.hugetlb otherwise)";
  return "heap on 4 KiB pages (no re-execution with glibc.malloc.hugetlb=1: valgrind, a sanitizer or exec "
         "failed)";
}

}  // namespace vicsim::app

#pragma once
/** @file How the process asks glibc's allocator for memory: large buffers in their own mappings
 * (docs/PERFORMANCE.md, "Where it stands (2026-12-04, session 18)", change 2) and the heap on transparent
 * huge pages (docs/PERFORMANCE.md, "Session 39"). */
#include <string>

namespace vicsim::app {

/** @brief Buffers of at least this many bytes get their own mapping, returned to the system when freed. */
inline constexpr int kOwnMappingBytes = 1 << 20;

/**
 * @brief Gives every buffer of kOwnMappingBytes or more its own mapping (glibc's M_MMAP_THRESHOLD), instead
 * of the default threshold that rises to 32 MiB after the first large free. The model's per-tick buffers grow
 * with the population every month; from the heap, each month's slightly larger ones could not reuse the
 * last month's freed blocks, which stayed resident. Changes no result, only where memory comes from. A no-op
 * off glibc.
 */
void use_own_mappings_for_large_buffers();

/**
 * @brief Re-executes the program (same arguments, same process id) with GLIBC_TUNABLES extended by
 * `glibc.malloc.hugetlb=1`, so that glibc asks the kernel for transparent huge pages on the heap: with
 * millions of firms the model's scattered reads of firm arrays and tie records miss the TLB less
 * (−5.6% of wall time at 1M firms, docs/PERFORMANCE.md "Session 39"). glibc reads the tunable only at
 * start-up, hence the re-execution. Returns (does nothing) when the kernel's THP mode is not `madvise` (under
 * `always` the heap has them already, under `never` it cannot), when GLIBC_TUNABLES already names the tunable
 * (the user's choice: `glibc.malloc.hugetlb=0` opts out), under valgrind (it would run the re-executed
 * program outside the tool) or a sanitizer (its own allocator ignores the tunable), off glibc, or when the
 * re-execution fails. Changes no result, only the pages memory sits on. Call first in main().
 */
void reexec_with_huge_page_heap(char** argv);

/** @brief One line for reports (vicsim bench): whether this process's heap asks for huge pages, and why. */
std::string heap_page_policy();

}  // namespace vicsim::app

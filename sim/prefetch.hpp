#pragma once
/** @file A cache prefetch hint that the compiler keeps. */

namespace vicsim::sim {

/** @brief Starts loading the cache line at p. A hint only: it reads and changes no value.
 *
 * Not `__builtin_prefetch`: GCC treats it as free of side effects and, since C++ loops may be assumed to
 * finish (-ffinite-loops, the default from -O2), deletes a loop whose body is only prefetches, so every
 * "prefetch the partners" loop compiled to nothing. A volatile asm is kept. */
inline void prefetch(const void* p) {
#if defined(__x86_64__) || defined(__i386__)
  asm volatile("prefetcht0 %0" : : "m"(*static_cast<const char*>(p)));
#else
  __builtin_prefetch(p);
#endif
}

}  // namespace vicsim::sim

#pragma once
/** @file How the process asks glibc's allocator for large buffers (docs/PERFORMANCE.md, "Where it stands
 * (2026-12-04, session 18)", change 2). */

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

}  // namespace vicsim::app

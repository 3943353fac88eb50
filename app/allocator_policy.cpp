#include "app/allocator_policy.hpp"

#include <cstdlib>  // defines __GLIBC__ on glibc
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vicsim::app {

void use_own_mappings_for_large_buffers() {
#if defined(__GLIBC__)
  mallopt(M_MMAP_THRESHOLD, kOwnMappingBytes);  // a fixed threshold also stops glibc's dynamic raising
#endif
}

}  // namespace vicsim::app

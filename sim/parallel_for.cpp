#include "sim/parallel_for.hpp"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <array>
#include <mutex>

namespace vicsim::sim::detail {

namespace {

/** One arena per thread count, created on first use and kept for the process: worker threads are started
 * once, not on every loop (the std::thread version started and joined them at every call). */
tbb::task_arena& arena_for(unsigned threads) {
  static std::mutex m;
  // Never destroyed (still reachable at exit): no ordering issue with oneTBB's own teardown.
  static std::array<tbb::task_arena*, 257> arenas{};
  // More workers than cores would only time-slice (and oneTBB warns); worker indices stay below `threads`.
  const auto cores = static_cast<unsigned>(std::max(1, tbb::info::default_concurrency()));
  const unsigned t = std::clamp(threads, 1u, std::min(256u, cores));
  std::lock_guard lock(m);
  if (!arenas[t]) arenas[t] = new tbb::task_arena(static_cast<int>(t));
  return *arenas[t];
}

}  // namespace

void run_parallel(std::size_t n, std::size_t grain, unsigned threads, RangeBody body, void* ctx) {
  tbb::task_arena& arena = arena_for(threads);
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, std::max<std::size_t>(1, grain)),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        const int w = tbb::this_task_arena::current_thread_index();
                        body(ctx, r.begin(), r.end(), w < 0 ? 0 : static_cast<std::size_t>(w));
                      });
  });
}

}  // namespace vicsim::sim::detail

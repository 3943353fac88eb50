#pragma once
/** @file Static-chunked parallel loop. Callers only write to per-index slots, so the result
 * is identical for any thread count. */
#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace vicsim::sim {

/** @brief Calls fn(i) for i in [0, n) on up to `threads` threads. fn must only write slot i. */
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
  if (threads <= 1 || n < 2048) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  const std::size_t t = std::min<std::size_t>(threads, n);
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  auto chunk = [&](std::size_t k) {
    const std::size_t lo = n * k / t, hi = n * (k + 1) / t;
    for (std::size_t i = lo; i < hi; ++i) fn(i);
  };
  for (std::size_t k = 1; k < t; ++k) pool.emplace_back(chunk, k);
  chunk(0);
  for (auto& th : pool) th.join();
}

}  // namespace vicsim::sim

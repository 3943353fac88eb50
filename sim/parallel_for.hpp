#pragma once
/** @file Static-chunked parallel loops. Callers only write to per-index (or per-chunk) slots, so the
 * result is identical for any thread count. */
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

/** @brief The number of fixed-size chunks covering [0, n); chunk boundaries never depend on threads. */
inline std::size_t chunk_count(std::size_t n, std::size_t chunk) { return (n + chunk - 1) / chunk; }

/**
 * @brief Calls fn(chunk, worker) for every chunk in [0, n_chunks) on up to `threads` threads; worker w
 * takes chunks w, w+t, w+2t, … (round robin, so uneven chunks spread). fn may write only its chunk's
 * slots and its worker's scratch; callers that combine per-chunk partial results in chunk order get the
 * same bytes for any thread count.
 */
template <class Fn>
void parallel_chunks(std::size_t n_chunks, unsigned threads, Fn&& fn) {
  const std::size_t t = std::max<std::size_t>(1, std::min<std::size_t>(threads, n_chunks));
  auto worker = [&](std::size_t w) {
    for (std::size_t k = w; k < n_chunks; k += t) fn(k, w);
  };
  if (t == 1) {
    worker(0);
    return;
  }
  std::vector<std::thread> pool;
  pool.reserve(t - 1);
  for (std::size_t w = 1; w < t; ++w) pool.emplace_back(worker, w);
  worker(0);
  for (auto& th : pool) th.join();
}

}  // namespace vicsim::sim

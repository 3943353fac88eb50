#pragma once
/** @file Parallel loops on a persistent oneTBB arena (sim/parallel_for.cpp). Callers only write to
 * per-index (or per-chunk) slots and combine partial results in index (chunk) order, so the result is
 * identical for any thread count and any scheduling. */
#include <cstddef>
#include <type_traits>

namespace vicsim::sim {

namespace detail {
/** @brief Body of a parallel loop: calls the caller's functor on [lo, hi) with the worker index. */
using RangeBody = void (*)(void* ctx, std::size_t lo, std::size_t hi, std::size_t worker);
/**
 * @brief Runs body over [0, n) in blocks of at least `grain` indices on the persistent arena of
 * `threads` workers (created on first use, reused by every later call). Worker indices are in
 * [0, threads). Blocks may run in any order and on any worker.
 */
void run_parallel(std::size_t n, std::size_t grain, unsigned threads, RangeBody body, void* ctx);
}  // namespace detail

/** @brief Loops shorter than this run inline: scheduling would cost more than the work. */
inline constexpr std::size_t kParallelMinIndices = 2048;

/** @brief Calls fn(i) for i in [0, n) on up to `threads` threads. fn must only write slot i. */
template <class Fn>
void parallel_for(std::size_t n, unsigned threads, Fn&& fn) {
  if (threads <= 1 || n < kParallelMinIndices) {
    for (std::size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  auto body = [](void* ctx, std::size_t lo, std::size_t hi, std::size_t) {
    auto& f = *static_cast<std::remove_reference_t<Fn>*>(ctx);
    for (std::size_t i = lo; i < hi; ++i) f(i);
  };
  detail::run_parallel(n, 256, threads, body, const_cast<void*>(static_cast<const void*>(&fn)));
}

/** @brief The number of fixed-size chunks covering [0, n); chunk boundaries never depend on threads. */
inline std::size_t chunk_count(std::size_t n, std::size_t chunk) { return (n + chunk - 1) / chunk; }

/**
 * @brief Calls fn(chunk, worker) for every chunk in [0, n_chunks) on up to `threads` threads; worker is
 * the index of the thread running it, in [0, max(1, threads)). fn may write only its chunk's slots and
 * its worker's scratch; callers that combine per-chunk partial results in chunk order get the same bytes
 * for any thread count.
 */
template <class Fn>
void parallel_chunks(std::size_t n_chunks, unsigned threads, Fn&& fn) {
  if (threads <= 1 || n_chunks < 2) {
    for (std::size_t k = 0; k < n_chunks; ++k) fn(k, std::size_t{0});
    return;
  }
  auto body = [](void* ctx, std::size_t lo, std::size_t hi, std::size_t worker) {
    auto& f = *static_cast<std::remove_reference_t<Fn>*>(ctx);
    for (std::size_t k = lo; k < hi; ++k) f(k, worker);
  };
  detail::run_parallel(n_chunks, 1, threads, body, const_cast<void*>(static_cast<const void*>(&fn)));
}

}  // namespace vicsim::sim

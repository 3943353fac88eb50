#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace vicsim::sim {

/** @brief Makes room for n elements, keeping v's buffer when it is large enough and otherwise growing it to
 * half again its capacity (or n, if more): the one growth rule for refill and resize_kept. */
template <class T>
void reserve_with_headroom(std::vector<T>& v, std::size_t n) {
  if (n > v.capacity()) v.reserve(std::max(n, v.capacity() + v.capacity() / 2));
}

/** @brief Sets v to n copies of value, keeping its buffer when it is large enough and otherwise growing it by
 * half again. For arrays a phase refills every month, sized by the firm slots: those grow a little each
 * month as firms enter, and `assign` alone would then move every such array to a new buffer of exactly n,
 * month after month. A buffer of 1 MiB or more is a mapping of its own (app/allocator_policy.cpp), so each
 * new one is faulted in page by page, on this VM a host fault per page (docs/PERFORMANCE.md, session 46).
 * The headroom is reserved, not touched: it takes no memory until used. */
template <class T>
void refill(std::vector<T>& v, std::size_t n, const T& value) {
  reserve_with_headroom(v, n);
  v.assign(n, value);
}

/** @brief Sizes v to n like refill, leaving the values of elements kept from before unspecified: for arrays
 * whose every element is written before it is read. */
template <class T>
void resize_kept(std::vector<T>& v, std::size_t n) {
  reserve_with_headroom(v, n);
  v.resize(n);
}

}  // namespace vicsim::sim

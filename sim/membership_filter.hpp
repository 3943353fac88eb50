#pragma once
/** @file A one-hash bit filter over firm indices: "certainly not in the set" before an exact search. */
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace vicsim::sim {

/** @brief A set of firm indices as one bit each in a table about 16 times the set's size (a Bloom filter
 * with one hash). may_hold is false only for an index that was never added, so a search skipped on false
 * finds nothing anyway; a true needs the exact search. A lookup reads one word of a table that stays in L1
 * for sets of up to a few thousand firms, where a binary search takes a mispredicted branch per step. */
class MembershipFilter {
 public:
  /** @brief Empties the filter and sizes it for about n indices. */
  void reset(std::size_t n) {
    const std::size_t bits = std::bit_ceil(std::max<std::size_t>(64, 16 * n));
    shift_ = 64u - static_cast<unsigned>(std::countr_zero(bits));
    words_.assign(bits / 64, 0);
  }
  /** @brief Adds index v. */
  void add(std::uint32_t v) {
    const std::uint64_t h = slot(v);
    words_[h >> 6] |= std::uint64_t{1} << (h & 63u);
  }
  /** @brief False if v was certainly not added since the last reset. */
  bool may_hold(std::uint32_t v) const {
    const std::uint64_t h = slot(v);
    return (words_[h >> 6] >> (h & 63u)) & 1u;
  }

 private:
  /** Fibonacci hashing: the top bits of v times 2^64 / golden ratio spread neighbouring indices apart. */
  std::uint64_t slot(std::uint32_t v) const { return (std::uint64_t{v} * 0x9E3779B97F4A7C15ull) >> shift_; }

  std::vector<std::uint64_t> words_;
  unsigned shift_ = 58;
};

}  // namespace vicsim::sim

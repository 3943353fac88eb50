#pragma once
/** @file One number per firm and input slot, in one flat array. */
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/units.hpp"

namespace vicsim::sim {

/**
 * @brief A number per firm slot and input slot: `slots()` numbers per firm, firm after firm. A vector per
 * firm cost a 24-byte header and a heap block of at least 32 bytes for every firm ever created (issue 15);
 * here a firm costs 8 bytes per slot. Every firm has the most slots any firm type has; a firm's slots beyond
 * its type's inputs stay at the value it was added with.
 */
class InputSlotValues {
 public:
  using value_type = double;  ///< what Firms::add appends (once per slot)

  /** @brief Firm slots. */
  std::size_t size() const { return stride_ == 0 ? firms_ : values_.size() / stride_; }
  /** @brief Input slots per firm. */
  std::size_t slots() const { return stride_; }
  /** @brief Bytes of the values held (all firms' slots; not the reserved capacity). */
  std::size_t bytes() const { return values_.size() * sizeof(double); }
  /** @brief Firm f's values, one per input slot. */
  std::span<double> operator[](std::size_t f) { return {values_.data() + f * stride_, stride_}; }
  /** @brief Firm f's values, one per input slot. */
  std::span<const double> operator[](std::size_t f) const { return {values_.data() + f * stride_, stride_}; }

  /** @brief Appends a firm whose slots all hold v. */
  void push_back(double v) {
    values_.insert(values_.end(), stride_, v);
    ++firms_;
  }
  /** @brief Reserves room for n firms. */
  void reserve(std::size_t n) { values_.reserve(n * stride_); }
  /** @brief Keeps firm s's values as firm new_slot[s] (dropped where it is kDroppedSlot), in place (new_slot
   * is increasing over the kept firms and never above s); the capacity is kept. */
  void compact(std::span<const FirmIndex> new_slot) {
    std::size_t n = 0;
    for (std::size_t f = 0; f < firms_ && f < new_slot.size(); ++f)
      if (new_slot[f] != kDroppedSlot) {
        if (new_slot[f] != f)
          std::copy_n(values_.begin() + static_cast<std::ptrdiff_t>(f * stride_), stride_,
                      values_.begin() + static_cast<std::ptrdiff_t>(new_slot[f] * stride_));
        n = new_slot[f] + std::size_t{1};
      }
    values_.resize(n * stride_);
    firms_ = n;
  }
  /** @brief Sets the input slots per firm to n: existing firms keep their first min(n, slots()) values, new
   * slots hold `fill`. */
  void set_slots(std::size_t n, double fill) {
    std::vector<double> v(firms_ * n, fill);
    for (std::size_t f = 0; f < firms_; ++f)
      for (std::size_t k = 0; k < n && k < stride_; ++k) v[f * n + k] = values_[f * stride_ + k];
    values_.swap(v);
    stride_ = n;
  }

 private:
  std::vector<double> values_;
  std::size_t stride_ = 0;
  std::size_t firms_ = 0;  ///< counts firms while stride_ is 0
};

}  // namespace vicsim::sim

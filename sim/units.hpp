#pragma once
/** @file Strong types for identifiers and money, so hot code cannot mix them up. */
#include <cstdint>

namespace vicsim::sim {

/** @brief Index of a firm slot in the world's arrays. Compaction renumbers slots between months (in order); a
 * firm's stable key is its id (Firms::id). */
using FirmIndex = std::uint32_t;
/** @brief In a compaction's map old slot → new slot: a slot that was dropped. */
inline constexpr FirmIndex kDroppedSlot = 0xFFFFFFFFu;
/** @brief Region identifier (index into World::regions). */
enum class RegionId : std::uint16_t {};
/** @brief Industry identifier (index into World::industries). */
enum class IndustryId : std::uint8_t {};

constexpr std::size_t idx(RegionId r) { return static_cast<std::size_t>(r); }
constexpr std::size_t idx(IndustryId i) { return static_cast<std::size_t>(i); }

/** @brief An amount of money in yuan. Arithmetic is explicit so unitless numbers do not leak in. */
struct Money {
  double yuan = 0.0;
  constexpr Money& operator+=(Money o) {
    yuan += o.yuan;
    return *this;
  }
  constexpr Money& operator-=(Money o) {
    yuan -= o.yuan;
    return *this;
  }
  friend constexpr Money operator+(Money a, Money b) { return {a.yuan + b.yuan}; }
  friend constexpr Money operator-(Money a, Money b) { return {a.yuan - b.yuan}; }
  friend constexpr Money operator*(Money a, double k) { return {a.yuan * k}; }
  friend constexpr Money operator*(double k, Money a) { return {a.yuan * k}; }
  friend constexpr double operator/(Money a, Money b) { return a.yuan / b.yuan; }
  friend constexpr bool operator<(Money a, Money b) { return a.yuan < b.yuan; }
};

}  // namespace vicsim::sim

#pragma once
/** @file Scenario keys that were removed from the format, with what replaces them, so that an old scenario
 * that still sets one is refused with a message naming the replacement (exit 2) instead of a bare
 * "unknown key". */
#include <string>
#include <string_view>

namespace vicsim::scenarios {

/** @brief What replaces the removed key at JSON path `path` (e.g. "mechanisms.trade.order_processing_days"),
 * or an empty string if the key was never removed. */
inline std::string removed_key_note(std::string_view path) {
  struct Removed {
    std::string_view path, note;
  };
  static constexpr Removed kRemoved[] = {
      {"mechanisms.trade.order_processing_days",
       "was removed on 2026-12-02: order handling is no longer a per-channel number of days; it follows "
       "from mechanisms.trade.approval_hours, mechanisms.trade.response_hours and "
       "mechanisms.trade.quote_rounds, the same on every channel (docs/ODD.md 7.83)"},
      {"mechanisms.founding.risk_premium",
       "was removed on 2026-12-02: it counted risk a second time; the founder's risk is in "
       "mechanisms.founding.discount_per_year only (docs/ODD.md 7.76)"},
  };
  for (const auto& r : kRemoved)
    if (r.path == path) return std::string(r.note);
  return {};
}

}  // namespace vicsim::scenarios

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
      {"mechanisms.infrastructure.devices_per_employee",
       "was removed on 2026-12-02: the seed counts devices per firm served (Feixiang: 1,000,000 devices for "
       "4,000 firms); use mechanisms.infrastructure.devices_per_member (docs/ODD.md 7.91)"},
      {"mechanisms.infrastructure.messages_per_order",
       "was removed on 2026-12-02: an order's messages are its rounds of the order-handling rule, two per "
       "round (mechanisms.trade.quote_rounds and the buyer's evidence, docs/ODD.md 7.83, 7.91)"},
  };
  for (const auto& r : kRemoved)
    if (r.path == path) return std::string(r.note);
  return {};
}

}  // namespace vicsim::scenarios

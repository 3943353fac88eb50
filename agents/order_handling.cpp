#include "agents/order_handling.hpp"

#include <algorithm>

#include "agents/infrastructure_feedback.hpp"

namespace vicsim::agents {

namespace {
constexpr double kSecondsPerDay = 86400.0;
constexpr double kHoursPerDay = 24.0;
constexpr auto kOrders = static_cast<std::size_t>(TrafficKind::Orders);

/** One side's part of a message: its region's route to platform p as the layer resolved it, or, for e-mail
 * or before the layer's first tick, the access link's latency and transfer time at the region's level plus
 * the least backlog the layer reports on the region's routes (the access link is shared by them all).
 * Inline: every landed cost calls it twice (order_message_s), and as a call it cost more than its body. */
inline double side_s(const ModelContext& c, std::size_t r, std::size_t p) {
  const auto& ip = c.params.infrastructure;
  const bool resolved = !c.infra.order_handling_days.empty();
  if (p < c.world.platforms.size() && resolved) {
    const RouteService& s = c.infra.at(r, p);
    return s.kind_s[kOrders] + s.wait_s;
  }
  const double level = c.world.regions[r].infrastructure;
  const double wait = resolved ? c.infra.least_wait_s[r] : 0.0;
  return c.access_links.at(ip, r, level) + wait;
}
}  // namespace

double order_rounds(const TradeParams& tp, const InformationParams& ip, const SupplierBelief& b) {
  return 1.0 + tp.quote_rounds * ip.evidence_half / (ip.evidence_half + evidence(ip, b));
}

double handling_days(const TradeParams& tp, double rounds, double message_s) {
  return (tp.approval_hours + rounds * tp.response_hours) / kHoursPerDay +
         rounds * 2.0 * message_s / kSecondsPerDay;
}

double order_message_s(const ModelContext& c, std::size_t a, std::size_t b, std::size_t platform) {
  if (!c.params.infrastructure.enabled) return 0.0;
  return side_s(c, a, platform) + side_s(c, b, platform);
}

double tie_handling_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex buyer) {
  return tie_handling_days(c, t, buyer, tie_belief(c, t));
}

double tie_handling_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex buyer,
                         const SupplierBelief& belief) {
  const auto& f = c.world.firms;
  const std::size_t p = t.channel == sim::TieChannel::Platform ? t.platform : c.world.platforms.size();
  return handling_days(c.params.trade, order_rounds(c.params.trade, c.params.information, belief),
                       order_message_s(c, sim::idx(f.region[t.supplier]), sim::idx(f.region[buyer]), p));
}

double spot_handling_days(const ModelContext& c, sim::FirmIndex buyer, const SupplierBelief& b,
                          std::int32_t marketplace) {
  const std::size_t r = sim::idx(c.world.firms.region[buyer]);
  const std::size_t p = marketplace >= 0 ? static_cast<std::size_t>(marketplace) : c.world.platforms.size();
  return handling_days(c.params.trade, order_rounds(c.params.trade, c.params.information, b),
                       order_message_s(c, r, r, p));
}

}  // namespace vicsim::agents

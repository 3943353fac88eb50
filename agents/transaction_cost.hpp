#pragma once
/** @file Transaction cost and lead time of a supplier → customer tie (docs/ODD.md, "Trade"). */
#include <cmath>

#include "agents/model_params.hpp"

namespace vicsim::agents {

/** @brief Transaction cost as a share of price: tau = tau0 · (1 + d/d0) · (1 − theta·trust) · (1 + iota). */
inline double transaction_cost_rate(const TradeParams& p, double distance_km, double trust) {
  return p.transaction_cost_base * (1.0 + distance_km / p.distance_scale_km) *
         (1.0 - p.trust_discount * trust) * (1.0 + p.information_asymmetry);
}

/** @brief Delivery lead time in days: production + transport + order processing. */
inline double lead_time_days(const TradeParams& p, double distance_km) {
  return p.production_days + distance_km / p.transport_km_per_day + p.order_processing_days;
}

/** @brief Price a buyer effectively pays per unit, counting transaction cost and the value of lead time. */
inline double landed_cost(const TradeParams& p, double price, double distance_km, double trust) {
  return price * (1.0 + transaction_cost_rate(p, distance_km, trust) +
                  p.lead_time_cost_per_day * lead_time_days(p, distance_km));
}

/** @brief Trust of a newly formed tie: higher between co-located firms and with reputable suppliers. */
inline double initial_trust(const TieParams& p, bool co_located, double supplier_reputation) {
  const double t = (co_located ? p.initial_trust_local : p.initial_trust_remote) +
                   p.initial_trust_reputation * supplier_reputation;
  return std::fmin(1.0, std::fmax(0.0, t));
}

/** @brief Monthly dissolution hazard of a tie, interpolating between an untrusted tie's half-life
 * (Reisch et al. 2025) and a trusted tie's yearly survival (Mizuno et al. 2014). */
inline double tie_hazard(const TieParams& p, double trust) {
  const double h_new = 1.0 - std::pow(0.5, 1.0 / p.new_tie_half_life_months);
  const double h_trusted = 1.0 - std::pow(p.trusted_tie_annual_survival, 1.0 / 12.0);
  return (1.0 - trust) * h_new + trust * h_trusted;
}

}  // namespace vicsim::agents

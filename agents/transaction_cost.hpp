#pragma once
/** @file Transaction cost and lead time of a supplier → customer tie (docs/ODD.md, "Trade"). */
#include <algorithm>
#include <cmath>

#include "agents/model_params.hpp"

namespace vicsim::agents {

/** @brief Handling cost of trade as a share of price, the part that does not depend on what the buyer
 * knows (contracts, ordering, freight administration): tau0 · (1 + d/d0). The information part follows
 * from beliefs (agents/supplier_beliefs.hpp, docs/ODD.md 7.32). */
inline double handling_cost_rate(const TradeParams& p, double distance_km) {
  return p.transaction_cost_base * (1.0 + distance_km / p.distance_scale_km);
}

/** @brief Production and transport days of a delivery; order handling (agents/order_handling.hpp) and any
 * consolidation wait come on top. */
inline double lead_time_days(const TradeParams& p, double distance_km) {
  return p.production_days + distance_km / p.transport_km_per_day;
}

/** @brief The two ends of the monthly dissolution hazard, which depend on parameters only: a loop over ties
 * computes them once (two pow() calls) instead of once per tie. */
struct TieHazardRates {
  double h_new = 0.0;      ///< monthly hazard of an untrusted tie (trust 0), 1/month
  double h_trusted = 0.0;  ///< monthly hazard of an established tie, 1/month
};

/** @brief h_new = 1 − 0.5^(1/half-life) (Reisch et al. 2025) and h_trusted = 1 − S^(1/12) for a yearly
 * survival S (Mizuno et al. 2014) of parameters p. */
inline TieHazardRates tie_hazard_rates(const TieParams& p) {
  return {1.0 - std::pow(0.5, 1.0 / p.new_tie_half_life_months),
          1.0 - std::pow(p.trusted_tie_annual_survival, 1.0 / 12.0)};
}

/** @brief Monthly dissolution hazard of a tie at trust `trust`: an untrusted tie's half-life (Reisch et al.
 * 2025) at trust 0 and a trusted tie's yearly survival (Mizuno et al. 2014) from trust `established` up,
 * linear in between. `established` is the trust an established tie reaches (agents/supplier_beliefs.hpp:
 * steady_tie_trust for supply ties, 1 for collaboration ties; docs/ODD.md 7.7, 7.101). */
inline double tie_hazard(const TieHazardRates& h, double trust, double established) {
  const double x = trust >= established ? 1.0 : std::max(0.0, trust / established);
  return (1.0 - x) * h.h_new + x * h.h_trusted;
}

}  // namespace vicsim::agents

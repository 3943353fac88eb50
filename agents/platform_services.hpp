#pragma once
/** @file What platform membership does to a firm and a tie: which services a firm can use, and the
 * terms (channel, trust, transaction cost, lead time) of a tie between two firms (docs/ODD.md,
 * "Platform services"). */
#include <cstdint>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Availability in [0,1] of each service to one firm: the best over its platforms, scaled down
 * when a platform is overloaded (1 / congestion). */
struct ServiceAccess {
  double matchmaking = 0, dispatch = 0, forecasting = 0, knowledge = 0, finance = 0, logistics = 0;
  std::int32_t dispatch_platform = -1;  ///< platform that dispatches this firm's overflow
};

/** @brief The services firm f can use this tick. */
ServiceAccess service_access(const ModelContext& c, sim::FirmIndex f);

/** @brief How a tie between supplier s and customer b would trade. */
struct TieTerms {
  sim::TieChannel channel = sim::TieChannel::Offline;
  std::uint8_t platform = 0xFF;
  bool cross_platform = false;
  double trust0 = 0.0;  ///< initial trust
};

/** @brief Terms of a new tie s → b: on a shared platform if both are members (directly, or through
 * interconnection), else offline. */
TieTerms tie_terms(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief Transaction cost share of price on an existing tie, including the platform fee. */
double tie_cost_rate(const ModelContext& c, const sim::Tie& t);

/** @brief Delivery lead time of an existing tie in days. */
double tie_lead_days(const ModelContext& c, const sim::Tie& t);

/** @brief Landed cost per unit of buying from s over a tie with these terms. */
double landed_cost_on(const ModelContext& c, const sim::Tie& t, double price);

}  // namespace vicsim::agents

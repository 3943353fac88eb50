#pragma once
/** @file What platform membership does to a firm and a tie: which services a firm can use, and the
 * terms (channel, trust, transaction cost, lead time) of a tie between two firms (docs/ODD.md,
 * "Platform services"). */
#include <cstdint>

#include "agents/model_context.hpp"
#include "agents/supplier_beliefs.hpp"

namespace vicsim::agents {

/** @brief The services firm f can use, computed from its current memberships and congestion. */
ServiceAccess service_access(const ModelContext& c, sim::FirmIndex f);

/** @brief The services a member of the platforms in bit set `memberships` can use (their congestion and
 * 1+N interconnection). */
ServiceAccess membership_services(const ModelContext& c, std::uint32_t memberships);

/** @brief Recomputes the services every firm can use (ModelContext::services_of); call whenever
 * memberships or congestion change (the phases then read the cached value instead of recomputing it). */
void refresh_service_access(ModelContext& c);

/** @brief How a tie between supplier s and customer b would trade. */
struct TieTerms {
  sim::TieChannel channel = sim::TieChannel::Offline;
  std::uint8_t platform = 0xFF;
  bool cross_platform = false;
};

/** @brief Terms of a new tie s → b: on a shared platform if both are members (directly, or through
 * interconnection), else offline. */
TieTerms tie_terms(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief A new tie s → b on terms t (trust, channel); one formed on a platform is brokered. */
sim::Tie new_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b, const TieTerms& t);

/** @brief Terms of a new supply tie s → b: on the platform only if that lowers the buyer's landed cost
 * (transaction cost, fee and lead time), else offline. */
TieTerms supply_tie_terms(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief new_tie(c, s, b, supply_tie_terms(c, s, b)), walking b's partners for the referral belief once
 * instead of up to four times. */
sim::Tie new_supply_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief new_supply_tie for a buyer whose referral belief about s is already known (referral_beliefs). */
sim::Tie new_supply_tie(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b,
                        const SupplierBelief& heard);

/** @brief Puts each tie on the channel its partners would choose this month. Collaboration ties move onto
 * a platform the partners share. A supply tie trades on the platform while that lowers the buyer's
 * landed cost, and offline otherwise: when a fee rises, a partner leaves or the platform fails. */
void choose_tie_channels(ModelContext& c);

/** @brief Moves every tie that trades on platform p, supply or collaboration, offline: a platform that fails
 * carries no trade, order traffic or data from that moment (7.19), not only after the next channel choice. */
void move_ties_offline(ModelContext& c, std::size_t p);

/** @brief Transaction cost share of price buyer b weighs on tie t (7.32): handling, plus inspection, risk
 * premium and expected defect and lateness costs from its belief about the supplier, plus any commission.
 * The same formula for offline and platform ties; only the belief differs. */
double tie_cost_rate(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b);

/** @brief The part of tie_cost_rate buyer b pays as such each month: handling, inspection and commission.
 * Rework and lateness are paid as they happen (settle_accounts); the risk premium is a valuation only. */
double tie_paid_rate(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b);

/** @brief The fee platform pl charges this month: its own, capped by any supervision policy. */
double charged_fee(const ModelContext& c, const sim::Platform& pl);

/** @brief Commission the buyer pays the platform per yuan of a tie's trade: the platform's fee (capped by
 * supervision) on trade it brokered; none on existing relationships that moved onto it. */
double commission_rate(const ModelContext& c, const sim::Tie& t);

/** @brief Delivery lead time in days of tie t to buyer b: production, transport, the consolidation wait on
 * the lane it ships on (7.60) and order handling (7.83: approval and messaging rounds, the same rule on
 * every channel; the messages go by e-mail or through the platform, 7.46). */
double tie_lead_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b);
/** @brief tie_lead_days when the caller already holds the tie's shipping choice `ship` (tie_shipping(c, t,
 * b)), so the lane is not looked up twice. */
double tie_lead_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, const Shipping& ship);

/** @brief Where firm b buys inputs no supplier tie delivers, and the premium it pays there. */
struct SpotTerms {
  double rate = 0.0;           ///< premium, information cost and any fee over the type's mean price (weighed)
  double paid = 0.0;           ///< of which paid: all but the risk premium (share of value)
  std::int32_t platform = -1;  ///< marketplace used, or -1 for the anonymous spot market
};

/** @brief Spot terms of firm b (7.33): the anonymous spot market, where the buyer knows only the prior, or
 * for a member with matchmaking its platform's marketplace, where sellers' ratings add evidence and a fee
 * is due; the cheaper of the two. */
SpotTerms spot_terms(const ModelContext& c, sim::FirmIndex b);

/** @brief The belief behind member_information: the population prior plus w_p × the mean member record. */
SupplierBelief member_belief(const ModelContext& c, std::size_t p);

/** @brief Lead time (days) of buyer b's spot purchase on terms `spot`: production, the spot market's extra
 * days and order handling (7.83) from what the buyer knows of the seller (the prior anonymously, the rated
 * member belief on a marketplace). */
double spot_lead_days(const ModelContext& c, sim::FirmIndex b, const SpotTerms& spot);

/** @brief What a member knows of a maker it has no tie with, met through platform p (a marketplace seller,
 * a dispatch receiver), as cost per yuan: the population prior plus w_p × the mean member record (7.31,
 * 7.33). With ratings off (w_p = 0) it is what an anonymous spot seller costs. */
InformationCost member_information(const ModelContext& c, std::size_t p);

/** @brief Landed cost per unit for buyer b of buying over tie t at `price`: price, transaction cost, any
 * logistics fee and valued lead time. */
double landed_cost_on(const ModelContext& c, const sim::Tie& t, sim::FirmIndex b, double price);

}  // namespace vicsim::agents

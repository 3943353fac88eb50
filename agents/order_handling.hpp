#pragma once
/** @file Order handling time, one mechanism for every channel (docs/ODD.md 7.83–7.84): the buyer's approval,
 * then messaging rounds (request for quote / quote, purchase order / confirmation), each waiting for the
 * counterpart's reply and travelling over the infrastructure layer: offline as e-mail over the partners'
 * regional access links, on a platform as platform messages through its data centre. How many quote rounds
 * an order needs follows from what the buyer knows about the supplier (its belief, 7.31), so a platform
 * shortens handling only as far as its ratings tell the buyer more. */
#include "agents/model_context.hpp"
#include "agents/supplier_beliefs.hpp"

namespace vicsim::agents {

/** @brief Expected messaging rounds of one order from a buyer holding belief b about the supplier:
 * 1 + quote_rounds · h / (h + e(B)) (the purchase order round plus the quote rounds it still needs). */
double order_rounds(const TradeParams& tp, const InformationParams& ip, const SupplierBelief& b);

/** @brief Handling time (days) of one order of `rounds` rounds whose messages each take `message_s` seconds
 * on the network: (approval_hours + rounds · response_hours) / 24 + rounds · 2 · message_s / 86400. */
double handling_days(const TradeParams& tp, double rounds, double message_s);

/** @brief Network time (s) of one order message between firms in regions `a` and `b` on `platform` (its
 * routes as the SimGrid layer resolved them, 7.46), or by e-mail over the two regions' access links when
 * `platform` is not a platform index. 0 with the infrastructure mechanism off. */
double order_message_s(const ModelContext& c, std::size_t a, std::size_t b, std::size_t platform);

/** @brief Handling time (days) of an order over tie t from supplier t.supplier to buyer `buyer`, from the
 * tie's belief (ratings included on a platform tie) and its channel's network. */
double tie_handling_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex buyer);
/** @brief tie_handling_days when the caller already holds the tie's belief `belief` (tie_belief(c, t)). */
double tie_handling_days(const ModelContext& c, const sim::Tie& t, sim::FirmIndex buyer,
                         const SupplierBelief& belief);

/** @brief Handling time (days) of buyer `buyer`'s spot purchase from a seller known by belief b, by e-mail
 * (marketplace < 0) or through marketplace platform `marketplace` (seller in the buyer's region). */
double spot_handling_days(const ModelContext& c, sim::FirmIndex buyer, const SupplierBelief& b,
                          std::int32_t marketplace);

}  // namespace vicsim::agents

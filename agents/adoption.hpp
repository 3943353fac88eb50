#pragma once
/** @file Digital adoption: going on the cloud by a Bass hazard or a Watts threshold, joining and
 * leaving platforms (multi-homing allowed), and the app-sharing effects of membership
 * (docs/ODD.md, "Digital adoption"). */
#include <optional>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Readiness factor in (0,1]: infrastructure × size (the SME digital divide) × net cost. */
double adoption_readiness(const ModelContext& c, sim::FirmIndex f);

/** @brief Share of f's partners (ties of any kind) that are on the cloud. */
double adopted_partner_share(const ModelContext& c, sim::FirmIndex f);

/** @brief Monthly cloud-adoption hazard of a firm not yet on the cloud (Bass: (p + q·A)·readiness). */
double cloud_hazard(const ModelContext& c, sim::FirmIndex f, double peer_share);

/** @brief Cloud adoption, platform joins and leaves, digital maturity and app effects for one tick
 * (vouchers are paid afterwards, by account_policies). */
void adopt_and_join(ModelContext& c);

/** @brief Initial digital state of a new firm: its Watts threshold, overhead factor and prior platform value.
 * Its hidden reliability depends on its maturity and is drawn by the caller once that is set
 * (init_reliability). */
void init_digital_state(ModelContext& c, sim::FirmIndex f);

/** @brief Logit choice: probability of joining at an expected value (share of revenue) and a noise scale. */
double join_probability(double value, double noise);

/** @brief Updates f's smoothed margin (profit / revenue) off or on platforms with this month's margin. As a
 * member, `own_return` (yuan: what f's own in-plant purchase earned it, net of its price, 7.106) is taken
 * out of the profit first: the firm's own investment is not the platform's effect. */
void track_margins(const AdoptionParams& ap, sim::Firms& fs, sim::FirmIndex f, double own_return = 0.0);

/** @brief f's own realised margin gain of membership (share of revenue): smoothed margin as a member
 * minus smoothed margin before, once both have min_history months; empty otherwise. */
std::optional<double> realised_gain(const AdoptionParams& ap, const sim::Firms& fs, sim::FirmIndex f);

/** @brief Adaptive expectations: moves f's expected platform gain toward a signal at the learning rate
 * (no signal: unchanged). */
void learn_value(const AdoptionParams& ap, sim::Firms& fs, sim::FirmIndex f, std::optional<double> signal);

/** @brief Puts firm f on platform p (and on the cloud), paying the entry fee. */
void join_platform(ModelContext& c, sim::FirmIndex f, std::size_t p);

}  // namespace vicsim::agents

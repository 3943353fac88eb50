#pragma once
/** @file Information asymmetry as a mechanism (docs/ODD.md 7.30–7.33): firms' hidden reliability, the
 * deliveries drawn from it, buyers' Beta–Bernoulli beliefs about suppliers (own trades, referrals,
 * platform ratings) and the transaction cost components that follow from those beliefs. */
#include <cmath>
#include <functional>
#include <span>

#include "agents/delivery_odds.hpp"
#include "agents/model_context.hpp"
#include "sim/rng.hpp"

namespace vicsim::agents {

/** @brief log(p / (1 − p)), the scale on which reliabilities drift (docs/ODD.md 7.30); p in (0, 1). */
inline double logit(double p) { return std::log(p / (1.0 - p)); }

/** @brief A Beta(a, b) belief about a probability: a successes and b failures, prior included. */
struct Belief {
  double a = 1.0;
  double b = 1.0;
  /** @brief Posterior mean a / (a + b). */
  double mean() const { return a / (a + b); }
  /** @brief Posterior variance ab / ((a + b)²(a + b + 1)). */
  double variance() const {
    const double n = a + b;
    return a * b / (n * n * (n + 1.0));
  }
  /** @brief Pseudo-observations a + b. */
  double weight() const { return a + b; }
};

/** @brief A buyer's belief about one supplier: on-time deliveries (a = on time) and defective lots
 * (a = defective). */
struct SupplierBelief {
  Belief on_time;
  Belief defect;
};

/** @brief Belief with `weight` pseudo-observations at probability `mean`. */
Belief prior_belief(double mean, double weight);

/** @brief The population prior every buyer starts from (7.31). */
SupplierBelief prior_of(const InformationParams& p);

/** @brief Bayes update of a Beta belief with `successes` and `failures` Bernoulli outcomes. */
void observe(Belief& b, double successes, double failures);

/** @brief Ages the evidence: the counts beyond the prior shrink by `memory` (drifting reliability). */
void forget(Belief& b, const Belief& prior, double memory);

/** @brief Deliveries' worth of evidence beyond the prior in a belief. */
double evidence(const InformationParams& p, const SupplierBelief& b);

/** @brief What a belief costs a buyer per yuan of price (7.32). */
struct InformationCost {
  double inspection = 0.0;  ///< inspection and monitoring: falls with evidence (paid)
  double risk = 0.0;        ///< risk premium ∝ posterior variance (valued, not paid)
  double defects = 0.0;     ///< expected rework of defective inputs: E[defect] · rework share
  double lateness = 0.0;    ///< expected cost of lateness: E[late] · late days · value of a day
  /** @brief All four: what the buyer weighs when it chooses. */
  double expected() const { return inspection + risk + defects + lateness; }
};

/** @brief Cost components per yuan of price that follow from belief b. */
InformationCost information_cost(const ModelParams& p, const SupplierBelief& b);

/** @brief Screening cost of one candidate about whom the buyer holds belief b (yuan). */
double screening_cost(const InformationParams& p, const SupplierBelief& b);

/** @brief Pseudo-observations per record entry that platform p's ratings reveal: visibility × delivered
 * telemetry × availability of its matchmaking service (0 without matchmaking or when it is not alive). */
double rating_weight(const ModelContext& c, std::size_t p);

/** @brief b plus supplier s's delivery record as platform p's ratings show it (7.31). */
SupplierBelief with_rating(const ModelContext& c, SupplierBelief b, sim::FirmIndex s, std::size_t p);

/** @brief Belief buyer b starts a tie with supplier s on: the prior plus the evidence its partners that
 * buy from s pass on (referrals, 7.31). */
SupplierBelief referral_belief(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief referral_belief(c, s, b) for every s of `suppliers` (ascending, no repeats) into out[k], in one
 * walk of b's partners instead of one per supplier: each partner's in-ties are read once, and each supplier's
 * evidence is added in the same partner order, so every belief is the identical double. A search compares
 * many candidates for one buyer; a hub buyer has partners in proportion to the network's size. */
void referral_beliefs(const ModelContext& c, std::span<const sim::FirmIndex> suppliers, sim::FirmIndex b,
                      std::span<SupplierBelief> out);

/** @brief The buyer's belief on a supply tie: its own trades and referrals, plus the platform's rating
 * of the supplier when the tie trades on a platform. */
SupplierBelief tie_belief(const ModelContext& c, const sim::Tie& t);

/** @brief The belief stored on tie t (own trades and referrals, prior included). */
SupplierBelief stored_belief(const sim::Tie& t);

/** @brief Stores belief b on tie t and sets its trust from it (7.32). */
void store_belief(const InformationParams& p, sim::Tie& t, const SupplierBelief& b);

/** @brief Relationship trust defined from a belief: P(good delivery) × evidence / (evidence + half). */
double trust_of(const InformationParams& p, const SupplierBelief& b);

/** @brief Trust (0–1) a buyer holds in an average supplier after `deliveries` monthly deliveries at the
 * population means: the prior plus that evidence, through trust_of. With deliveries = evidence_half it is
 * half the trust attainable, on_time_mean · (1 − defect_mean) / 2 (docs/ODD.md 7.14, "value chain"). */
double established_trust(const InformationParams& p, double deliveries);

/** @brief Trust (0–1) of an established supply tie: an average supplier that has delivered every month for so
 * long that forgetting balances learning, 1 / (1 − belief_memory) deliveries of evidence (the population
 * means, fully weighted, when nothing is forgotten). The tie hazard reaches its trusted end here (docs/ODD.md
 * 7.101). */
double steady_tie_trust(const InformationParams& p);

/** @brief Draws firm f's hidden reliability from its stationary distribution (a new firm). */
void init_reliability(ModelContext& c, sim::FirmIndex f);

/** @brief One month of drift of every firm's hidden reliability (AR(1) in logits toward a target that
 * rises with digital maturity). */
void drift_reliability(ModelContext& c);

/** @brief Reliability of the units supplier s delivers this tick: its own for the share it made, its
 * dispatch receivers' (made-weighted) for the share they made for it (docs/ODD.md 7.33). */
MakerReliability delivery_reliability(const ModelContext& c, sim::FirmIndex s);

/** @brief Supplier s's DeliveryOdds this tick. */
DeliveryOdds delivery_odds(const ModelContext& c, sim::FirmIndex s);

/** @brief Draws whether tie t's delivery this tick came late and how many of its lots are defective, from
 * the reliability of the firms that made its units (delivery_reliability). */
void draw_delivery(const ModelContext& c, sim::Rng& rng, sim::Tie& t);

/** @brief draw_delivery from its supplier's odds, gathered beforehand (delivery_odds). */
void draw_delivery(const DeliveryOdds& odds, std::uint32_t lots_per_delivery, sim::Rng& rng, sim::Tie& t);

/** @brief Updates buyers' beliefs and suppliers' delivery records from this tick's drawn deliveries. */
void learn_from_deliveries(ModelContext& c);

/** @brief Buyers are updated in chunks of this many alive firms (the chunk index after_buyer receives). */
inline constexpr std::size_t kLearnChunk = 1024;

/** @brief learn_from_deliveries, calling after_buyer(chunk, i) right after buyer i's in-ties are updated, in
 * the same parallel pass: a monthly loop over the same ties (tie decay) then reads them while they are in
 * cache instead of missing it once per tie record a second time. after_buyer must not read suppliers'
 * records. */
void learn_from_deliveries(ModelContext& c,
                           const std::function<void(std::size_t chunk, sim::FirmIndex i)>& after_buyer);

}  // namespace vicsim::agents

#pragma once
/** @file Knowledge: Nelson–Winter innovation toward a latent frontier, and imitation of partners and
 * co-located firms with spillovers decaying in distance (Keller 2002). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Latent productivity frontier at a tick (units per worker per month). */
double latent_frontier(const KnowledgeParams& p, std::int32_t tick);

/** @brief Spillover weight 2^(−d / d_half) of a source at distance d km. */
double spillover_weight(const KnowledgeParams& p, double distance_km);

/** @brief One month of innovation and imitation for every alive firm. */
void learn(ModelContext& c);

}  // namespace vicsim::agents

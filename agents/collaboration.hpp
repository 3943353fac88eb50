#pragma once
/** @file Horizontal collaboration ties among firms that share a supplier or a customer (triadic closure)
 * or meet on a platform, chosen by industry relatedness, distance and knowledge relatedness
 * (docs/ODD.md 7.8, 7.38). */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Number of collaboration ties of firm f. */
std::uint32_t collaborators(const sim::World& w, sim::FirmIndex f);

/** @brief Complementarity score of a collaboration between f and g, in [0,1]: industry relatedness ×
 * distance decay of spillovers × knowledge relatedness (1 − digital-maturity gap). */
double collaboration_score(const ModelContext& c, sim::FirmIndex f, sim::FirmIndex g);

/** @brief Index drawn with probability proportional to non-negative weights, for u uniform in [0,1);
 * -1 when all weights are zero. */
std::int64_t pick_weighted(const std::vector<double>& weights, double u);

/** @brief One month of collaboration-tie formation. */
void form_collaborations(ModelContext& c);

}  // namespace vicsim::agents

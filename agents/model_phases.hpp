#pragma once
/** @file The ordered phases of one model month (docs/ODD.md §3.1): ClusterModel::step runs this list, so the
 * schedule is declared in one place and the docs can print it. */
#include <vector>

#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief One phase of a month. */
struct ModelPhase {
  const char* name;            ///< unique name, used by the mechanism registry and the docs
  void (*run)(ModelContext&);  ///< the phase itself
  bool in_warm_up;             ///< also runs in warm-up months (ticks ≤ 0, docs/ODD.md 7.1a)
  const char* clock;           ///< phase-clock label lapped after it; nullptr: timed with the next
};

/** @brief The phases in the order they run. Reordering them changes every output and the RNG draw order. */
const std::vector<ModelPhase>& model_phases();

}  // namespace vicsim::agents

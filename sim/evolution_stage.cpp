#include "sim/evolution_stage.hpp"

namespace vicsim::sim {

std::string_view stage_name(TraditionalStage s) {
  switch (s) {
    case TraditionalStage::Dispersed:
      return "dispersed";
    case TraditionalStage::Concentration:
      return "concentration";
    case TraditionalStage::ValueChain:
      return "value_chain";
    case TraditionalStage::Ecosystem:
      return "ecosystem";
  }
  return "unknown";
}

TraditionalStage TraditionalStageDetector::conditions_met(const TraditionalStageParams& p,
                                                          const StageIndicators& x) {
  if (x.eg_index < p.concentration_eg) return TraditionalStage::Dispersed;
  if (x.chain_completeness < p.chain_completeness || x.local_tie_share < p.chain_local_share ||
      x.mean_trust < p.chain_trust)
    return TraditionalStage::Concentration;
  if (x.clustering < p.ecosystem_clustering || x.innovation_share < p.ecosystem_innovation ||
      x.giant_component_share < p.ecosystem_giant)
    return TraditionalStage::ValueChain;
  return TraditionalStage::Ecosystem;
}

TraditionalStage TraditionalStageDetector::update(const StageIndicators& x) {
  const auto met = static_cast<int>(conditions_met(p_, x));
  for (int k = 1; k <= 3; ++k) held_[k] = k <= met ? held_[k] + 1 : 0;
  int stage = 0;
  for (int k = 1; k <= 3; ++k)
    if (held_[k] >= p_.persistence) stage = k;
  return static_cast<TraditionalStage>(stage);
}

}  // namespace vicsim::sim

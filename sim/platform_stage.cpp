#include "sim/platform_stage.hpp"

namespace vicsim::sim {

std::string_view stage_name(PlatformPathStage s) {
  switch (s) {
    case PlatformPathStage::None:
      return "none";
    case PlatformPathStage::Dominance:
      return "platform_dominance";
    case PlatformPathStage::Community:
      return "community_operation";
    case PlatformPathStage::Globalization:
      return "globalization";
  }
  return "unknown";
}

std::string_view stage_name(EcosystemStage s) {
  switch (s) {
    case EcosystemStage::NoPlatforms:
      return "no_platforms";
    case EcosystemStage::Islands:
      return "1.0_islands";
    case EcosystemStage::Interconnection:
      return "2.0_interconnection";
    case EcosystemStage::Ecosystem:
      return "3.0_ecosystem";
  }
  return "unknown";
}

PlatformPathStage path_conditions_met(const PlatformStageParams& p, const PlatformIndicators& x) {
  if (x.member_share < p.dominance_members || x.chain_coverage < p.dominance_chain)
    return PlatformPathStage::None;
  if (x.platform_tie_share < p.community_ties || x.member_collaboration < p.community_collaboration)
    return PlatformPathStage::Dominance;
  if (x.platform_export_share < p.global_export_share) return PlatformPathStage::Community;
  return PlatformPathStage::Globalization;
}

EcosystemStage ecosystem_conditions_met(const PlatformStageParams& p, const PlatformIndicators& x,
                                        bool any_platform) {
  if (!any_platform) return EcosystemStage::NoPlatforms;
  // Integration counts trade across platforms through the middle platform and through shared membership of
  // connected platforms (7.53): multi-homed partners trade on a shared platform, not "across" one.
  if (x.interconnected_share < p.ecosystem2_connected || x.integrated_share < p.ecosystem2_cross)
    return EcosystemStage::Islands;
  if (x.interconnected_share < p.ecosystem3_connected || x.integrated_share < p.ecosystem3_cross ||
      x.mutual_share < p.ecosystem3_mutual)
    return EcosystemStage::Interconnection;
  return EcosystemStage::Ecosystem;
}

std::pair<PlatformPathStage, EcosystemStage> PlatformStageDetector::update(const PlatformIndicators& x,
                                                                           bool any_platform) {
  const auto path = static_cast<int>(path_conditions_met(p_, x));
  const auto eco = static_cast<int>(ecosystem_conditions_met(p_, x, any_platform));
  int ps = 0, es = any_platform ? 1 : 0;
  for (int k = 1; k <= 3; ++k) {
    path_held_[k] = k <= path ? path_held_[k] + 1 : 0;
    eco_held_[k] = k <= eco ? eco_held_[k] + 1 : 0;
    if (path_held_[k] >= p_.persistence) ps = k;
    if (k >= 2 && eco_held_[k] >= p_.persistence) es = k;
  }
  return {static_cast<PlatformPathStage>(ps), static_cast<EcosystemStage>(es)};
}

}  // namespace vicsim::sim

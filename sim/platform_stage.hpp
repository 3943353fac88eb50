#pragma once
/** @file Detection of the platform-led path's stages (platform dominance → community operation →
 * globalization) and of the platform-ecosystem stage (1.0 islands → 2.0 interconnection → 3.0
 * ecosystem), both with persistence like the traditional detector (docs/ODD.md, "Stage detection"). */
#include <cstdint>
#include <string_view>

namespace vicsim::sim {

/** @brief Thresholds of the platform-led path and of the platform-ecosystem stage. */
struct PlatformStageParams {
  double dominance_members = 0.2;         ///< platform member share of firms for 'platform dominance'
  double dominance_chain = 0.8;           ///< share of firm types with a member, for 'platform dominance'
  double community_ties = 0.25;           ///< platform-mediated share of ties for 'community operation'
  double community_collaboration = 0.15;  ///< members with a collaboration tie on a platform
  /** @brief Share of platform members' final sales sold to the rest of the world through a platform's
   * cross-border service, for 'globalization' (China's exports, 17.4% of GDP in 2019; docs/ODD.md 7.26). */
  double global_export_share = 0.174;
  double ecosystem2_connected = 0.3;  ///< interconnected share of platforms for 2.0
  double ecosystem2_cross = 0.02;     ///< integrated share of platform trade for 2.0
  double ecosystem3_connected = 0.7;  ///< interconnected share of platforms for 3.0
  double ecosystem3_cross = 0.08;     ///< integrated share of platform trade for 3.0
  double ecosystem3_mutual = 0.6;     ///< connected platforms with ≥5% of their trade integrated
  std::int32_t persistence = 3;       ///< months the conditions must hold
};

/** @brief Indicators the two detectors read (from TickMetrics). */
struct PlatformIndicators {
  double member_share = 0, chain_coverage = 0, platform_tie_share = 0, member_collaboration = 0;
  double platform_export_share = 0;  ///< members' final sales exported through platforms (share, 7.78)
  double interconnected_share = 0, cross_platform_share = 0, mutual_share = 0;
  double integrated_share =
      0;  ///< cross-platform trade plus trade integrated through shared membership (7.53)
};

/** @brief Stage of the platform-led path; 0: none yet. */
enum class PlatformPathStage : std::uint8_t { None = 0, Dominance = 1, Community = 2, Globalization = 3 };
/** @brief Platform-ecosystem stage: 1.0, 2.0 or 3.0 (0 while there are no platforms). */
enum class EcosystemStage : std::uint8_t { NoPlatforms = 0, Islands = 1, Interconnection = 2, Ecosystem = 3 };

std::string_view stage_name(PlatformPathStage s);
std::string_view stage_name(EcosystemStage s);

/** @brief Raw stages whose conditions hold this tick (no persistence). */
PlatformPathStage path_conditions_met(const PlatformStageParams& p, const PlatformIndicators& x);
EcosystemStage ecosystem_conditions_met(const PlatformStageParams& p, const PlatformIndicators& x,
                                        bool any_platform);

/** @brief Both detectors; stage k is declared when the conditions of 1..k have held `persistence` months. */
class PlatformStageDetector {
 public:
  explicit PlatformStageDetector(PlatformStageParams p) : p_(p) {}
  /** @brief Feeds one tick and returns (path stage, ecosystem stage). */
  std::pair<PlatformPathStage, EcosystemStage> update(const PlatformIndicators& x, bool any_platform);

 private:
  PlatformStageParams p_;
  std::int32_t path_held_[4] = {0, 0, 0, 0};
  std::int32_t eco_held_[4] = {0, 0, 0, 0};
};

}  // namespace vicsim::sim

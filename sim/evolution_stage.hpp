#pragma once
/** @file Detection of the traditional path's stages: concentration → value chain → ecosystem. */
#include <cstdint>
#include <string_view>

namespace vicsim::sim {

/** @brief Thresholds that detect the traditional path's stages (docs/ODD.md, "Stage detection"). */
struct TraditionalStageParams {
  double concentration_eg =
      0.05;  ///< Ellison–Glaeser gamma for "concentration" (EG 1997: "highly concentrated")
  double chain_completeness = 0.8;  ///< share of input slots sourced through ties for "value chain"
  double chain_local_share = 0.5;   ///< local-tie share required for a regional value chain
  double chain_trust =
      -1.0;  ///< mean supply-tie trust for a value chain; < 0: derived from beliefs (ODD 7.14)
  double ecosystem_clustering = 0.15;  ///< clustering coefficient for "ecosystem"
  double ecosystem_innovation = 0.3;   ///< share of firms with a productivity gain in the last 12 months
  double ecosystem_giant = 0.5;        ///< giant-component share for "ecosystem"
  std::int32_t persistence = 6;        ///< months the conditions must hold before a stage is declared
};

/** @brief Stage of the traditional path; 0 means none has been reached. */
enum class TraditionalStage : std::uint8_t {
  Dispersed = 0,
  Concentration = 1,
  ValueChain = 2,
  Ecosystem = 3
};

std::string_view stage_name(TraditionalStage s);

/** @brief The indicators a stage decision reads. */
struct StageIndicators {
  double eg_index = 0.0;
  double chain_completeness = 0.0;
  double local_tie_share = 0.0;
  double mean_trust = 0.0;
  double clustering = 0.0;
  double innovation_share = 0.0;
  double giant_component_share = 0.0;
};

/** @brief Tracks how long each stage's conditions have held and reports the current stage.
 * Stage k is declared when the conditions of stages 1..k have all held for `persistence` months;
 * it is withdrawn as soon as they fail (so lock-in and decline are visible). */
class TraditionalStageDetector {
 public:
  explicit TraditionalStageDetector(TraditionalStageParams p) : p_(p) {}
  /** @brief Feeds one tick's indicators and returns the stage now in force. */
  TraditionalStage update(const StageIndicators& x);
  /** @brief The raw stage whose conditions hold this tick, without persistence. */
  static TraditionalStage conditions_met(const TraditionalStageParams& p, const StageIndicators& x);

 private:
  TraditionalStageParams p_;
  std::int32_t held_[4] = {0, 0, 0, 0};
};

}  // namespace vicsim::sim

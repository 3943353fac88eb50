#include "sim/evolution_stage.hpp"

#include <catch2/catch.hpp>

using namespace vicsim::sim;

TEST_CASE("evolution_stage: conditions are nested and need persistence", "[sim]") {
  TraditionalStageParams p;
  p.persistence = 3;
  p.chain_trust = 0.5;  // the default (−1) asks the model to derive it (agents: resolved_stage_params)
  StageIndicators x{0.1, 0.9, 0.8, 0.6, 0.2, 0.5, 0.8};
  CHECK(TraditionalStageDetector::conditions_met(p, x) == TraditionalStage::Ecosystem);
  StageIndicators low = x;
  low.eg_index = 0.0;  // no concentration: nothing above it counts
  CHECK(TraditionalStageDetector::conditions_met(p, low) == TraditionalStage::Dispersed);

  TraditionalStageDetector d(p);
  CHECK(d.update(x) == TraditionalStage::Dispersed);
  CHECK(d.update(x) == TraditionalStage::Dispersed);
  CHECK(d.update(x) == TraditionalStage::Ecosystem);
  StageIndicators weak_chain = x;
  weak_chain.mean_trust = 0.1;
  CHECK(d.update(weak_chain) == TraditionalStage::Concentration);  // withdrawn at once
}

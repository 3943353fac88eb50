#include "sim/industry.hpp"

namespace vicsim::sim {

std::vector<InputNeed> input_needs(const std::vector<Industry>& industries, std::size_t industry,
                                   std::size_t stage) {
  const Industry& ind = industries[industry];
  std::vector<InputNeed> needs;
  double cross = 0.0;
  for (const auto& c : ind.cross_inputs) {
    if (c.to_stage == stage) {
      needs.push_back({c.from_industry, c.from_stage, ind.input_coefficient * c.share});
      cross += c.share;
    }
  }
  if (stage > 0) {
    // The own-industry upstream stage supplies whatever the cross inputs do not.
    needs.insert(needs.begin(), {industry, stage - 1, ind.input_coefficient * (1.0 - cross)});
  }
  return needs;
}

}  // namespace vicsim::sim

#include "sim/industry.hpp"

#include <algorithm>

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

double io_relatedness(const std::vector<Industry>& industries, std::size_t a, std::size_t b) {
  if (a == b) return 1.0;
  double s = 0.0;
  for (const auto& c : industries[a].cross_inputs) s += c.from_industry == b ? c.share : 0.0;
  for (const auto& c : industries[b].cross_inputs) s += c.from_industry == a ? c.share : 0.0;
  return std::min(1.0, s);
}

double relatedness(const std::vector<Industry>& industries, std::size_t a, std::size_t b) {
  if (a == b) return 1.0;
  const auto& r = industries[a].relatedness;
  return b < r.size() ? r[b] : 0.0;
}

}  // namespace vicsim::sim

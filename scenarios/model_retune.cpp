#include "scenarios/model_retune.hpp"

#include <stdexcept>

#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

void retune_model(agents::ClusterModel& model, const Scenario& s) {
  const auto policies = build_policies(s);
  model.retune([&](agents::ModelParams& params, sim::World& w, std::vector<agents::Policy>& live) {
    if (s.regions.size() != w.regions.size() || s.platforms.size() != w.platforms.size() ||
        policies.size() != live.size())
      throw std::invalid_argument("retune_model: the scenario has other regions, platforms or policies");
    params = s.mechanisms;
    for (std::size_t r = 0; r < w.regions.size(); ++r)
      w.regions[r].infrastructure = s.regions[r].infrastructure;
    for (std::size_t p = 0; p < w.platforms.size(); ++p) {
      w.platforms[p].entry_fee = sim::Money{s.platforms[p].entry_fee};
      w.platforms[p].transaction_fee = s.platforms[p].transaction_fee;
    }
    for (std::size_t k = 0; k < live.size(); ++k) {
      live[k].budget = policies[k].budget;
      live[k].subsidy_share = policies[k].subsidy_share;
      live[k].platform_subsidy_share = policies[k].platform_subsidy_share;
      live[k].fee_cap = policies[k].fee_cap;
    }
  });
}

}  // namespace vicsim::scenarios

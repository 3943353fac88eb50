#include "scenarios/model_retune.hpp"

#include "scenarios/world_builder.hpp"

namespace vicsim::scenarios {

void retune_model(agents::ClusterModel& model, const Scenario& s) {
  const sim::World fresh = build_world(s);
  model.retune([&](agents::ModelParams& params, sim::World& w) {
    params = s.mechanisms;
    if (fresh.regions.size() != w.regions.size())
      throw std::invalid_argument("retune_model: the scenario has a different set of regions");
    w.regions = fresh.regions;
    w.compute_distances();
  });
}

}  // namespace vicsim::scenarios

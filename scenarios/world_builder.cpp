#include "scenarios/world_builder.hpp"

#include <algorithm>

namespace vicsim::scenarios {

namespace {

std::size_t index_of(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::size_t>(std::find(names.begin(), names.end(), name) - names.begin());
}

}  // namespace

sim::World build_world(const Scenario& s) {
  sim::World w;
  w.seed = s.seed;
  std::vector<std::string> industry_names;
  for (const auto& i : s.industries) industry_names.push_back(i.name);
  for (const auto& is : s.industries) {
    sim::Industry ind;
    ind.name = is.name;
    ind.stages = is.stages;
    ind.input_coefficient = is.input_coefficient;
    ind.demand_weight = is.demand_weight;
    for (const auto& c : is.cross_inputs) {
      const auto from = index_of(industry_names, c.from_industry);
      ind.cross_inputs.push_back({from, index_of(s.industries[from].stages, c.from_stage),
                                  index_of(is.stages, c.to_stage), c.share});
    }
    w.industries.push_back(std::move(ind));
  }
  for (const auto& rs : s.regions) {
    sim::Region r;
    r.name = rs.name;
    r.x_km = rs.x_km;
    r.y_km = rs.y_km;
    r.internal_km = rs.internal_km;
    r.infrastructure = rs.infrastructure;
    r.labour_cost = sim::Money{rs.labour_cost};
    r.land_cost = sim::Money{rs.land_cost};
    r.relocation_barrier = sim::Money{rs.relocation_barrier};
    r.endowment.assign(s.industries.size(), 0.5);
    for (const auto& [name, value] : rs.endowment) r.endowment[index_of(industry_names, name)] = value;
    w.regions.push_back(std::move(r));
  }
  w.compute_distances();
  return w;
}

agents::ClusterModel build_model(const Scenario& s, unsigned threads) {
  return agents::ClusterModel(build_world(s), s.mechanisms, threads);
}

void check_value_chain_acyclic(const Scenario& s, const std::string& file, Diagnostics& diag) {
  const sim::World w = build_world(s);
  sim::FirmDirectory dir;
  dir.rebuild(w);
  std::vector<std::vector<sim::InputNeed>> needs(dir.n_types());
  for (std::size_t i = 0; i < w.industries.size(); ++i)
    for (std::size_t st = 0; st < w.industries[i].stages.size(); ++st)
      needs[dir.type_key(i, st)] = sim::input_needs(w.industries, i, st);
  try {
    agents::customers_first_order(w, dir, needs);
  } catch (const agents::CyclicValueChain&) {
    diag.push_back({file, "industries", "cross_inputs form a cycle; the value chain must be acyclic"});
  }
}

}  // namespace vicsim::scenarios

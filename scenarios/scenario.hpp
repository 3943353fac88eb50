#pragma once
/** @file A scenario: plain typed data with defaults. Read from and written to JSON by the visitors in
 * scenario_schema.hpp; turned into a world by world_builder.hpp. */
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "agents/model_params.hpp"

namespace vicsim::scenarios {

/** @brief A region as written in a scenario. */
struct RegionSpec {
  std::string name;
  double x_km = 0.0;
  double y_km = 0.0;
  double internal_km = 30.0;
  std::map<std::string, double> endowment;  ///< industry name → endowment in [0,1]; missing = 0.5
  double infrastructure = 0.3;
  double labour_cost = 6000.0;
  double land_cost = 300.0;
  double relocation_barrier = 2.0e6;
};

/** @brief A cross-industry input link as written in a scenario. */
struct CrossInputSpec {
  std::string from_industry;
  std::string from_stage;
  std::string to_stage;
  double share = 0.2;
};

/** @brief An industry as written in a scenario. */
struct IndustrySpec {
  std::string name;
  std::vector<std::string> stages{"materials", "components", "assembly", "distribution"};
  double input_coefficient = 1.0;
  double demand_weight = 1.0;
  std::vector<CrossInputSpec> cross_inputs;
};

/** @brief What a run writes besides the time series. */
struct OutputSpec {
  std::int32_t network_every = 12;  ///< GraphML snapshot interval in ticks (the last tick is always written)
  bool graphml = true;
};

/** @brief A whole scenario. */
struct Scenario {
  std::string name = "unnamed";
  std::string description;
  std::uint64_t seed = 1;
  std::int32_t ticks = 120;
  std::vector<RegionSpec> regions;
  std::vector<IndustrySpec> industries;
  agents::ModelParams mechanisms;
  OutputSpec output;
};

}  // namespace vicsim::scenarios

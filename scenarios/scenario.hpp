#pragma once
/** @file A scenario: plain typed data with defaults. Read from and written to JSON by the visitors in
 * scenario_schema.hpp; turned into a world by world_builder.hpp. */
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "agents/model_params.hpp"
#include "sim/platform.hpp"

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
  std::map<std::string, double> relatedness;  ///< other industry name → relatedness in [0,1]
};

/** @brief Switchable platform services as written in a scenario. */
/** @brief A platform's service flags as written in a scenario: the model's own flags, so the world builder
 * copies what the mechanism registry declares (agents/mechanism_registry.hpp) and nothing is listed twice. */
using ServicesSpec = sim::PlatformServices;

/** @brief A platform as written in a scenario. */
struct PlatformSpec {
  std::string name;
  std::string level = "industry";     ///< enterprise | industry | regional | middle
  std::string owner = "independent";  ///< independent | chain_master
  std::string owner_industry;         ///< chain_master: the owner is this industry's largest chain-master
  std::string host_region;            ///< data-centre region (default: the first region)
  std::string industry;               ///< industry level: the industry served
  std::string region;                 ///< regional level: the region served
  bool open_regions = true;
  bool open_industries = true;
  /// Only the chain-master owner and its partners may join (a point, docs/ODD.md 7.51); founded points
  /// always.
  bool partners_only = false;
  double min_digital_maturity = 0.0;
  std::int32_t launch_tick = 0;  ///< -1: launched only by a policy (cultivation, 1+N mandate)
  double entry_fee = 5000.0;
  double transaction_fee = 0.02;
  double compute_gflops = 500.0;
  bool interconnected = false;
  double hosted_apps = 0.0;  ///< apps hosted at launch (7.66); a line's stock then grows from usage (7.51)
  ServicesSpec services;
};

/** @brief A policy as written in a scenario. */
struct PolicySpec {
  std::string name;
  std::string instrument;  ///< infrastructure | cloud_voucher | platform_cultivation | pilot |
                           ///< interconnection | supervision
  std::int32_t start = 12;
  std::int32_t end = 120;
  double budget = 1e8;
  std::vector<std::string> regions;  ///< target regions (empty: all); pilot: treatment regions
  std::string industry;              ///< target industry (empty: all)
  std::string size_class = "all";    ///< all | sme | large
  std::string platform;  ///< cultivation: platform launched; interconnection: one platform (empty: all)
  double infrastructure_gain = 0.4;
  std::int32_t rollout_months = 12;
  double cost_per_level = 2e8;
  double subsidy_share = 0.5;
  double platform_subsidy_share = 0.5;
  double fee_cap = 0.03;
};

/** @brief A shock as written in a scenario. */
struct ShockSpec {
  std::string name;
  std::string kind = "demand";  ///< demand | regional_disruption
  std::int32_t start = 60;
  std::int32_t duration = 6;
  double magnitude = 0.3;
  std::string industry;  ///< demand: industry hit (empty: all)
  std::string region;    ///< disruption: region hit
};

/** @brief What a run writes besides the time series. */
struct OutputSpec {
  std::int32_t network_every = 12;  ///< GraphML snapshot interval in ticks (the last tick is always written)
  bool graphml = true;
};

/** @brief One row of the initial firm register ("firms", or "firms_csv"): names resolved against the
 * scenario's regions and industries; a negative optional value is drawn as for a random firm. */
struct FirmSpec {
  std::string region;              ///< region name
  std::string industry;            ///< industry name
  std::string stage;               ///< stage name, or its 0-based index
  double employees = 0.0;          ///< workers (> 0)
  double productivity = -1.0;      ///< initial productivity (> 0), -1: drawn
  std::int32_t chain_master = -1;  ///< 0/1, -1: by the largest-final-stage rule
  double digital_maturity = -1.0;  ///< in [0,1], -1: drawn
};

/** @brief A whole scenario. */
struct Scenario {
  std::string name = "unnamed";
  std::string description;
  std::uint64_t seed = 1;
  std::int32_t ticks = 120;
  std::vector<RegionSpec> regions;
  std::vector<IndustrySpec> industries;
  std::vector<PlatformSpec> platforms;
  std::vector<PolicySpec> policies;
  std::vector<ShockSpec> shocks;
  std::vector<FirmSpec> firms;  ///< initial firm register (empty: all firms drawn)
  agents::ModelParams mechanisms;
  OutputSpec output;
};

}  // namespace vicsim::scenarios

#pragma once
/** @file Government policy instruments: each has a start, an end, a budget and a target, and its
 * spending is accounted every tick (docs/ODD.md, "Policies"). */
#include <cstdint>
#include <string>
#include <vector>

#include "sim/platform.hpp"
#include "sim/units.hpp"

namespace vicsim::agents {

/** @brief The instruments of the source texts' three recommendations. */
enum class Instrument : std::uint8_t {
  Infrastructure,       ///< 5G, broadband, data centre: raises regions' infrastructure level
  CloudVoucher,         ///< pays a share of targeted firms' cloud cost, up to the budget
  PlatformCultivation,  ///< seeds a chain-master-led platform in a cluster, subsidising its costs
  Pilot,                ///< vouchers + infrastructure in treatment regions; the rest are controls
  Interconnection,      ///< 1+N mandate: platforms connect to the middle platform
  Supervision,          ///< platform rules: a cap on the transaction fees platforms charge
};

/** @brief Which firms a policy reaches. Empty lists mean "all". */
struct PolicyTarget {
  std::vector<sim::RegionId> regions;
  std::int32_t industry = -1;   ///< -1: all industries
  std::int32_t size_class = 0;  ///< 0 all, 1 SMEs only, 2 large firms only
  std::int32_t platform =
      -1;  ///< cultivation: the platform launched; interconnection: one platform (-1: all)
};

/** @brief One policy and its running account. */
struct Policy {
  std::string name;
  Instrument instrument = Instrument::CloudVoucher;
  std::int32_t start = 12;  ///< first tick in force
  std::int32_t end = 120;   ///< last tick in force
  sim::Money budget{0.0};   ///< total budget (yuan); spending stops when it is used up
  PolicyTarget target;
  double infrastructure_gain = 0.4;     ///< infrastructure: level added over the roll-out (0–1)
  std::int32_t rollout_months = 12;     ///< infrastructure: months over which the gain is built
  double cost_per_level = 2.0e8;        ///< infrastructure: yuan per unit level per region
  double subsidy_share = 0.5;           ///< vouchers: share of cloud cost paid
  double platform_subsidy_share = 0.5;  ///< cultivation / interconnection: share of platform costs paid
  double fee_cap = 0.03;                ///< supervision: maximum transaction fee
  // running account
  sim::Money spent{0.0};       ///< cumulative spending (yuan)
  sim::Money spent_tick{0.0};  ///< spending this tick (yuan)

  bool active(std::int32_t tick) const { return tick >= start && tick <= end; }
  sim::Money remaining() const { return budget - spent; }
};

/** @brief Instrument name as written in scenarios. */
const char* instrument_name(Instrument i);

}  // namespace vicsim::agents

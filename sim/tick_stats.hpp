#pragma once
/** @file Event counts of one tick, filled by the model's phases and read by the metrics. */
#include <cstdint>

namespace vicsim::sim {

/** @brief What happened during one tick (counts of events). */
struct TickStats {
  std::uint32_t entries = 0;
  std::uint32_t exits = 0;
  std::uint32_t relocations = 0;  ///< entrants that paid a relocation barrier
  std::uint32_t innovations = 0;
  std::uint32_t imitations = 0;
  std::uint32_t ties_formed = 0;
  std::uint32_t ties_dissolved = 0;  ///< by decay or replacement (not by exit)
  std::uint32_t ties_orphaned = 0;   ///< lost because the partner exited
  std::uint32_t cloud_adoptions = 0;
  std::uint32_t platform_joins = 0;
  std::uint32_t platform_leaves = 0;
  std::uint32_t platform_failures = 0;
  double dispatched_units = 0.0;    ///< units moved to idle member capacity
  double platform_gmv = 0.0;        ///< value of platform-mediated trade (yuan)
  double cross_platform_gmv = 0.0;  ///< of which between platforms through interconnection (yuan)
  double integrated_gmv = 0.0;    ///< of which integrated across connected platforms (yuan, docs/ODD.md 7.53)
  double policy_spend = 0.0;      ///< government spending this tick (yuan)
  double real_output = 0.0;       ///< output at month-1 prices of each firm type (yuan)
  double voucher_windfall = 0.0;  ///< voucher spending on firms on the cloud before the policy began (yuan)
  double wage_bill = 0.0;         ///< wages paid by firms (yuan)
  double household_income = 0.0;  ///< every payment households received (yuan)
  double cpi = 0.0;               ///< price of households' purchases against month-1 prices (1 = month 1)
  double orders_units = 0.0;      ///< units ordered from alive firms (ties and households)
  double lost_units = 0.0;        ///< of which not delivered: lost sales
  double loan_write_offs = 0.0;   ///< loans the lender wrote off at exits and failures (yuan)
};

}  // namespace vicsim::sim

#pragma once
/** @file Per-region metrics each tick: the region × month panel behind regions.csv, which a pilot
 * program's difference-in-differences compares treated regions against controls on. */
#include <string_view>
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief One region at one tick. Flows count firms that traded this tick (as in TickMetrics). */
struct RegionMetrics {
  double firms = 0;                      ///< alive firms
  double employees = 0;                  ///< workers of alive firms
  double output = 0;                     ///< gross output (revenue), yuan per month
  double adoption_share = 0;             ///< share of alive firms on at least one platform
  double sme_adoption_share = 0;         ///< same among SMEs
  double cloud_adoption_share = 0;       ///< share of alive firms on the cloud
  double cross_region_tie_share = 0;     ///< share of the region's firms' ties that leave the region
  double productivity_mean = 0;          ///< mean productivity of alive firms
  double lead_time_days = 0;             ///< input-weighted mean delivery lead time of its buyers, days
  double transaction_cost_per_unit = 0;  ///< its buyers' transaction cost per unit of input, yuan
  double infrastructure = 0;             ///< the region's digital infrastructure level (0–1)
  double wage_bill = 0;                  ///< wages paid by its firms that traded this tick, yuan per month
  double profit = 0;                     ///< profit of its firms that traded this tick, yuan per month
  double output_per_worker = 0;          ///< output / employees, yuan per worker per month
  double access_load = 0;  ///< worst load of its routes to platforms with members here (1 = full)
};

/** @brief A column of regions.csv: name and member. */
struct RegionColumn {
  std::string_view name;
  double RegionMetrics::*member;
};

/** @brief The metrics' columns in output order. */
const std::vector<RegionColumn>& region_columns();

/** @brief Metrics of every region of `w`, in region order. */
std::vector<RegionMetrics> region_metrics(const World& w, double sme_threshold);

}  // namespace vicsim::sim

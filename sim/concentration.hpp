#pragma once
/** @file Geographic concentration: the Ellison–Glaeser (1997) index and location quotients. */
#include <vector>

#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief Ellison–Glaeser gamma of one industry from employment by region and the plant Herfindahl.
 * gamma = (G/(1 − Σx²) − H) / (1 − H), with G = Σ_r (s_r − x_r)², s_r the industry's regional share,
 * x_r the region's share of all employment, and H the Herfindahl of the industry's plant sizes. */
double ellison_glaeser(const std::vector<double>& industry_by_region,
                       const std::vector<double>& total_by_region, double plant_herfindahl);

/** @brief Employment-weighted mean EG gamma over industries of the alive firms. */
double mean_ellison_glaeser(const World& w);

/** @brief Location quotient LQ[industry][region] = (e_ir / e_i) / (e_r / e). */
std::vector<std::vector<double>> location_quotients(const World& w);

/** @brief Share of the industry's employment in its largest region, averaged over industries. */
double top_region_share(const World& w);

/** @brief Both cluster concentration indices of the time series. */
struct ClusterConcentration {
  double eg_index = 0.0;          ///< mean_ellison_glaeser (gamma)
  double top_region_share = 0.0;  ///< top_region_share (share)
};

/** @brief mean_ellison_glaeser and top_region_share from one pass over the firms' employment (same values
 * as the two functions). */
ClusterConcentration cluster_concentration(const World& w);

}  // namespace vicsim::sim

#pragma once
/** @file A region: a place with coordinates, endowments, infrastructure and costs. */
#include <string>
#include <vector>

#include "sim/units.hpp"

namespace vicsim::sim {

/** @brief Static description of one region. */
struct Region {
  std::string name;
  double x_km = 0.0;              ///< east coordinate (km)
  double y_km = 0.0;              ///< north coordinate (km)
  double internal_km = 30.0;      ///< mean distance between two firms inside the region (km)
  std::vector<double> endowment;  ///< natural endowment per industry, in [0,1], indexed by IndustryId
  double infrastructure = 0.3;    ///< digital infrastructure level in [0,1]
  double access_load =
      0.0;  ///< worst load (service time / window) of its routes to platforms with members here; 0 if none
  Money labour_cost{6000.0};        ///< wage per worker per month (yuan)
  Money land_cost{300.0};           ///< land and overhead per worker per month (yuan)
  Money relocation_barrier{2.0e6};  ///< one-off cost for a firm from elsewhere to settle here (yuan)
};

}  // namespace vicsim::sim

#pragma once
/** @file The initial firm population: Zipf sizes (Axtell 2001), types balanced to the value chain's
 * input requirements, regions drawn by endowment, and the initial supply network. */
#include "agents/model_context.hpp"

namespace vicsim::agents {

/** @brief Required output of each type key per unit of final demand (a Leontief pass, customers first). */
std::vector<double> required_output(const ModelContext& c);

/** @brief Creates the initial firms, sets final demand, initial prices and the initial ties. */
void populate(ModelContext& c);

}  // namespace vicsim::agents

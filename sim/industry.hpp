#pragma once
/** @file An industry: a value chain of stages, plus input links from other industries. */
#include <string>
#include <vector>

namespace vicsim::sim {

/** @brief A cross-industry input: stage `to_stage` of this industry buys from (`from_industry`,
 * `from_stage`). */
struct CrossInput {
  std::size_t from_industry = 0;
  std::size_t from_stage = 0;
  std::size_t to_stage = 0;
  double share = 0.2;  ///< share of the buying stage's input requirement sourced this way, in [0,1)
};

/** @brief Static description of one industry. */
struct Industry {
  std::string name;
  std::vector<std::string> stages;  ///< value-chain stages, upstream first (e.g. materials → distribution)
  double input_coefficient = 1.0;   ///< units of input per unit of output for stages > 0
  std::vector<CrossInput> cross_inputs;  ///< inputs from other industries
  double demand_weight = 1.0;            ///< relative size of final demand for this industry
  /** Relatedness to every industry (index = industry; own = 1), in [0,1]: input–output links and
   * technological proximity (docs/ODD.md 7.38). Empty reads as 1 for self and 0 otherwise. */
  std::vector<double> relatedness;
};

/** @brief Relatedness of industries a and b, in [0,1] (1 when a == b). */
double relatedness(const std::vector<Industry>& industries, std::size_t a, std::size_t b);

/** @brief Default relatedness from the input–output links: min(1, sum of the cross-input shares between
 * a and b in both directions); 1 for a == b. */
double io_relatedness(const std::vector<Industry>& industries, std::size_t a, std::size_t b);

/** @brief One kind of input a firm buys: a supplier type and the quantity per unit of output. */
struct InputNeed {
  std::size_t industry = 0;
  std::size_t stage = 0;
  double per_unit = 0.0;  ///< units of this input per unit of the buyer's output
};

/** @brief Inputs a firm of (industry, stage) needs; empty for the first stage with no cross inputs. */
std::vector<InputNeed> input_needs(const std::vector<Industry>& industries, std::size_t industry,
                                   std::size_t stage);

}  // namespace vicsim::sim

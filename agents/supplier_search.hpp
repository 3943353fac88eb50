#pragma once
/** @file Offline supplier search: co-located candidates and referrals through the firm's partners,
 * chosen by a logit on landed cost with preferential attachment (docs/ODD.md, "Supplier search"). */
#include <optional>

#include "agents/model_context.hpp"
#include "sim/rng.hpp"

namespace vicsim::agents {

/** @brief A chosen supplier and the landed cost the buyer expects from it. */
struct SupplierChoice {
  sim::FirmIndex supplier;
  double landed;     ///< yuan per unit
  double screening;  ///< cost of screening all candidates of this search (yuan, 7.32)
};

/** @brief How to pick among candidates. */
enum class ChoiceRule { Logit, Uniform };

/** @brief Searches one input slot of firm f. Returns nothing when no eligible candidate is found. */
std::optional<SupplierChoice> search_supplier(const ModelContext& c, sim::FirmIndex f, std::size_t slot,
                                              sim::Rng& rng, ChoiceRule rule);

/** @brief Landed cost per unit buyer b expects from supplier s on a new tie (platform terms if shared). */
double expected_landed_cost(const ModelContext& c, sim::FirmIndex s, sim::FirmIndex b);

/** @brief Adds a tie supplier → customer for the given slot unless one exists; returns true if added. */
bool add_tie(ModelContext& c, sim::FirmIndex supplier, sim::FirmIndex customer, std::size_t slot);

/** @brief Number of ties serving each of f's input slots. */
std::vector<std::uint32_t> ties_per_slot(const ModelContext& c, sim::FirmIndex f);

/** @brief ties_per_slot into n (resized), so a loop over firms reuses one buffer. */
void ties_per_slot(const ModelContext& c, sim::FirmIndex f, std::vector<std::uint32_t>& n);

/** @brief Number of ties serving f's input slot `slot` (ties_per_slot(c, f)[slot]). */
std::uint32_t ties_in_slot(const ModelContext& c, sim::FirmIndex f, std::size_t slot);

}  // namespace vicsim::agents

#pragma once
/** @file What the orders phase reads of each supplier, gathered into one record per firm. */

namespace vicsim::agents {

/**
 * @brief What splitting a customer's input over its suppliers reads of one supplier (propagate_orders,
 * ODD 7.28): its capacity, its price and its type's mean price.
 *
 * A copy, gathered each month from the firm arrays (gather_supplier_offers) after prices are set and
 * before the first order; none of the three changes until the orders are split. Why a copy: at 1M firms a
 * tie's supplier is a random firm, and reading the seven arrays these come from (employees, productivity,
 * digital maturity, disruption, industry, stage, price) is seven cache misses; the record is one (32-byte
 * aligned, so it never straddles two lines). The values are bit for bit those the arrays give.
 */
struct alignas(32) SupplierOffer {
  double capacity = 0.0;    ///< sim::Firms::capacity, units per month
  double price = 0.0;       ///< sim::Firms::price, yuan per unit
  double type_price = 0.0;  ///< ModelContext::mean_price of the supplier's type, yuan per unit
};
static_assert(sizeof(SupplierOffer) == 32, "one supplier's offer fills half a cache line");

}  // namespace vicsim::agents

#pragma once
/** @file A tick's transaction cost split by component (docs/ODD.md 7.32), and the chunks of firm ids over
 * which settlement sums it for the metrics. */
#include <cstddef>
#include <type_traits>

namespace vicsim::sim {

/** @brief Transaction cost of a tick split by component (yuan; docs/ODD.md 7.32). For one firm the parts sum
 * to `Firms::transaction_cost`. */
struct TransactionCostParts {
  double handling = 0;          ///< tie handling τ0 · (1 + d/d0) · value
  double inspection = 0;        ///< tie inspection and monitoring (falls with evidence)
  double commission = 0;        ///< platform commission on brokered ties
  double rework = 0;            ///< drawn defective lots on ties
  double lateness = 0;          ///< drawn late deliveries on ties
  double search = 0;            ///< screening of supplier candidates
  double spot_premium = 0;      ///< spot-market premium on untied purchases
  double spot_information = 0;  ///< expected inspection, rework and lateness of spot or marketplace sellers
  double marketplace_fee = 0;   ///< platform fee on marketplace purchases
  double dispatch_premium = 0;  ///< spot premium on overflow dispatched to members the sender has no tie with
  double dispatch_inspection = 0;  ///< inspection of dispatched overflow, falling with the platform's ratings
  double dispatch_fee = 0;         ///< platform fee on dispatched overflow
  double logistics_fee = 0;        ///< shared-logistics fee on pooled tie shipments (7.60)
};

/** @brief Adds b to a, part by part. */
inline void add_parts(TransactionCostParts& a, const TransactionCostParts& b) {
  static_assert(std::is_standard_layout_v<TransactionCostParts> &&
                sizeof(TransactionCostParts) % sizeof(double) == 0);
  constexpr std::size_t n = sizeof(TransactionCostParts) / sizeof(double);
  auto* x = reinterpret_cast<double*>(&a);
  const auto* y = reinterpret_cast<const double*>(&b);
  for (std::size_t k = 0; k < n; ++k) x[k] += y[k];
}

/** @brief Firm ids per chunk of the metrics pass (sim/tick_metrics.cpp), which sums firms chunk by chunk in
 * slot order and adds the chunks in order. Settlement sums the transaction-cost parts over the same chunks
 * (agents/trade.cpp), so no per-firm copy of the parts is kept (104 bytes per slot; issue 15) and the sums
 * are the ones a per-firm pass would give, bit for bit, for any thread count. */
inline constexpr std::size_t kFirmSumChunk = 4096;

}  // namespace vicsim::sim

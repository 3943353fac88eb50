#pragma once
/** @file The metrics recorded every tick: one row of timeseries.csv. */
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "sim/evolution_stage.hpp"
#include "sim/network_metrics.hpp"
#include "sim/platform_stage.hpp"
#include "sim/tick_stats.hpp"
#include "sim/transaction_cost_parts.hpp"
#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief One tick's metrics. Units are given in docs/outputs.md and by `columns()`. */
struct TickMetrics {
  double tick = 0;
  double firms = 0, entries = 0, exits = 0, relocations = 0;
  double sme_share = 0;  ///< share of alive firms below the SME threshold
  double employees = 0;
  double output = 0;             ///< gross output, yuan per month
  double real_output = 0;        ///< gross output at month-1 prices of each firm type, yuan per month
  double value_added = 0;        ///< revenue minus purchased inputs, yuan per month
  double profit = 0;             ///< yuan per month
  double productivity_mean = 0;  ///< mean productivity of alive firms
  double productivity_sd = 0;    ///< standard deviation of productivity
  double innovations = 0, imitations = 0;
  double innovation_share = 0;  ///< share of alive firms with a productivity gain in the last 12 months
  double ties = 0;
  double ties_formed = 0, ties_dissolved = 0;
  double local_tie_share = 0;         ///< ties within one region
  double cross_region_tie_share = 0;  ///< ties across regions
  double cross_industry_tie_share = 0;
  double density = 0, mean_degree = 0, clustering = 0, giant_component_share = 0, components = 0;
  double clustering_se = 0;              ///< standard error of `clustering`: 0 when exact, > 0 when sampled
  double eg_index = 0;                   ///< employment-weighted mean Ellison–Glaeser gamma
  double top_region_share = 0;           ///< employment share of each industry's largest region
  double transaction_cost_per_unit = 0;  ///< transaction cost per unit of purchased input, yuan
  double transaction_cost_share = 0;     ///< transaction cost / purchase value
  // transaction_cost_per_unit by component (TransactionCostParts), yuan per unit of purchased input
  double tc_handling_per_unit = 0, tc_inspection_per_unit = 0, tc_commission_per_unit = 0;
  double tc_rework_per_unit = 0, tc_lateness_per_unit = 0, tc_search_per_unit = 0;
  double tc_spot_premium_per_unit = 0, tc_spot_information_per_unit = 0, tc_marketplace_fee_per_unit = 0;
  double tc_dispatch_premium_per_unit = 0, tc_dispatch_inspection_per_unit = 0, tc_dispatch_fee_per_unit = 0;
  double tc_logistics_fee_per_unit = 0;
  double lead_time_days = 0;        ///< input-weighted mean delivery lead time, days
  double capacity_utilisation = 0;  ///< output / capacity
  double spot_share = 0;            ///< share of inputs bought on the anonymous spot market
  double chain_completeness = 0;    ///< share of firms' input slots with at least one supplier tie
  double supply_trust = 0;          ///< mean trust of supply ties
  double stage = 0;                 ///< traditional-path stage 0..3
  // digital adoption and platforms
  double cloud_adoption_share = 0;   ///< alive firms on the cloud
  double sme_adoption_share = 0;     ///< SMEs on the cloud
  double large_adoption_share = 0;   ///< large firms on the cloud
  double digital_divide_gap = 0;     ///< large minus SME adoption share
  double platform_member_share = 0;  ///< alive firms on at least one platform
  double sme_participation = 0;      ///< SMEs on at least one platform
  double multihoming_share = 0;      ///< members on two or more platforms
  double platforms_alive = 0;
  double platform_hhi = 0;           ///< Herfindahl index of memberships across platforms
  double platform_tie_share = 0;     ///< ties formed on a platform
  double platform_cross_region = 0;  ///< cross-region share of platform-brokered ties
  double export_share = 0;           ///< exports ÷ final sales (registry column, 7.78)
  double platform_export_share = 0;  ///< members' final sales exported through platforms (registry column)
  double cross_border_subscriber_share = 0;  ///< final-stage members paying for cross-border listing
  double member_collaboration = 0;           ///< members with a collaboration tie formed on a platform
  double chain_coverage = 0;                 ///< share of firm types (industry × stage) with a member
  double platform_gmv = 0;                   ///< platform-mediated trade, yuan/month
  double cross_platform_share = 0;           ///< share of platform trade between platforms (via 1+N)
  double integrated_share = 0;       ///< share of platform trade integrated across connected platforms (7.53)
  double dispatched_units = 0;       ///< units dispatched to idle member capacity
  double interconnected_share = 0;   ///< alive N-platforms connected to the middle platform
  double mutual_share = 0;           ///< connected platforms with ≥5% of their trade integrated
  double service_latency_ms = 0;     ///< members-weighted platform service time from SimGrid, ms
  double max_congestion = 0;         ///< worst platform's service time / window (1 = not overloaded)
  double quality = 0;                ///< revenue-weighted product quality (own and input defects, 7.34)
  double management_efficiency = 0;  ///< output value per yuan of management overhead
  double unit_total_cost = 0;        ///< total cost / revenue
  double policy_spend = 0;           ///< government spending this tick, yuan
  double policy_spend_cumulative = 0;  ///< yuan since tick 1
  double platform_path_stage = 0;      ///< 0..3: none, dominance, community, globalization
  double ecosystem_stage = 0;          ///< 0 no platforms, 1..3 = 1.0 / 2.0 / 3.0
  // welfare and distribution (sim/welfare_metrics.cpp)
  double wage_bill = 0;                ///< wages paid by firms, yuan/month
  double household_income = 0;         ///< all payments to households, yuan/month
  double cpi = 0;                      ///< consumer price index, month 1 = 1
  double real_household_income = 0;    ///< household_income / cpi, yuan/month at month-1 prices
  double theil_output_per_worker = 0;  ///< Theil index of output per worker across regions
  double sme_survival = 0;             ///< alive SMEs / SMEs ever (exited ones sized at exit)
  double platform_fee_revenue = 0;     ///< platforms' fee and entry-fee revenue, yuan/month
  double fee_share_of_gmv = 0;         ///< platform_fee_revenue / platform GMV
  double platform_gmv_hhi = 0;         ///< Herfindahl index of GMV across platforms
  double lost_sales_share = 0;         ///< units ordered but not delivered / units ordered
  double loan_write_offs = 0;          ///< loans written off by the lender, yuan/month
  double voucher_windfall = 0;      ///< voucher spending on firms on the cloud before the policy, yuan/month
  double app_subscriber_share = 0;  ///< platform members subscribed to a platform's shared apps (7.66)
  double in_plant_share = 0;        ///< alive firms that buy in-plant digital services (7.102)
};

/** @brief A column of the time series: its name, unit and member. */
struct Column {
  std::string_view name;
  std::string_view unit;
  double TickMetrics::*member;
};

/** @brief One part of transaction_cost_per_unit: its time-series column, the firm-level part it sums (yuan
 * per month) and the metric it fills (yuan per unit of purchased input). */
struct TransactionCostColumn {
  std::string_view name;
  double TransactionCostParts::*part;
  double TickMetrics::*member;
};

/** @brief Every part of TransactionCostParts, in column order: the one list the metrics pass sums and divides
 * and columns() writes (a part missing here is neither summed nor written; tests check the count). */
const std::vector<TransactionCostColumn>& transaction_cost_columns();

/** @brief All columns in output order (the stage names are appended by the writer). */
const std::vector<Column>& columns();

/** @brief Inputs the metrics need besides the world. */
struct MetricsInput {
  const World* world = nullptr;
  TickStats stats;
  double sme_threshold = 250.0;
  unsigned threads = 1;  ///< worker threads for the per-firm pass; results do not depend on it
  /** Per chunk of kFirmSumChunk firm ids: the transaction-cost parts of the chunk's firms that traded this
   * tick, summed in slot order (settle_accounts). Chunks past its end add nothing. */
  std::span<const TransactionCostParts> transaction_cost_parts;
};

/** @brief Per-firm buffers of the metrics pass, kept by the caller so the pass does not allocate them every
 * tick. Their contents are overwritten by every call. */
struct MetricsScratch {
  std::vector<std::uint8_t> slot_filled;  ///< per firm and input slot: 1 if a supply tie serves the slot
  std::vector<std::uint8_t> platform_collab_in;   ///< per firm: 1 if an alive partner collaborates with it
                                                  ///< on a platform
  std::vector<std::uint8_t> platform_collab_out;  ///< per firm: 1 if it collaborates on a platform with an
                                                  ///< alive partner
};

/** @brief Computes one tick's metrics, including network statistics from the given snapshot. */
TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net);

/** @brief As compute_metrics(in, net), reusing `scratch`'s buffers (same values, no per-firm allocation). */
TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net, MetricsScratch& scratch);

/** @brief Stage indicators extracted from a metrics row. */
StageIndicators stage_indicators(const TickMetrics& m);

/** @brief Platform-stage indicators extracted from a metrics row. */
PlatformIndicators platform_indicators(const TickMetrics& m);

}  // namespace vicsim::sim

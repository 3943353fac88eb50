#pragma once
/** @file The metrics recorded every tick: one row of timeseries.csv. */
#include <array>
#include <cstdint>
#include <string_view>

#include "sim/evolution_stage.hpp"
#include "sim/network_metrics.hpp"
#include "sim/tick_stats.hpp"
#include "sim/world.hpp"

namespace vicsim::sim {

/** @brief One tick's metrics. Units are given in docs/outputs.md and by `columns()`. */
struct TickMetrics {
  double tick = 0;
  double firms = 0, entries = 0, exits = 0, relocations = 0;
  double sme_share = 0;  ///< share of alive firms below the SME threshold
  double employees = 0;
  double output = 0;             ///< gross output, yuan per month
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
  double eg_index = 0;                   ///< employment-weighted mean Ellison–Glaeser gamma
  double top_region_share = 0;           ///< employment share of each industry's largest region
  double transaction_cost_per_unit = 0;  ///< transaction cost per unit of purchased input, yuan
  double transaction_cost_share = 0;     ///< transaction cost / purchase value
  double lead_time_days = 0;             ///< input-weighted mean delivery lead time, days
  double capacity_utilisation = 0;       ///< output / capacity
  double spot_share = 0;                 ///< share of inputs bought on the anonymous spot market
  double chain_completeness = 0;         ///< share of firms' input slots with at least one supplier tie
  double supply_trust = 0;               ///< mean trust of supply ties
  double stage = 0;                      ///< traditional-path stage 0..3
};

/** @brief A column of the time series: its name, unit and member. */
struct Column {
  std::string_view name;
  std::string_view unit;
  double TickMetrics::*member;
};

/** @brief All columns in output order (stage_name is appended by the writer). */
const std::array<Column, 36>& columns();

/** @brief Inputs the metrics need besides the world. */
struct MetricsInput {
  const World* world = nullptr;
  TickStats stats;
  double sme_threshold = 250.0;
};

/** @brief Computes one tick's metrics, including network statistics from the given snapshot. */
TickMetrics compute_metrics(const MetricsInput& in, const NetworkStats& net);

/** @brief Stage indicators extracted from a metrics row. */
StageIndicators stage_indicators(const TickMetrics& m);

}  // namespace vicsim::sim

#pragma once
/** @file Welfare and distribution columns of timeseries.csv (docs/ODD.md 7.29): wage bill, household
 * income in money and in real terms, regional inequality, SME survival and platform market power. */
#include "sim/exited_firms.hpp"
#include "sim/tick_metrics.hpp"

namespace vicsim::sim {

/** @brief Theil T index of output per worker across regions (weights: output shares):
 * T = Σ_r (Y_r / Y) · ln((Y_r / Y) / (E_r / E)); 0 when every region has the same output per worker.
 * `output` and `employees` are per region; regions without employees or output are skipped. */
double theil_output_per_worker(const std::vector<double>& output, const std::vector<double>& employees);

/** @brief Alive SMEs ÷ (alive SMEs + SMEs that exited in a recorded month, sized at exit), 0 with neither:
 * the timeseries.csv `sme_survival` column. Exits of the warm-up (exit_tick ≤ 0) are not counted, like every
 * other output of the warm-up (docs/ODD.md 7.97). `gone` holds the exited firms already compacted away. */
double sme_survival(const Firms& f, const ExitedFirms& gone, double sme_threshold);

/** @brief Fills the welfare columns of `m` from the world and the tick's ledger totals in `in.stats`. */
void compute_welfare_metrics(const MetricsInput& in, TickMetrics& m);

}  // namespace vicsim::sim

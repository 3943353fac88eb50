#pragma once
/** @file The calibration objective and the analyses around the fit (docs/ODD.md 7.58): the weighted
 * squared relative distance of replication-mean KPIs from their targets, the map between a parameter
 * vector and the optimiser's unit cube, the spread of refits over seed blocks and the flatness of 1-D
 * profiles. Pure functions. */
#include <cstdint>
#include <vector>

#include "experiments/calibration.hpp"
#include "experiments/case_figures.hpp"
#include "experiments/kpi.hpp"

namespace vicsim::experiments {

/** @brief The objective of an evaluation whose runs failed or whose KPI is missing (NaN): large and finite,
 * so that the optimiser steps away from it. */
inline constexpr double kFailedObjective = 1e12;

/** @brief One KPI's replication mean and sample standard deviation (0 with one replication). */
struct KpiMoments {
  double mean = 0, sd = 0;
};

/** @brief A (non-case-figure) target's KPI of one run: compute_kpi of its spec, divided by its `per`
 * denominator when it has one. */
double calibration_kpi(const CalibrationTarget& t, const reports::CsvTable& timeseries,
                       const nlohmann::json& summary);

/** @brief The moments of each target over the replications: kpis[replication][target]. NaN when any
 * replication's value is NaN. */
std::vector<KpiMoments> kpi_moments(const std::vector<std::vector<double>>& kpis);

/**
 * @brief Fills the case-figure targets: kpis[r][t] is replication r's own figure and m[t].mean the figure of
 * the replications' pooled sums (as the validation suite pools its replications), m[t].sd the spread of the
 * replications' figures. Other targets are left as they are. `totals` has one element per replication.
 */
void apply_case_figures(const std::vector<CalibrationTarget>& targets,
                        const std::vector<CaseFigureTotals>& totals, std::vector<std::vector<double>>& kpis,
                        std::vector<KpiMoments>& m);

/**
 * @brief The objective: Σ_k w_k ((m_k − v_k) / s_k)² / Σ_k w_k, with m_k the replication mean of target k,
 * v_k its value, s_k its tolerance (or |v_k|) and w_k its weight; kFailedObjective when a mean is not
 * finite. 0 at a perfect fit; 1 when every mean sits at its tolerance.
 */
double calibration_objective(const std::vector<CalibrationTarget>& targets, const std::vector<KpiMoments>& m);

/** @brief The seed of replication r of seed block b: run_seed(master, b, r), the same for every candidate
 * (common random numbers). */
std::uint64_t calibration_seed(std::uint64_t master, std::int32_t block, std::int32_t replication);

/** @brief Parameter values (inside the bounds) from a point of the unit cube, clamped to [0, 1]. */
std::vector<double> parameter_values(const std::vector<CalibrationParameter>& p,
                                     const std::vector<double>& unit);

/** @brief The unit-cube point of parameter values. */
std::vector<double> unit_point(const std::vector<CalibrationParameter>& p, const std::vector<double>& values);

/** @brief The spread of one parameter's fitted values over the seed blocks. */
struct BlockSpread {
  double mean = 0, sd = 0, min = 0, max = 0;
};

/** @brief Mean, sample sd, min and max of the fitted values over the blocks. */
BlockSpread block_spread(const std::vector<double>& fitted);

/** @brief A 1-D profile through the optimum: the objective at points of one parameter, others fixed. */
struct ProfileSummary {
  double rise = 0;       ///< largest objective on the profile minus the objective at the optimum
  double curvature = 0;  ///< least-squares second derivative in unit-cube coordinates (a x² + b x + c: 2a)
  bool flat = false;     ///< rise < flat_rise: the targets do not pin this parameter down
  bool lower_found = false;  ///< some profile point beats the optimum (the fit stopped short)
};

/**
 * @brief Summarises a profile.
 * @param offsets the points' distance from the optimum in unit-cube coordinates
 * @param objectives the objective at each point
 * @param at_optimum the objective at the optimum
 */
ProfileSummary profile_summary(const std::vector<double>& offsets, const std::vector<double>& objectives,
                               double at_optimum, double flat_rise);

}  // namespace vicsim::experiments

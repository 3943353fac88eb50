#pragma once
/** @file Vega-Lite chart specifications for reports. Each builder takes tidy rows (JSON arrays of
 * objects, field names given below) and returns a complete spec with the house look. */
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace vicsim::reports::vega {

using nlohmann::json;

/** @brief Vega expression labelling an axis value with k/M/bn suffixes (for independent facet scales). */
extern const char* const kNumberLabelExpr;

/** @brief Rows {kpi, tick, value}: one line per facet, facets in `order`, independent y scales. */
json kpi_small_multiples(json rows, const std::vector<std::string>& order, int columns);

/** @brief Rows {track, stage, level (0–3), start, end, from, to}: a Gantt-style timeline of stages, one row
 * per evolution path; darker means further along the path. */
json stage_timeline(json segments, double last_tick);

/** @brief A firm network drawn on a region map. nodes {id, x, y, industry, region, stage, employees,
 * chain_master}, edges {s, t, c} with c = 1 for a tie across regions, regions {name, x, y, r}
 * in the same units; `domain` = {x0, x1, y0, y1} (equal aspect). */
json network_map(json nodes, json edges, json regions, const std::vector<double>& domain,
                 const std::vector<std::string>& industries, const std::string& title);

/** @brief Rows {kpi, tick, series, value}: one line per series in every facet, coloured by series (colours
 * in `series` order, legend titled `series_title`), facets in `order`, independent y scales. */
json series_small_multiples(json rows, const std::vector<std::string>& order,
                            const std::vector<std::string>& series, const std::string& series_title,
                            int columns);

/** @brief Rows {kpi, tick, arm, mean, low, high}: arms overlaid with shaded 95% bands, one facet per KPI;
 * a dotted vertical line marks `marker_tick` unless it is NaN. */
json band_small_multiples(json rows, const std::vector<std::string>& order,
                          const std::vector<std::string>& arms, int columns, const std::string& x_title,
                          double marker_tick = std::nan(""));

/** @brief Rows {kpi, tick, diff, low, high}: a difference over time with its CI band and a zero line. */
json difference_small_multiples(json rows, const std::vector<std::string>& order, int columns,
                                const std::string& x_title, double marker_tick = std::nan(""));

/** @brief Rows {kpi, d, low, high, direction}: standardised effects as a dot-and-whisker chart; direction is
 * "better in B", "worse in B", "different (no better direction)" or "no clear difference". */
json effect_size_chart(json rows, const std::string& x_title);

/** @brief Rows {step, label, start, end, low, high, kind}: a waterfall of contributions in `step` order, each
 * bar from start to end (kind "increase", "decrease" or "total"), with a whisker from low to high (95% CI of
 * the step, placed at its end). */
json waterfall_chart(json rows, const std::string& y_title);

/** @brief Rows {policy, tick, cumulative_spend}: cumulative spending stacked by policy. */
json spending_chart(json rows);

/** @brief Rows {kpi, factor, mu_star, sigma}: the Morris μ*–σ plane, one facet per KPI. */
json morris_chart(json rows, const std::vector<std::string>& kpis, int columns);

/** @brief Rows {kpi, factor, index ("S1"|"ST"), value, low, high}: Sobol indices as grouped bars. */
json sobol_chart(json rows, const std::vector<std::string>& kpis, int columns);

/** @brief Rows {box, factor, low, high} normalised to [0,1] of each factor's range: PRIM boxes. */
json prim_chart(json rows);

/** @brief Rows of a results table: one line per run across `axes`, normalised, coloured by `colour_by`. */
json parallel_coordinates(json rows, const std::vector<std::string>& axes, const std::string& colour_by);

/** @brief Rows of a results table: a scatter matrix of `kpis` (rows) against `factors` (columns). */
json scatter_matrix(json rows, const std::vector<std::string>& factors, const std::vector<std::string>& kpis);

/** @brief Rows {eval, objective, stage} of a calibration trace: the objective of every evaluation (log
 * scale), coloured by stage, with the running best of the fit as a line. */
json calibration_trace_chart(json rows);

/** @brief Rows {parameter, value, objective, fitted}: one panel per parameter in `order`, the objective along
 * its 1-D profile through the optimum (fitted = true marks the optimum). */
json calibration_profile_chart(json rows, const std::vector<std::string>& order, int columns);

}  // namespace vicsim::reports::vega

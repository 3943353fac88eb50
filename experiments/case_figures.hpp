#pragma once
/** @file The case figures (docs/ODD.md §8, 7.34, 7.106): the effects of joining a platform measured by a
 * matched design — at month `join_month` firms on no platform are paired by industry, stage, region and log2
 * size; the first of each pair is made to join the design's platform, and `months` later the joiners that are
 * still members (by default) are compared with their matched non-joiners. One source of truth for the
 * validation suite (tests/agents/ platform_pattern_test.cpp, "[case_figures]") and for calibration targets
 * (`"case_figure"` in a calibration file, docs/ODD.md 7.89). Pure: a scenario in, sums out; no I/O. */
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "scenarios/scenario.hpp"

namespace vicsim::experiments {

/** @brief Which pairs a figure compares (docs/ODD.md 7.106). */
enum class CaseEstimand {
  /// Joiners still members of the design's platform at the measurement month against their matched
  /// non-joiners: the seed's cases are firms that completed a transformation on the platform and stayed.
  /// Selected on staying (leavers judged their gain negative, 7.37), as the published cases are.
  TreatedWhoStayed,
  /// Every joiner against its matched non-joiner, whether or not it is still a member.
  IntentionToTreat,
};

/** @brief The matched design. Its defaults are the validation suite's. */
struct CaseFigureDesign {
  std::string platform = "COSMO-Appliances";  ///< the platform the treated firms join (by name)
  std::int32_t join_month = 24;               ///< months run before pairing and joining
  /// Months run after joining, then measured: two years, the most the seed texts allow between a firm's
  /// joining and its reported figures (docs/ODD.md 7.106).
  std::int32_t months = 24;
  CaseEstimand estimand = CaseEstimand::TreatedWhoStayed;  ///< which pairs the figures compare
};

/** @brief The banded case figures, in this order. */
enum class CaseFigure { DeliveryTime, TotalCost, Quality, ManagementEfficiency };

/** @brief A case figure's name, the case it comes from, its band (relative change, joiners vs controls)
 * and what makes it emerge. */
struct CaseFigureInfo {
  CaseFigure figure;
  const char* key;     ///< calibration name, e.g. "total_cost"
  const char* name;    ///< validation row name, e.g. "total cost"
  const char* source;  ///< the case, e.g. "Ruifang −8%"
  double low, high;    ///< band of the relative change (share, e.g. −0.15)
  const char* origin;  ///< emergent from what, or set by which parameter
};

/** @brief The four case figures with their bands (docs/ODD.md §8). */
const std::array<CaseFigureInfo, 4>& case_figure_table();

/** @brief The entry of a calibration key ("delivery_time", ...); nullptr when unknown. */
const CaseFigureInfo* find_case_figure(const std::string& key);

/**
 * @brief Sums over the matched pairs of one or more replications. Additive: the validation suite and a
 * calibration evaluation both pool replications by adding totals and take the ratios of the pooled sums.
 */
struct CaseFigureTotals {
  double lead_treated = 0,
         lead_control = 0;  ///< Σ own delivery days to customers, over delivery_pairs (days)
  double cost_treated = 0, cost_control = 0;        ///< Σ total cost / revenue (shares)
  double quality_treated = 0, quality_control = 0;  ///< Σ (1 − defect rate)(1 − input defect share)
  double efficiency_treated = 0, efficiency_control = 0;  ///< Σ capacity / management overhead (units/yuan)
  double margin_treated = 0,
         margin_control = 0;      ///< Σ profit / revenue of final-stage joiners (reported only)
  double pairs = 0;               ///< pairs compared (both alive, producing, selling)
  double delivery_pairs = 0;      ///< of which both firms delivered through supply ties (delivery time)
  std::int64_t pairs_formed = 0;  ///< pairs formed at the join month
  /// The figures' channels (docs/ODD.md 7.98): name → {Σ joiners, Σ controls} over the compared pairs, e.g.
  /// "member" (1 if the joiner is still a member), "maturity", "own_quality", "input_quality", "overhead";
  /// and the four figures' sums under the intention-to-treat estimand ("itt.pairs", "itt.delivery",
  /// "itt.cost", "itt.quality", "itt.efficiency"), over every pair of alive, producing, selling firms.
  std::map<std::string, std::array<double, 2>> parts;
  CaseFigureTotals& operator+=(const CaseFigureTotals& o);
};

/**
 * @brief Runs one replication of the matched design on `s` (its seed, its overrides) and returns the sums.
 * Steps join_month + months ticks whatever `s.ticks` says.
 * @throws std::invalid_argument when the design's platform is not in the scenario
 */
CaseFigureTotals measure_case_figure_totals(const scenarios::Scenario& s, const CaseFigureDesign& d = {});

/**
 * @brief The matched design of one replication measured at several horizons (months after joining) of the
 * same run: element k holds the sums `horizons` (sorted ascending) [k] months after joining; `d.months` is
 * not used. How the horizons of docs/ODD.md 7.106 are compared on one set of pairs.
 * @throws std::invalid_argument when the design's platform is not in the scenario
 */
std::vector<CaseFigureTotals> measure_case_figure_horizons(const scenarios::Scenario& s,
                                                           const CaseFigureDesign& d,
                                                           std::vector<std::int32_t> horizons);

/**
 * @brief The matched design on a scenario file with overrides, once per seed (`seed=` added to `sets`);
 * element r holds the sums of seeds[r]. How a calibration measures its case-figure targets.
 * @throws scenarios::ScenarioError-like std::runtime_error naming the file when the scenario does not load
 */
std::vector<CaseFigureTotals> measure_case_figure_seeds(const std::string& scenario_file,
                                                        const std::vector<std::string>& sets,
                                                        const std::vector<std::uint64_t>& seeds,
                                                        const CaseFigureDesign& d = {});

/** @brief A figure from pooled sums: joiners' sum over controls' sum − 1 (NaN without pairs). */
double case_figure_value(const CaseFigureTotals& t, CaseFigure f);

}  // namespace vicsim::experiments

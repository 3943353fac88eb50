#pragma once
/** @file A calibration: a base scenario, the parameters to fit (scenario keys with bounds and a start), the
 * target moments (KPIs with a target value, a tolerance and a weight), replications per evaluation, seed
 * blocks, the optimiser and its budget. Plain typed data, read by calibration_loader.hpp and documented in
 * docs/outputs.md ("vicsim calibrate") and docs/ODD.md 7.58. */
#include <cstdint>
#include <string>
#include <vector>

#include "experiments/experiment.hpp"

namespace vicsim::experiments {

/** @brief One parameter to fit: a scenario key (as in `--set`), its bounds and its starting value. */
struct CalibrationParameter {
  std::string name;            ///< column name in trace.csv (defaults to the path)
  std::string path;            ///< scenario key, dotted as in `vicsim run --set path=value`
  std::vector<double> bounds;  ///< [lower, upper], inside the scenario schema's range
  double start = 0;            ///< starting value (default: the bounds' midpoint)
  bool has_start = false;
};

/** @brief One target moment: a KPI of a run (timeseries.csv column at a tick or over a window, or a
 * summary.json value), its replication mean's target, the scale of its distance and its weight. */
struct CalibrationTarget {
  std::string name;  ///< column prefix in trace.csv (defaults to the KPI name)
  OutputSpec kpi;    ///< how the KPI is read from one run
  /// Optional denominator: a column (same aggregation) or summary key the KPI is divided by, e.g.
  /// first_tick.employees per first_tick.firms (mean firm size at month 1). Empty: none.
  std::string per;
  OutputSpec per_kpi;  ///< the denominator's spec (built by the loader from `per`)
  /// A case figure instead of a run KPI: "delivery_time", "total_cost", "quality" or
  /// "management_efficiency", measured by experiments/case_figures.hpp on the base scenario with the
  /// candidate's overrides, its replications pooled as in the validation suite (docs/ODD.md 7.89).
  std::string case_figure;
  double value = 0;      ///< target value of the replication mean (KPI units)
  double tolerance = 0;  ///< KPI units; the distance is (mean - value) / tolerance (0: |value|)
  double weight = 1;     ///< weight in the objective
  std::string source;    ///< where the target comes from (free text: case figure, stylised fact, user)
  /** @brief The scale of the distance: the tolerance, or |value| when none was given. */
  double scale() const { return tolerance > 0 ? tolerance : (value < 0 ? -value : value); }
};

/** @brief The optimiser: an NLopt derivative-free local algorithm in the unit cube of the bounds. */
struct OptimiserSpec {
  std::string algorithm = "LN_BOBYQA";  ///< LN_BOBYQA, LN_COBYLA, LN_NELDERMEAD or LN_SBPLX
  std::int32_t max_evaluations = 40;    ///< budget of the main fit (evaluations)
  /// First step (BOBYQA: the initial trust-region radius), as a share of each parameter's range. 0.2, not
  /// 0.1: the common-random-number objective has plateaus and jumps a few % of a range wide, and a first
  /// model built on them shrank BOBYQA's trust region to a crawl that stopped far from the optimum
  /// (docs/ODD.md 7.74).
  double initial_step = 0.2;
  double xtol = 1e-3;   ///< stop when steps are below this share of each range
  double ftol_abs = 0;  ///< stop when the objective changes by less (0: not used)
};

/** @brief Uncertainty across seed blocks: the fit is repeated on blocks 1..blocks-1 from the optimum. */
struct UncertaintySpec {
  std::int32_t seed_blocks = 1;       ///< blocks in all, the fit's block 0 included (1: no refits)
  std::int32_t max_evaluations = 20;  ///< budget of each refit
};

/** @brief Identifiability: 1-D profiles (slices) of the objective through the optimum and its
 * finite-difference Hessian there (docs/ODD.md 7.58, 7.59). */
struct IdentifiabilitySpec {
  bool enabled = true;
  std::int32_t points = 4;  ///< points per side of the optimum
  double width = 0.1;       ///< half-width of each profile, share of the parameter's range
  double flat_rise = 0.05;  ///< a profile whose objective rises less than this is flagged flat
  /// ... or less than this many residual sds of the least-squares Hessian fit, when that is larger: a rise
  /// the objective's seed noise could make is not evidence that the targets pin a parameter down (7.59)
  double noise_sds = 2.0;
  bool hessian = true;         ///< also the central-difference Hessian at the optimum (when enabled)
  double hessian_step = 0.05;  ///< its step h, share of each parameter's range, in (0, 0.5]
  double flat_ratio = 0.01;    ///< an eigen-direction with λ/λ_max below this is flagged flat
};

/** @brief A whole calibration, validated. `scenario_file` is resolved from the calibration file. */
struct Calibration {
  std::string file;
  std::string name, description;
  std::string scenario;          ///< base scenario as written (relative to the calibration file)
  std::string scenario_file;     ///< base scenario path usable from the current directory
  std::vector<std::string> set;  ///< fixed overrides path=value applied to every run
  std::vector<CalibrationParameter> parameters;
  std::vector<CalibrationTarget> targets;
  std::int32_t replications = 4;  ///< runs per evaluation (seeds of the block)
  std::uint64_t seed = 1;         ///< master seed of the seed blocks
  OptimiserSpec optimiser;
  UncertaintySpec uncertainty;
  IdentifiabilitySpec identifiability;
};

}  // namespace vicsim::experiments

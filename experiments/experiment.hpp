#pragma once
/** @file An experiment: a base scenario, factors, a design, replications, outputs (KPIs), a master seed
 * and an optional scenario-discovery condition. Plain typed data, read by experiment_loader.hpp and
 * documented in docs/experiments.md. */
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace vicsim::experiments {

/** @brief A probability distribution a factor's values are drawn from (by its quantile function). */
struct DistributionSpec {
  std::string type;  ///< "uniform", "normal", "lognormal" or "triangular"; "" when absent
  double min = 0, max = 1, mode = 0.5;
  double mean = 0, sd = 1;        ///< normal
  double meanlog = 0, sdlog = 1;  ///< lognormal: log of the value is normal(meanlog, sdlog)
};

/** @brief How a factor's values are given. */
enum class FactorKind { Range, Levels, Distribution };

/** @brief One factor: a scenario key and the values it takes. */
struct FactorSpec {
  std::string name;  ///< column name in results.csv (defaults to the path)
  std::string path;  ///< scenario key, dotted as in `vicsim run --set path=value`
  FactorKind kind = FactorKind::Range;
  std::vector<double> range;  ///< [min, max] for Range
  std::int32_t steps = 0;     ///< Range: evenly spaced levels for a full factorial (0 = not given)
  nlohmann::json levels;      ///< Levels: an array of JSON scalars (numbers, booleans, strings)
  DistributionSpec distribution;
  bool integer = false;  ///< round numeric values to the nearest integer
};

/** @brief The design kinds. */
enum class DesignType { FullFactorial, LatinHypercube, Morris, Sobol };

/** @brief The design and its size. */
struct DesignSpec {
  std::string type;  ///< "full_factorial", "latin_hypercube", "morris" or "sobol"
  DesignType kind = DesignType::FullFactorial;
  std::int32_t points = 0;         ///< latin_hypercube: number of points
  std::int32_t trajectories = 10;  ///< morris: number of trajectories r
  std::int32_t levels = 4;         ///< morris: grid levels p (even)
  std::int32_t base_samples = 64;  ///< sobol: base sample size N (a power of two is best)
  std::int32_t skip = 0;           ///< sobol: leading Sobol-sequence points skipped (besides the origin)
  std::int32_t bootstrap = 1000;   ///< morris and sobol: bootstrap resamples for the confidence intervals
  double confidence = 0.95;        ///< level of the bootstrap confidence intervals
};

/** @brief How a KPI summarises a time-series column. */
enum class Aggregate { Final, First, Mean, Min, Max, Sum, AtTick };

/** @brief One KPI: a timeseries.csv column aggregated over the run (or at a tick), or a summary.json
 * value. */
struct OutputSpec {
  std::string name;       ///< column name in results.csv
  std::string column;     ///< timeseries.csv column, found by name
  std::string aggregate;  ///< "final", "first", "mean", "min", "max", "sum"; "" with `tick`
  Aggregate kind = Aggregate::Final;
  std::int32_t tick = -1;      ///< AtTick: the row whose `tick` column equals this
  std::int32_t from_tick = 0;  ///< aggregates use rows with tick >= from_tick (burn-in)
  std::int32_t to_tick = -1;   ///< ... and tick <= to_tick (-1: up to the last row)
  std::string summary;         ///< alternatively, a dotted key in summary.json, e.g. "final.output"
};

/** @brief A condition on a run's KPIs: `kpi op value` or `kpi op scale * other_kpi`. */
struct ConditionSpec {
  std::string kpi;
  std::string op;  ///< ">", ">=", "<", "<=", "==", "!="
  std::optional<double> value;
  nlohmann::json raw_value;  ///< `value` as written (checked by the loader)
  std::string other_kpi;
  double scale = 1.0;
};

/** @brief Scenario discovery with PRIM (Friedman & Fisher 1999). */
struct DiscoverySpec {
  bool enabled = false;
  ConditionSpec condition;
  double peel_alpha = 0.05;   ///< share of the box's points removed per peel
  double paste_alpha = 0.05;  ///< share added per paste (0: no pasting)
  double min_mass = 0.05;     ///< stop peeling when the box holds fewer than this share of all points
  double threshold = 0.8;     ///< the chosen box is the largest on the trajectory with density >= this
  std::int32_t max_boxes = 3;
};

/** @brief A whole experiment, validated. Paths are as written; `scenario_file` is resolved. */
struct Experiment {
  std::string file;  ///< the experiment file
  std::string name, description;
  std::string scenario;          ///< base scenario as written (relative to the experiment file)
  std::string scenario_file;     ///< base scenario path usable from the current directory
  std::vector<std::string> set;  ///< fixed overrides applied to every run, "path=value"
  std::vector<FactorSpec> factors;
  DesignSpec design;
  std::int32_t replications = 1;
  std::uint64_t seed = 1;
  bool common_random_numbers = false;  ///< seed depends on the replication only, not the point
  std::vector<OutputSpec> outputs;
  DiscoverySpec discovery;
};

}  // namespace vicsim::experiments
